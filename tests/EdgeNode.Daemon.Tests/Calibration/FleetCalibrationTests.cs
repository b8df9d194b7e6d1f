using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Calibration;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Tests.Buffer;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Daemon.Windows;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Sensors;
using EdgeNode.TestSupport;

namespace EdgeNode.Daemon.Tests.Calibration;

/// <summary>The node's side of calibration: the fleet's set taken from its configuration, kept, applied as windows leave and to the alerts.</summary>
public sealed class FleetCalibrationTests : IAsyncLifetime
{
    private static readonly CalibrationSet Bme280PlusTwo = new(4, [new CalibrationEntry("bme280", "temperature_c", 1.1, 2)]);

    private readonly TemporaryDirectory _data = new("edgenode-calibration-");
    private readonly CalibrationInForce _calibration = new();
    private WindowBuffer _buffer = null!;

    public Task InitializeAsync()
    {
        _buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = _data.File("buffer.db"), BootId = "boot-now" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _buffer.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public void A_configuration_with_a_calibration_set_puts_it_in_force_and_a_restarted_node_has_it_back()
    {
        var options = new UplinkOptions();
        var settings = new FleetSettings(options, _data.Path, _calibration);

        ConfigApplied? answer = settings.Apply(Config(7, Bme280PlusTwo.ToSettings(), ("Uplink:SyncInterval", "00:30:00")));

        Assert.True(answer!.Applied, answer.Problem);
        Assert.Equal(4, _calibration.Current.Version);
        Assert.Equal(Bme280PlusTwo.Entries, _calibration.Current.Entries);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SyncInterval);

        var restarted = new CalibrationInForce();
        new FleetSettings(new UplinkOptions(), _data.Path, restarted).Load();
        Assert.Equal(4, restarted.Current.Version);
        Assert.Equal(Bme280PlusTwo.Entries, restarted.Current.Entries);
    }

    [Fact]
    public void A_set_with_a_problem_refuses_the_whole_revision_and_changes_nothing()
    {
        var options = new UplinkOptions();
        var settings = new FleetSettings(options, _data.Path, _calibration);
        settings.Apply(Config(1, Bme280PlusTwo.ToSettings()));
        var broken = new Dictionary<string, string>(Bme280PlusTwo.ToSettings())
        {
            ["Calibration:Version"] = "5",
            ["Calibration:bme280:temperature_c:Gain"] = "40",
        };

        ConfigApplied? answer = settings.Apply(Config(2, broken, ("Uplink:SyncInterval", "00:05:00")));

        Assert.False(answer!.Applied);
        Assert.Contains("the gain must be between 0.2 and 5", answer.Problem, StringComparison.Ordinal);
        Assert.Equal(4, _calibration.Current.Version);
        Assert.Equal(TimeSpan.FromHours(1), options.SyncInterval);
        Assert.Equal(1, settings.AppliedRevision);
    }

    [Fact]
    public void A_later_revision_without_calibration_keys_keeps_the_set_and_one_naming_a_version_replaces_it_whole()
    {
        var settings = new FleetSettings(new UplinkOptions(), _data.Path, _calibration);
        settings.Apply(Config(1, Bme280PlusTwo.ToSettings()));

        settings.Apply(Config(2, new Dictionary<string, string>(), ("Uplink:SyncInterval", "00:30:00")));
        Assert.Equal(4, _calibration.Current.Version);

        settings.Apply(Config(3, new Dictionary<string, string> { ["Calibration:Version"] = "5" }));
        Assert.Equal(5, _calibration.Current.Version);
        Assert.Empty(_calibration.Current.Entries);
    }

    [Fact]
    public void A_restart_after_a_revision_without_calibration_keys_still_has_the_set_and_the_earlier_settings()
    {
        new FleetSettings(new UplinkOptions(), _data.Path, _calibration).Apply(Config(1, Bme280PlusTwo.ToSettings(), ("Uplink:MaxWindowsPerBatch", "48")));
        var settings = new FleetSettings(new UplinkOptions(), _data.Path, new CalibrationInForce());
        settings.Load();
        settings.Apply(Config(2, new Dictionary<string, string>(), ("Uplink:SyncInterval", "00:30:00")));

        var restarted = new CalibrationInForce();
        var options = new UplinkOptions();
        var again = new FleetSettings(options, _data.Path, restarted);
        again.Load();

        Assert.Equal(2, again.AppliedRevision);
        Assert.Equal(4, restarted.Current.Version);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SyncInterval);
        Assert.Equal(48, options.MaxWindowsPerBatch);
    }

    [Fact]
    public async Task Windows_stored_raw_leave_calibrated_with_the_version_and_the_buffer_keeps_them_raw()
    {
        await _buffer.AppendAsync(SampleWindows.Quarterly(0));
        _calibration.Replace(Bme280PlusTwo);
        var assembler = new BatchAssembler(_buffer, "n1", "ops243", TimeProvider.System, _calibration);

        WireWindow sent = Assert.Single(EdgeCodec.DecodeBatch(assembler.Next(10)!.Payload).Windows);

        Assert.Equal(4, sent.CalibrationVersion);
        WireMetricSummary temperature = Assert.Single(Assert.Single(sent.Sensors).Metrics);
        // Quarterly(0): mean 20, minimum 19, maximum 21, last 20.5, each × 1.1 + 2.
        Assert.Equal((24, 22.9, 25.1, 24.55), (temperature.Mean, temperature.Minimum, temperature.Maximum, temperature.Last));
        MetricSummary stored = Assert.Single(Assert.Single(_buffer.PeekOldest(1)).Window.Sensors).Metrics.Single();
        Assert.Equal(20, stored.Mean);
        Assert.NotNull(sent.Traffic);
    }

    [Fact]
    public async Task A_metric_the_set_does_not_name_leaves_as_measured_and_with_no_set_the_version_is_zero()
    {
        await _buffer.AppendAsync(SampleWindows.Quarterly(0));
        _calibration.Replace(new CalibrationSet(2, [new CalibrationEntry("sds011", "pm25_ugm3", 0.5, 0)]));

        WireWindow calibrated = Assert.Single(EdgeCodec.DecodeBatch(new BatchAssembler(_buffer, "n1", "ops243", TimeProvider.System, _calibration).Next(10)!.Payload).Windows);
        WireWindow raw = Assert.Single(EdgeCodec.DecodeBatch(new BatchAssembler(_buffer, "n1", "ops243", TimeProvider.System).Next(10)!.Payload).Windows);

        Assert.Equal(2, calibrated.CalibrationVersion);
        Assert.Equal(20, calibrated.Sensors[0].Metrics[0].Mean);
        Assert.Equal(0, raw.CalibrationVersion);
        Assert.Equal(20, raw.Sensors[0].Metrics[0].Mean);
    }

    [Theory]
    [InlineData(0.5, 70, false)] // reads 70, truly 35: Moderate, no alert
    [InlineData(1, 70, true)]
    [InlineData(2, 30, true)] // reads 30, truly 60: Poor
    public void Pollution_alerts_judge_the_calibrated_value(double gain, double raw, bool alerted)
    {
        var alerts = new PollutionAlertEvaluator(new PollutionAlertOptions
        {
            Thresholds = [PollutionThreshold.AtBand(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor)],
            RollingPeriod = TimeSpan.FromMinutes(1),
            MinimumSpanFraction = 0,
        });
        _calibration.Replace(new CalibrationSet(1, [new CalibrationEntry("sds011", "pm25_ugm3", gain, 0)]));
        var sink = new WindowingSink(new WindowAggregator(new WindowAggregationOptions(), TimeProvider.System), alerts, new SensorStatusBoard(TimeProvider.System), _calibration);
        DateTimeOffset at = DateTimeOffset.UtcNow;

        for (int minute = 0; minute < 5; minute++)
        {
            sink.Reading("sds011", [new Measurement(Metric.Pm25MicrogramsPerCubicMetre, raw)], at.AddMinutes(minute), TimeSpan.FromMinutes(1));
        }

        Assert.Equal(alerted, alerts.Alerts.TryRead(out _));
    }

    private static ConfigMessage Config(int revision, IReadOnlyDictionary<string, string> calibration, params (string Key, string Value)[] more) =>
        new("n1", revision, calibration.Concat(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value))).ToDictionary());
}
