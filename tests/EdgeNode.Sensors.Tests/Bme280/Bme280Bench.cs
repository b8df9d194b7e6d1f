using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>An emulated BME280 at 0x76 on bus 1, on a virtual clock, ready for the driver to open.</summary>
internal sealed class Bme280Bench
{
    public const int Address = 0x76;
    public const string SensorName = "BME280 at I2C bus 1, address 0x76";

    public Bme280Bench(AmbientConditions? conditions = null, bool jitter = false)
    {
        Ambient = new ConstantAmbient(conditions ?? AmbientConditions.Typical);
        Emulator = new Bme280Emulator(Time, Ambient) { Jitter = jitter };
        Bus.Attach(Address, Emulator);
    }

    public VirtualTimeProvider Time { get; } = new();

    public ConstantAmbient Ambient { get; }

    public Bme280Emulator Emulator { get; }

    public EmulatedI2cBus Bus { get; } = new(busId: 1);

    public Task<Bme280Sensor> OpenAsync() => Bme280Sensor.OpenAsync(Bus.CreateDevice(Address), Time);

    public static async Task<SensorFaultException> FaultOf(Func<Task> action)
    {
        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(action);
        Assert.Contains(SensorName, fault.Message);
        Assert.Equal(SensorName, fault.Sensor);
        return fault;
    }
}
