using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ads1115;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Sensors.Tests.Ads1115;

/// <summary>Whatever the registers return, only <see cref="SensorFaultException"/> escapes and no out-of-range NO2 is returned.</summary>
public class No2CellPropertyTests
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    [Fact]
    public void Random_conversion_codes_and_status_bits_give_a_valid_reading_or_a_sensor_fault()
    {
        Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), script => ReadingIsValidOrFault(new RandomAds1115Device(script, plausible: true)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Entirely_random_register_reads_give_a_valid_reading_or_a_sensor_fault()
    {
        Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), script => ReadingIsValidOrFault(new RandomAds1115Device(script, plausible: false)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static bool ReadingIsValidOrFault(RandomAds1115Device device) => Task.Run(async () =>
    {
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x48, device);
        try
        {
            using No2CellSensor sensor = await No2CellSensor.OpenAsync(bus.CreateDevice(0x48), new VirtualTimeProvider(), No2CellBench.Calibration);
            for (int i = 0; i < 3; i++)
            {
                No2CellReading reading = await sensor.MeasureAsync();
                if (reading.No2MicrogramsPerCubicMetre is < -50 * 1.91 or > 20_000 * 1.91)
                {
                    return false;
                }
            }

            return true;
        }
        catch (SensorFaultException e)
        {
            return e.Sensor == No2CellBench.SensorName && e.Message.Contains(e.Sensor);
        }
    }).GetAwaiter().GetResult();
}
