using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Tests.Contract;

namespace EdgeNode.Sensors.Tests.Pms5003;

/// <summary>A PMS5003 emulator on an emulated line with the real driver on the host end, all on a virtual clock.</summary>
internal sealed class Pms5003Rig : IParticulateRig
{
    public Pms5003Rig(double pm1 = 4, double pm25 = 7, double pm10 = 12, bool noise = true, Func<IEmulatedSerialPeripheral, IEmulatedSerialPeripheral>? line = null)
    {
        Ambient = new ConstantAmbient(AmbientConditions.Typical with
        {
            Pm1MicrogramsPerCubicMetre = pm1,
            Pm25MicrogramsPerCubicMetre = pm25,
            Pm10MicrogramsPerCubicMetre = pm10,
        });
        Emulator = new Pms5003Emulator(Ambient) { Noise = noise };
        Port = new EmulatedSerialPort(line is null ? Emulator : line(Emulator), Time, "/dev/ttyAMA0");
        Sensor = new Pms5003Sensor(Port, Time);
    }

    public VirtualTimeProvider Time { get; } = new();

    public ConstantAmbient Ambient { get; }

    public Pms5003Emulator Emulator { get; }

    public EmulatedSerialPort Port { get; }

    public Pms5003Sensor Sensor { get; }

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
