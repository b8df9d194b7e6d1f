using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Scd4x;

namespace EdgeNode.Sensors.Tests.Scd4x;

/// <summary>An emulated SCD4x at 0x62 on bus 1, on a virtual clock, ready for the driver to open.</summary>
internal sealed class Scd4xBench
{
    public const int Address = 0x62;
    public const string SensorName = "SCD4x at I2C bus 1, address 0x62";

    public Scd4xBench(Scd4xVariant variant = Scd4xVariant.Scd41, bool jitter = false, AmbientConditions? conditions = null)
    {
        Ambient = new ConstantAmbient(conditions ?? AmbientConditions.Typical);
        Emulator = new Scd4xEmulator(Time, Ambient, variant) { Jitter = jitter };
        Bus.Attach(Address, Emulator);
    }

    public VirtualTimeProvider Time { get; } = new();

    public ConstantAmbient Ambient { get; }

    public Scd4xEmulator Emulator { get; }

    public EmulatedI2cBus Bus { get; } = new(busId: 1);

    public Task<Scd4xSensor> OpenAsync(Scd4xMeasurementMode mode = Scd4xMeasurementMode.Periodic) =>
        Scd4xSensor.OpenAsync(Bus.CreateDevice(Address), Time, mode);

    /// <summary>Opens in periodic mode and lets the first 5 s measurement complete.</summary>
    public async Task<Scd4xSensor> OpenWarmAsync()
    {
        Scd4xSensor sensor = await OpenAsync();
        Time.Advance(TimeSpan.FromSeconds(5));
        return sensor;
    }

    public static async Task<SensorFaultException> FaultOf(Func<Task> action)
    {
        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(action);
        Assert.Contains(SensorName, fault.Message);
        Assert.Equal(SensorName, fault.Sensor);
        return fault;
    }
}
