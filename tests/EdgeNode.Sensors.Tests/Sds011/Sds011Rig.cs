using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Contract;

namespace EdgeNode.Sensors.Tests.Sds011;

/// <summary>An SDS011 emulator on an emulated line with the real driver on the host end, all on a virtual clock.</summary>
internal sealed class Sds011Rig : IParticulateRig
{
    public Sds011Rig(double pm25 = 7.0, double pm10 = 12.0, bool noise = true, Func<IEmulatedSerialPeripheral, IEmulatedSerialPeripheral>? line = null)
    {
        Ambient = new ConstantAmbient(AmbientConditions.Typical with { Pm25MicrogramsPerCubicMetre = pm25, Pm10MicrogramsPerCubicMetre = pm10 });
        Emulator = new Sds011Emulator(Ambient) { Noise = noise };
        Port = new EmulatedSerialPort(line is null ? Emulator : line(Emulator), Time, "/dev/ttyUSB0");
        Sensor = new Sds011Sensor(Port, Time);
    }

    public VirtualTimeProvider Time { get; } = new();

    public ConstantAmbient Ambient { get; }

    public Sds011Emulator Emulator { get; }

    public EmulatedSerialPort Port { get; }

    public Sds011Sensor Sensor { get; }

    public async Task WakeAndWarmUpAsync()
    {
        await Sensor.WakeAsync();
        Time.Advance(Sensor.WarmUp);
    }

    IEmulatedSensor IParticulateRig.Emulator => Emulator;

    IDutyCycledSensor IParticulateRig.Sensor => Sensor;

    int IParticulateRig.CommandsReceived => Emulator.CommandsReceived;

    bool IParticulateRig.Sleeping => Emulator.Sleeping;

    async Task<double> IParticulateRig.ReadPm25Async() => (await Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre;
}
