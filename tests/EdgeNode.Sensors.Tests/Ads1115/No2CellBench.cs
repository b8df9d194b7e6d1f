using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Ads1115;

/// <summary>An emulated NO2-B43F + ISB on an ADS1115 at 0x48, bus 1, on a virtual clock.</summary>
internal sealed class No2CellBench
{
    public const int Address = 0x48;
    public const string SensorName = "NO2-B43F via ADS1115 at I2C bus 1, address 0x48";

    /// <summary>Certificate-like constants: electronic zeros around 220–230 mV, −0.30 mV/ppb.</summary>
    public static readonly No2CellCalibration Calibration = new(220.0, 230.0, -0.30);

    public No2CellBench(double no2MicrogramsPerCubicMetre = 14.0, bool noise = false)
    {
        Ambient = new ConstantAmbient(AmbientConditions.Typical with { No2MicrogramsPerCubicMetre = no2MicrogramsPerCubicMetre });
        Emulator = new No2CellEmulator(Time, Ambient, Calibration) { Noise = noise };
        Bus.Attach(Address, Emulator);
    }

    public VirtualTimeProvider Time { get; } = new();

    public ConstantAmbient Ambient { get; }

    public No2CellEmulator Emulator { get; }

    public EmulatedI2cBus Bus { get; } = new(busId: 1);

    public Task<No2CellSensor> OpenAsync() => No2CellSensor.OpenAsync(Bus.CreateDevice(Address), Time, Calibration);

    public static async Task<SensorFaultException> FaultOf(Func<Task> action)
    {
        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(action);
        Assert.Contains(SensorName, fault.Message);
        Assert.Equal(SensorName, fault.Sensor);
        return fault;
    }
}
