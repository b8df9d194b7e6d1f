using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Scd4x;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Sensors.Tests.Scd4x;

/// <summary>
/// Whatever comes back on the wire, the driver either returns values inside the datasheet's ranges or throws
/// <see cref="SensorFaultException"/>: no other exception, and never an impossible value passed off as valid.
/// </summary>
public class Scd4xPropertyTests
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    [Fact]
    public void Random_response_bytes_give_valid_readings_or_sensor_faults()
    {
        var arbitrary = Gen.Zip(Gen.ArrayOf(AnyByte), Gen.Elements(Scd4xMeasurementMode.Periodic, Scd4xMeasurementMode.SingleShot)).ToArbitrary();

        Prop.ForAll(arbitrary, input => ReadingsAreValidOrFaults(new ScriptedAnswerDevice(input.Item1, [], validCrcs: false), input.Item2))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Random_words_with_correct_CRCs_give_valid_readings_or_sensor_faults()
    {
        var arbitrary = Gen.Zip(Gen.ArrayOf(AnyByte), Gen.Elements(Scd4xMeasurementMode.Periodic, Scd4xMeasurementMode.SingleShot)).ToArbitrary();

        Prop.ForAll(arbitrary, input => ReadingsAreValidOrFaults(new ScriptedAnswerDevice(input.Item1, [], validCrcs: true), input.Item2))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Random_words_and_random_NACKs_give_valid_readings_or_sensor_faults()
    {
        var arbitrary = Gen.Zip(Gen.ArrayOf(AnyByte), Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false))))).ToArbitrary();

        Prop.ForAll(arbitrary, input => ReadingsAreValidOrFaults(new ScriptedAnswerDevice(input.Item1, input.Item2, validCrcs: true), Scd4xMeasurementMode.Periodic))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static bool ReadingsAreValidOrFaults(ScriptedAnswerDevice device, Scd4xMeasurementMode mode) => Task.Run(async () =>
    {
        var time = new VirtualTimeProvider();
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x62, device);
        Scd4xSensor sensor;
        try
        {
            sensor = await Scd4xSensor.OpenAsync(bus.CreateDevice(0x62), time, mode);
        }
        catch (SensorFaultException e)
        {
            return IsWellFormed(e);
        }

        using (sensor)
        {
            for (int attempt = 0; attempt < 4; attempt++)
            {
                try
                {
                    Scd4xReading reading = await sensor.MeasureAsync();
                    if (reading.Co2PartsPerMillion is < 0 or > 40_000
                        || reading.TemperatureCelsius is < -10 or > 60
                        || reading.RelativeHumidityPercent is < 0 or > 100)
                    {
                        return false;
                    }
                }
                catch (SensorFaultException e) when (IsWellFormed(e))
                {
                }

                time.Advance(TimeSpan.FromSeconds(5));
            }
        }

        return true;
    }).GetAwaiter().GetResult();

    private static bool IsWellFormed(SensorFaultException e) =>
        e.Sensor == "SCD4x at I2C bus 1, address 0x62" && e.Message.Contains(e.Sensor);
}
