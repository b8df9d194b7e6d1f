using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Tests.Buffer;
using EdgeNode.Daemon.Uplink;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using EdgeNode.Sensors;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Uplink;

/// <summary>The node's uplink against a real Mosquitto, with a test fleet that acks (or not).</summary>
public sealed class NodeUplinkTests : IAsyncLifetime
{
    private const string Node = "uplink-test-1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TemporaryDirectory _data = new("edgenode-uplink-");
    private MosquittoBroker _broker = null!;
    private AckingFleet _fleet = null!;
    private WindowBuffer _buffer = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _fleet = await AckingFleet.StartAsync(_broker.Host, _broker.Port);
        _buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = _data.File("buffer.db") });
    }

    public async Task DisposeAsync()
    {
        await _buffer.DisposeAsync();
        await _fleet.DisposeAsync();
        await _broker.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Windows_are_sent_oldest_first_and_deleted_only_once_the_fleet_acks()
    {
        for (int n = 0; n < 10; n++)
        {
            await _buffer.AppendAsync(SampleWindows.Quarterly(n));
        }
        UplinkOptions options = Options(maxWindowsPerBatch: 4);
        await using NodeUplink uplink = Uplink(options);
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);

        await Eventually(() => _buffer.Status().UnsentWindows == 0);
        var sent = _fleet.Batches.SelectMany(b => b.Windows).Select(w => w.Start).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(n => SampleWindows.Quarterly(n).Start), sent);
        Assert.Equal([4, 4, 2], _fleet.Batches.Select(b => b.Windows.Count));
        Assert.All(_fleet.Batches, b => Assert.Equal(Node, b.NodeId));

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_rejected_batch_is_sent_again_window_by_window_so_only_the_window_at_fault_is_left_to_the_fleet()
    {
        for (int n = 0; n < 10; n++)
        {
            await _buffer.AppendAsync(SampleWindows.Quarterly(n));
        }
        DateTimeOffset refused = SampleWindows.Quarterly(5).Start;
        _fleet.Reject = batch => batch.Windows.Any(w => w.Start == refused) ? "window 2 starts off its grid" : null;
        await using NodeUplink uplink = Uplink(Options(maxWindowsPerBatch: 4));
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);

        await Eventually(() => _buffer.Status().UnsentWindows == 0);
        var stored = _fleet.Stored.SelectMany(b => b.Windows).Select(w => w.Start).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 10).Where(n => n != 5).Select(n => SampleWindows.Quarterly(n).Start), stored);
        // The window at fault went alone once: the fleet keeps it as a dead letter, the node moved on.
        Assert.Single(_fleet.Batches, b => b.Windows.Count == 1 && b.Windows[0].Start == refused);

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Without_the_fleets_ack_nothing_is_deleted()
    {
        _fleet.Acking = false;
        for (int n = 0; n < 3; n++)
        {
            await _buffer.AppendAsync(SampleWindows.Quarterly(n));
        }
        await using NodeUplink uplink = Uplink(Options(ackTimeout: TimeSpan.FromSeconds(5)));
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);

        await Eventually(() => _fleet.Batches.Count >= 1);
        // Published, PUBACKed by the broker, but never committed by a fleet: the windows must stay.
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(3, _buffer.Status().UnsentWindows);

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_health_report_and_presence_go_up_and_the_will_says_offline_after_a_clean_stop()
    {
        await using NodeUplink uplink = Uplink(Options());
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);

        await Eventually(() => !_fleet.Health.IsEmpty && _fleet.Presence.Any(p => p.Online));
        Assert.Equal(Node, _fleet.Health.First().NodeId);
        Assert.True(uplink.Status.Connected);
        Assert.Null(uplink.Status.Problem);

        await stop.CancelAsync();
        await running;
        await Eventually(() => _fleet.Presence.LastOrDefault() is { Online: false });
    }

    [Fact]
    public async Task Health_goes_when_due_or_when_a_sensor_fault_changes_not_at_every_sync()
    {
        WireFault? fault = null;
        await using NodeUplink uplink = new(Options(syncInterval: TimeSpan.FromHours(6)), Node, _buffer, "ops243", _data.Path, TimeProvider.System,
            () => Health([new SensorHealth("sds011", fault, DateTimeOffset.UtcNow, null)]), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);
        await Eventually(() => _fleet.Health.Count == 1);

        await uplink.SyncAsync(CancellationToken.None);
        await uplink.SyncAsync(CancellationToken.None);
        fault = WireFault.NotAnswering;
        await uplink.SyncAsync(CancellationToken.None);

        await Eventually(() => _fleet.Health.Count == 2);
        Assert.Equal(WireFault.NotAnswering, _fleet.Health.Last().Sensors[0].LastFault);
        await stop.CancelAsync();
        await running;
        Assert.Equal(2, _fleet.Health.Count);
    }

    [Fact]
    public async Task An_alert_goes_at_once_without_waiting_for_the_sync()
    {
        await using NodeUplink uplink = Uplink(Options(syncInterval: TimeSpan.FromHours(6)));
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);
        await Eventually(() => !_fleet.Health.IsEmpty);

        uplink.Alerts.TryWrite(new PollutionAlert(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor, AlertTransition.Raised, 57.3, 50, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));

        await Eventually(() => !_fleet.Alerts.IsEmpty);
        AlertMessage alert = Assert.Single(_fleet.Alerts);
        Assert.Equal(WireBand.Poor, alert.Band);
        Assert.True(alert.Raised);
        Assert.Equal(57.3, alert.RollingMean);

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_retained_configuration_is_applied_answered_and_remembered_and_a_bad_one_refused()
    {
        await PublishConfig(new ConfigMessage(Node, 2, new Dictionary<string, string> { ["Uplink:SyncInterval"] = "00:30:00" }));
        UplinkOptions options = Options();
        await using (NodeUplink uplink = Uplink(options))
        {
            using var stop = new CancellationTokenSource();
            Task running = uplink.RunAsync(stop.Token);
            await Eventually(() => !_fleet.ConfigAnswers.IsEmpty);
            ConfigApplied answer = Assert.Single(_fleet.ConfigAnswers);
            Assert.True(answer.Applied, answer.Problem);
            Assert.Equal(TimeSpan.FromMinutes(30), options.SyncInterval);
            Assert.Equal(2, uplink.Status.AppliedConfigRevision);

            await PublishConfig(new ConfigMessage(Node, 3, new Dictionary<string, string> { ["Uplink:Broker"] = "elsewhere", ["Uplink:SyncInterval"] = "soon" }));
            await Eventually(() => _fleet.ConfigAnswers.Count == 2);
            ConfigApplied refused = _fleet.ConfigAnswers.Last();
            Assert.False(refused.Applied);
            Assert.Contains("Uplink:Broker: not a setting the fleet may change", refused.Problem);
            Assert.Contains("Uplink:SyncInterval: 'soon' is not a valid value", refused.Problem);
            Assert.Equal(TimeSpan.FromMinutes(30), options.SyncInterval);
            await stop.CancelAsync();
            await running;
        }

        // A restarted node keeps the revision it applied, even before the broker repeats it.
        UplinkOptions restarted = Options();
        await using NodeUplink again = Uplink(restarted);
        Assert.Equal(TimeSpan.FromMinutes(30), restarted.SyncInterval);
        Assert.Equal(2, again.Status.AppliedConfigRevision);
    }

    [Fact]
    public async Task A_calibration_set_in_the_retained_configuration_is_applied_answered_and_windows_leave_calibrated_after_a_restart()
    {
        var set = new CalibrationSet(3, [new CalibrationEntry("bme280", "temperature_c", 1, -1.5)]);
        await PublishConfig(new ConfigMessage(Node, 3, set.ToSettings()));
        await using (NodeUplink uplink = Uplink(Options()))
        {
            using var stop = new CancellationTokenSource();
            Task running = uplink.RunAsync(stop.Token);
            await Eventually(() => !_fleet.ConfigAnswers.IsEmpty);
            ConfigApplied answer = Assert.Single(_fleet.ConfigAnswers);
            Assert.True(answer.Applied, answer.Problem);
            Assert.Equal(3, uplink.Status.CalibrationVersion);
            await stop.CancelAsync();
            await running;
        }

        // Restarted, the node has the set before the broker repeats it, and its first sync goes out calibrated.
        await _buffer.AppendAsync(SampleWindows.Quarterly(0));
        await using NodeUplink restarted = Uplink(Options());
        Assert.Equal(3, restarted.Status.CalibrationVersion);
        using var stopAgain = new CancellationTokenSource();
        Task again = restarted.RunAsync(stopAgain.Token);
        await Eventually(() => !_fleet.Batches.IsEmpty);

        WireWindow sent = Assert.Single(Assert.Single(_fleet.Batches).Windows);
        Assert.Equal(3, sent.CalibrationVersion);
        Assert.Equal(18.5, sent.Sensors.Single(s => s.Sensor == "bme280").Metrics.Single().Mean);
        await stopAgain.CancelAsync();
        await again;
    }

    [Fact]
    public async Task A_refused_credential_is_explained_to_the_technician()
    {
        await MosquittoPasswordFile.CreateAsync(_data.File("passwords"), Node, "right");
        await using MosquittoBroker locked = await MosquittoBroker.StartAsync("allow_anonymous false\npassword_file " + _data.File("passwords"));
        UplinkOptions options = Options();
        options.Port = locked.Port;
        options.Password = "wrong";
        await using NodeUplink uplink = Uplink(options);
        using var stop = new CancellationTokenSource();
        Task running = uplink.RunAsync(stop.Token);

        await Eventually(() => uplink.Status.Problem?.Contains("refused the node's credential") == true);
        Assert.False(uplink.Status.Connected);

        await stop.CancelAsync();
        await running;
    }

    private async Task PublishConfig(ConfigMessage config) =>
        await _fleet.Client.PublishAsync(new MqttApplicationMessage(EdgeTopics.Down(Node, DownChannel.Config), EdgeCodec.Encode(config), MqttQualityOfService.AtLeastOnce, Retain: true));

    private UplinkOptions Options(int maxWindowsPerBatch = 96, TimeSpan? ackTimeout = null, TimeSpan? syncInterval = null) => new()
    {
        Broker = _broker.Host,
        Port = _broker.Port,
        MaxWindowsPerBatch = maxWindowsPerBatch,
        AckTimeout = ackTimeout ?? TimeSpan.FromSeconds(20),
        SyncInterval = syncInterval ?? TimeSpan.FromHours(1),
        BacklogBytesPerSecond = 100_000,
    };

    private NodeUplink Uplink(UplinkOptions options) =>
        new(options, Node, _buffer, "ops243", _data.Path, TimeProvider.System, () => Health([]), NullLoggerFactory.Instance);

    private static HealthReport Health(IReadOnlyList<SensorHealth> sensors) =>
        new(Node, DateTimeOffset.UtcNow, "test", TimeSpan.FromMinutes(1), null, 1, 2, 3, 4, WireClockState.Synchronised, 0, null, null, 0, sensors);

    private static async Task Eventually(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
