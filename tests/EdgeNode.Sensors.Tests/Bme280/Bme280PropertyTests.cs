using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Bme280;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>
/// Whatever the registers hold, the driver either returns values inside the datasheet's ranges or throws
/// <see cref="SensorFaultException"/>: no other exception, and never an impossible value passed off as valid.
/// </summary>
public class Bme280PropertyTests
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    [Fact]
    public void Random_trimming_and_random_ADC_codes_give_a_valid_reading_or_a_sensor_fault()
    {
        Gen<byte[]> registers = Gen.ArrayOf(AnyByte, 256).Select(map =>
        {
            map[0xD0] = 0x60;
            map[0xF3] = 0x00;
            return map;
        });

        Prop.ForAll(registers.ToArbitrary(), map => ReadingIsValidOrFault(map)).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Genuine_trimming_and_random_ADC_codes_give_a_valid_reading_or_a_sensor_fault()
    {
        Gen<byte[]> registers = Gen.ArrayOf(AnyByte, 8).Select(data =>
        {
            byte[] map = new byte[256];
            map[0xD0] = 0x60;
            Bme280Emulator.DefaultTrimming.TemperaturePressureBytes().CopyTo(map, 0x88);
            Bme280Emulator.DefaultTrimming.HumidityBytes().CopyTo(map, 0xE1);
            data.CopyTo(map, 0xF7);
            return map;
        });

        Prop.ForAll(registers.ToArbitrary(), map => ReadingIsValidOrFault(map)).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Entirely_random_registers_give_a_valid_reading_or_a_sensor_fault()
    {
        Prop.ForAll(Gen.ArrayOf(AnyByte, 256).ToArbitrary(), map => ReadingIsValidOrFault(map)).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static bool ReadingIsValidOrFault(byte[] registers) => Task.Run(async () =>
    {
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new RegisterMapDevice(registers));
        try
        {
            using Bme280Sensor sensor = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider());
            Bme280Reading reading = await sensor.MeasureAsync();
            return reading.TemperatureCelsius is >= -40 and <= 85
                && reading.RelativeHumidityPercent is >= 0 and <= 100
                && reading.PressureHectopascals is >= 300 and <= 1100;
        }
        catch (SensorFaultException e)
        {
            return e.Sensor == "BME280 at I2C bus 1, address 0x76" && e.Message.Contains(e.Sensor);
        }
    }).GetAwaiter().GetResult();
}
