using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Contract;

/// <summary>
/// A particulate sensor's emulator on an emulated line with the real driver on the host end, all on a virtual clock:
/// what the particulate contracts need of <c>Pms5003Rig</c> and <c>Sds011Rig</c>.
/// </summary>
public interface IParticulateRig
{
    VirtualTimeProvider Time { get; }

    EmulatedSerialPort Port { get; }

    IEmulatedSensor Emulator { get; }

    IDutyCycledSensor Sensor { get; }

    /// <summary>Wakes the sensor and lets the warm-up pass, as the sampler does.</summary>
    Task WakeAndWarmUpAsync();

    /// <summary>How many commands the emulated device has heard.</summary>
    int CommandsReceived { get; }

    /// <summary>Whether the emulated device's fan and laser are off.</summary>
    bool Sleeping { get; }

    /// <summary>One reading's PM2.5 through the driver's own typed read.</summary>
    Task<double> ReadPm25Async();
}
