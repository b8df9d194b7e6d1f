using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Tests.Calibration;

public sealed class CalibrationSetTests
{
    private static readonly CalibrationSet Pm = new(3,
    [
        new CalibrationEntry("sds011", "pm25_ugm3", 0.8, -1.5),
        new CalibrationEntry("bme280", "temperature_c", 1, 0.25),
    ]);

    [Fact]
    public void A_set_travels_as_settings_and_comes_back_the_same()
    {
        IReadOnlyDictionary<string, string> settings = Pm.ToSettings();

        Assert.Equal("3", settings["Calibration:Version"]);
        Assert.Equal("0.8", settings["Calibration:sds011:pm25_ugm3:Gain"]);
        Assert.Equal("-1.5", settings["Calibration:sds011:pm25_ugm3:Offset"]);
        var problems = new List<string>();
        CalibrationSet? back = CalibrationSet.FromSettings(settings, problems);
        Assert.Empty(problems);
        Assert.NotNull(back);
        Assert.Equal(3, back.Version);
        Assert.Equal(Pm.Entries.OrderBy(e => e.Sensor), back.Entries);
    }

    [Fact]
    public void Settings_without_calibration_keys_leave_the_set_in_force()
    {
        var problems = new List<string>();
        Assert.Null(CalibrationSet.FromSettings(new Dictionary<string, string> { ["Uplink:SyncInterval"] = "00:30:00" }, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_value_is_corrected_only_for_the_sensor_and_metric_named()
    {
        Assert.Equal(0.8 * 20 - 1.5, Pm.Apply("sds011", MetricCatalogue.Pm25, 20), 9);
        Assert.Equal(20, Pm.Apply("pms5003", MetricCatalogue.Pm25, 20));
        Assert.Equal(20, Pm.Apply("sds011", MetricCatalogue.Pm10, 20));
        Assert.Equal(20, CalibrationSet.None.Apply("sds011", MetricCatalogue.Pm25, 20));
    }

    [Fact]
    public void A_corrected_concentration_never_goes_below_what_the_protocol_accepts_and_inverts_otherwise()
    {
        CalibrationEntry entry = Pm.For("sds011", "pm25_ugm3")!;
        Assert.Equal(0, entry.Apply(MetricCatalogue.Pm25, 1));
        Assert.Equal(20, entry.Invert(entry.Apply(MetricCatalogue.Pm25, 20)), 9);
    }

    public static TheoryData<Dictionary<string, string>, string> Refused() => new()
    {
        { new() { ["Calibration:sds011:pm25_ugm3:Gain"] = "1", ["Calibration:sds011:pm25_ugm3:Offset"] = "0" }, "without Calibration:Version" },
        { new() { ["Calibration:Version"] = "two" }, "not a whole number" },
        { new() { ["Calibration:Version"] = "0" }, "must be 1 or more" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:pm25_ugm3:Gain"] = "0.9" }, "needs both a Gain and an Offset" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:pm25_ugm3:Gain"] = "0,9", ["Calibration:sds011:pm25_ugm3:Offset"] = "0" }, "'0,9' is not a number" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:pm25_ugm3:Gain"] = "0", ["Calibration:sds011:pm25_ugm3:Offset"] = "0" }, "the gain must be between 0.2 and 5" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:pm25_ugm3:Gain"] = "NaN", ["Calibration:sds011:pm25_ugm3:Offset"] = "0" }, "the gain must be between" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:pm25_ugm3:Gain"] = "1", ["Calibration:sds011:pm25_ugm3:Offset"] = "250" }, "the offset must be within ±200" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:ozone:Gain"] = "1", ["Calibration:sds011:ozone:Offset"] = "0" }, "metric 'ozone' is not one the protocol carries" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:SDS/011:pm25_ugm3:Gain"] = "1", ["Calibration:SDS/011:pm25_ugm3:Offset"] = "0" }, "sensor 'SDS/011'" },
        { new() { ["Calibration:Version"] = "1", ["Calibration:sds011:pm25_ugm3"] = "1" }, "a calibration key is" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_set_that_cannot_be_applied_is_refused_with_its_reason(Dictionary<string, string> settings, string reason)
    {
        var problems = new List<string>();

        Assert.Null(CalibrationSet.FromSettings(settings, problems));

        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_names_each_of_its_problems_by_kind_for_a_reader_to_word_in_their_language()
    {
        CalibrationProblem[] problems = [.. new CalibrationEntry("SDS/011", "pm25_ugm3", 9, 250).Check()];

        Assert.Equal([CalibrationProblemKind.SensorName, CalibrationProblemKind.Gain, CalibrationProblemKind.Offset], problems.Select(p => p.Kind));
        Assert.Equal(200, problems[2].MaximumOffset);
        Assert.Equal("µg/m³", problems[2].Metric?.Unit);
        Assert.Equal(CalibrationProblemKind.UnknownMetric, Assert.Single(new CalibrationEntry("sds011", "ozone", 1, 0).Check()).Kind);
        Assert.Empty(new CalibrationEntry("sds011", "pm25_ugm3", 1.2, -3).Check());
    }

    [Fact]
    public void The_same_sensor_and_metric_twice_is_a_problem()
    {
        var twice = new CalibrationSet(1, [new("sds011", "pm25_ugm3", 1, 0), new("sds011", "pm25_ugm3", 0.9, 0)]);
        Assert.Contains(twice.Problems(), p => p.Contains("corrected twice", StringComparison.Ordinal));
    }
}
