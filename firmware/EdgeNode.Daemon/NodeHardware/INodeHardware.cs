using System.Device.Gpio;
using System.Device.I2c;
using EdgeNode.Hardware.Clock;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Daemon.NodeHardware;

/// <summary>
/// Where the node's buses and ports come from: the Pi's device files, or emulated devices. Everything
/// above this (drivers, self-test, sampler) is the same code either way.
/// </summary>
public interface INodeHardware : IDisposable
{
    /// <summary>"Raspberry Pi" or "emulated", for reports.</summary>
    string Name { get; }

    TimeProvider Time { get; }

    /// <summary>
    /// Which boot <see cref="Time"/>'s timestamps count from: windows recorded before the clock was synchronised can
    /// be re-stamped only by the boot that recorded them (see <see cref="Clock.BootClock"/>).
    /// </summary>
    string BootId { get; }

    /// <summary>Whether <see cref="Time"/> can be trusted: a Pi has no real-time clock until a time source sets it.</summary>
    ClockSynchronisation ReadClockSynchronisation();

    /// <exception cref="Hardware.DeviceAccessException">The bus is missing or not accessible.</exception>
    I2cBus OpenI2cBus(int busId);

    /// <summary>The GPIO header, opened on first use and shared: status LED, button, particulate sensors' SET and power pins.</summary>
    GpioController OpenGpio();

    /// <exception cref="Hardware.DeviceAccessException">The port is missing, busy or not accessible.</exception>
    SerialDevice OpenSerialPort(string portName, int baudRate);
}
