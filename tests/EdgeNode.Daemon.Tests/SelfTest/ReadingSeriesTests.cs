using EdgeNode.Daemon.SelfTest;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.SelfTest;

public class ReadingSeriesTests
{
    private static readonly IReadOnlyList<Measurement> Reading = [new(Metric.TemperatureCelsius, 18.54), new(Metric.PressureHectopascals, 1013.25)];

    private static SensorFaultException Fault(SensorFaultKind kind) => new(kind, "BME280", $"BME280: {kind}, check the wiring.");

    [Fact]
    public void Good_readings_give_OK_with_the_last_values_and_their_units()
    {
        var series = new ReadingSeries();
        series.Succeeded(Reading);

        SensorVerdict verdict = series.Verdict("BME280", "I2C bus 1, 0x76");

        Assert.True(verdict.Ok);
        Assert.Equal("temperature 18.5 °C, pressure 1013.3 hPa", verdict.Summary);
        Assert.Null(verdict.Advice);
    }

    [Fact]
    public void An_isolated_failure_is_noted_on_an_OK_sensor()
    {
        var series = new ReadingSeries();
        series.Succeeded(Reading);
        series.Failed(Fault(SensorFaultKind.CorruptData));
        series.Succeeded(Reading);
        series.Succeeded(Reading);
        series.Succeeded(Reading);

        SensorVerdict verdict = series.Verdict("BME280", "I2C bus 1, 0x76");

        Assert.True(verdict.Ok);
        Assert.Equal("1 of 5 readings failed (corrupt data); watch it.", verdict.Advice);
    }

    [Fact]
    public void A_failed_last_reading_makes_the_sensor_faulty_with_its_advice()
    {
        var series = new ReadingSeries();
        series.Succeeded(Reading);
        series.Succeeded(Reading);
        series.Failed(Fault(SensorFaultKind.Stuck));

        SensorVerdict verdict = series.Verdict("BME280", "I2C bus 1, 0x76");

        Assert.Equal(SensorFaultKind.Stuck, verdict.Fault);
        Assert.Equal("stuck value", verdict.Summary);
        Assert.Equal("BME280: Stuck, check the wiring.", verdict.Advice);
    }

    [Fact]
    public void Frequent_failures_make_the_sensor_faulty_even_if_the_last_reading_was_good()
    {
        var series = new ReadingSeries();
        series.Failed(Fault(SensorFaultKind.CorruptData));
        series.Failed(Fault(SensorFaultKind.CorruptData));
        series.Succeeded(Reading);

        SensorVerdict verdict = series.Verdict("BME280", "I2C bus 1, 0x76");

        Assert.Equal(SensorFaultKind.CorruptData, verdict.Fault);
        Assert.StartsWith("2 of 3 readings failed.", verdict.Advice);
    }

    [Fact]
    public void No_reading_at_all_is_not_an_OK()
    {
        Assert.False(new ReadingSeries().Verdict("BME280", "I2C bus 1, 0x76").Ok);
    }

    [Fact]
    public void Warming_up_before_the_first_good_reading_is_not_held_against_the_sensor()
    {
        var series = new ReadingSeries();
        series.Failed(Fault(SensorFaultKind.WarmingUp));
        series.Succeeded(Reading);
        series.Succeeded(Reading);

        SensorVerdict verdict = series.Verdict("SCD4x", "I2C bus 1, 0x62");

        Assert.True(verdict.Ok);
        Assert.Null(verdict.Advice);
    }

    [Fact]
    public void A_sensor_that_never_finishes_warming_up_is_reported_as_warming_up()
    {
        var series = new ReadingSeries();
        series.Failed(Fault(SensorFaultKind.WarmingUp));
        series.Failed(Fault(SensorFaultKind.WarmingUp));

        Assert.Equal(SensorFaultKind.WarmingUp, series.Verdict("SDS011", "/dev/ttyUSB0").Fault);
    }
}
