using EdgeNode.Fleet.Monitoring;
using EdgeNode.Protocol.Messages;
using static EdgeNode.Fleet.Tests.Monitoring.Observations;

namespace EdgeNode.Fleet.Tests.Monitoring;

public sealed class FleetStatusClassifierTests
{
    private static readonly MonitoringOptions Options = new();

    private static NodeState One(NodeObservation node, MonitoringOptions? options = null) =>
        FleetStatusClassifier.Classify([node], options ?? Options, Now).Nodes.Single();

    [Fact]
    public void A_node_that_reported_and_sent_data_recently_is_healthy()
    {
        NodeState state = One(Observe(Report()));

        Assert.Equal(NodeStatus.Healthy, state.Status);
        Assert.Equal(NodeProblem.None, state.Problems);
        Assert.Empty(state.Reasons);
    }

    [Fact]
    public void Silent_only_after_more_than_two_sync_intervals_without_health_or_data()
    {
        DateTimeOffset exactlyTwo = Now.AddHours(-2);

        Assert.Equal(NodeStatus.Healthy, One(Observe(Report(at: exactlyTwo), lastData: exactlyTwo)).Status);
        Assert.Equal(NodeStatus.Silent, One(Observe(Report(at: exactlyTwo.AddSeconds(-1)), lastData: exactlyTwo.AddSeconds(-1))).Status);
    }

    [Fact]
    public void The_sync_interval_setting_moves_the_silence_threshold()
    {
        DateTimeOffset ninetyMinutes = Now.AddMinutes(-90);
        NodeObservation node = Observe(Report(at: ninetyMinutes), lastData: ninetyMinutes);

        Assert.Equal(NodeStatus.Healthy, One(node).Status);
        Assert.Equal(NodeStatus.Silent, One(node, new MonitoringOptions { SyncInterval = TimeSpan.FromMinutes(30) }).Status);
    }

    [Fact]
    public void A_registered_node_never_heard_from_is_silent()
    {
        NodeState state = One(new NodeObservation("lampadaire-1", Node(), null, false, null, null));

        Assert.Equal(NodeStatus.Silent, state.Status);
        Assert.Contains("Jamais entendu", state.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_is_not_silent_before_it_could_have_synced_since_its_enrolment()
    {
        // Just enrolled (a node re-enrolled with last week's data, or one not connected yet): a node sends at its sync
        // interval, so two minutes after enrolment is not silence; two sync intervals after it is.
        DateTimeOffset lastWeek = Now.AddDays(-7);
        NodeObservation heardLastWeek = Observe(Report(at: lastWeek), lastData: lastWeek) with { WatchedSince = Now.AddMinutes(-2) };
        NodeObservation neverHeard = new("lampadaire-1", Node(), null, false, null, null) { WatchedSince = Now.AddMinutes(-2) };

        NodeState justStarted = One(heardLastWeek);
        Assert.Equal(NodeStatus.Healthy, One(neverHeard).Status);
        Assert.False(justStarted.Has(NodeProblem.Silent), string.Join(" ", justStarted.Reasons));
        Assert.Equal(NodeStatus.Silent, One(heardLastWeek with { WatchedSince = Now.AddHours(-2).AddSeconds(-1) }).Status);
        Assert.Equal(NodeStatus.Silent, One(neverHeard with { WatchedSince = Now.AddHours(-2).AddSeconds(-1) }).Status);
    }

    [Fact]
    public void A_node_delivering_old_windows_now_is_catching_up_not_silent()
    {
        // Back-filling a week: every stamp it sends is old, but the fleet received from it a minute ago.
        DateTimeOffset lastWeek = Now.AddDays(-7);
        NodeObservation catchingUp = Observe(Report(at: lastWeek), lastData: lastWeek) with { LastReceivedAt = Now.AddMinutes(-1), WatchedSince = Now.AddHours(-5) };

        NodeState state = One(catchingUp);

        Assert.False(state.Has(NodeProblem.Silent), string.Join(" ", state.Reasons));
        Assert.Equal(NodeStatus.Silent, One(catchingUp with { LastReceivedAt = Now.AddHours(-2).AddSeconds(-1) }).Status);
    }

    [Fact]
    public void Silence_outranks_the_problems_of_its_last_report()
    {
        DateTimeOffset old = Now.AddDays(-2);
        NodeState state = One(Observe(Report(at: old, diskFree: 1, sensors: Sensor("sds011", WireFault.NotAnswering)), lastData: old));

        Assert.Equal(NodeStatus.Silent, state.Status);
        Assert.True(state.Has(NodeProblem.Silent | NodeProblem.SensorFault | NodeProblem.LowDisk));
    }

    [Fact]
    public void Any_sensor_with_a_last_fault_is_a_sensor_fault_but_warming_up_is_not()
    {
        Assert.Equal(NodeStatus.SensorFault, One(Observe(Report(sensors: [Sensor("sds011"), Sensor("bme280", WireFault.CorruptData)]))).Status);
        Assert.Equal(NodeStatus.Healthy, One(Observe(Report(sensors: Sensor("sds011", WireFault.WarmingUp)))).Status);
    }

    [Theory]
    [InlineData(1_600L << 20, 16L << 30, true)]     // 1,600 MiB of 16 GiB: under 10 % (1,638 MiB)
    [InlineData(1_700L << 20, 16L << 30, false)]    // just over 10 % of 16 GiB (1,638 MiB)
    [InlineData(99L << 20, 500L << 20, true)]       // 20 % of a small disk, but under 100 MB
    [InlineData(100L << 20, 500L << 20, false)]     // exactly the floor is not under it
    [InlineData(0L, 0L, false)]                     // the node could not measure: no verdict
    public void Low_disk_is_under_ten_percent_or_under_a_hundred_megabytes(long free, long total, bool low)
    {
        NodeState state = One(Observe(Report(diskFree: free, diskTotal: total)));

        Assert.Equal(low, state.Has(NodeProblem.LowDisk));
        Assert.Equal(low ? NodeStatus.LowDisk : NodeStatus.Healthy, state.Status);
    }

    [Fact]
    public void An_unsynchronised_clock_is_flagged_an_unknown_one_is_not()
    {
        Assert.Equal(NodeStatus.ClockUnsynchronised, One(Observe(Report(clock: WireClockState.Unsynchronised))).Status);
        Assert.Equal(NodeStatus.Healthy, One(Observe(Report(clock: WireClockState.Unknown))).Status);
    }

    [Fact]
    public void Without_a_configured_version_the_newest_in_the_fleet_is_the_reference()
    {
        NodeObservation old = Observe(Report(id: "a", firmware: "1.3.9+abc"), id: "a");
        NodeObservation newer = Observe(Report(id: "b", firmware: "1.4.0"), id: "b");
        NodeObservation preRelease = Observe(Report(id: "c", firmware: "1.4.0-rc.2"), id: "c");
        NodeObservation unknown = Observe(Report(id: "d", firmware: "unknown"), id: "d");

        FleetStatus fleet = FleetStatusClassifier.Classify([old, newer, preRelease, unknown], Options, Now);

        Assert.Equal("1.4.0", fleet.ReferenceFirmware);
        Assert.Equal([NodeStatus.OutdatedFirmware, NodeStatus.Healthy, NodeStatus.OutdatedFirmware, NodeStatus.Healthy], fleet.Nodes.Select(node => node.Status));
    }

    [Fact]
    public void A_configured_current_firmware_wins_over_the_newest_seen()
    {
        var options = new MonitoringOptions { CurrentFirmware = "1.10.0" };

        FleetStatus fleet = FleetStatusClassifier.Classify([Observe(Report(firmware: "1.9.3"))], options, Now);

        Assert.Equal("1.10.0", fleet.ReferenceFirmware);
        Assert.Equal(NodeStatus.OutdatedFirmware, fleet.Nodes.Single().Status);
    }

    [Fact]
    public void Health_without_data_or_an_old_backlog_is_degraded()
    {
        Assert.Equal(NodeStatus.Degraded, One(Observe(Report(), lastData: Now.AddHours(-5))).Status);
        Assert.Equal(NodeStatus.Degraded, One(Observe(Report(oldestBacklog: Now.AddHours(-3)))).Status);
        Assert.Equal(NodeStatus.Healthy, One(Observe(Report(oldestBacklog: Now.AddMinutes(-30)))).Status);
        Assert.Equal(NodeStatus.Degraded, One(new NodeObservation("lampadaire-1", Node(), null, HealthUnreadable: true, null, Now.AddMinutes(-5))).Status);
        Assert.Equal(NodeStatus.Degraded, One(new NodeObservation("lampadaire-1", Node(), null, false, null, Now.AddMinutes(-5))).Status);
    }

    [Fact]
    public void The_most_urgent_problem_is_the_status_and_counts_cover_every_status()
    {
        NodeObservation faultyAndLowDisk = Observe(Report(id: "a", diskFree: 1, sensors: Sensor("sds011", WireFault.Stuck)), id: "a");
        NodeObservation lowDiskAndClock = Observe(Report(id: "b", diskFree: 1, clock: WireClockState.Unsynchronised), id: "b");
        NodeObservation healthy = Observe(Report(id: "c"), id: "c");

        FleetStatus fleet = FleetStatusClassifier.Classify([faultyAndLowDisk, lowDiskAndClock, healthy], Options, new Broker.FixedTime(Now));

        Assert.Equal([NodeStatus.SensorFault, NodeStatus.LowDisk, NodeStatus.Healthy], fleet.Nodes.Select(node => node.Status));
        Assert.Equal(Enum.GetValues<NodeStatus>().Length, fleet.Counts.Count);
        Assert.Equal(1, fleet.Count(NodeStatus.SensorFault));
        Assert.Equal(1, fleet.Count(NodeStatus.LowDisk));
        Assert.Equal(1, fleet.Count(NodeStatus.Healthy));
        Assert.Equal(0, fleet.Count(NodeStatus.Silent));
    }

    [Fact]
    public void The_stored_health_json_reads_back_as_the_report_the_node_sent()
    {
        byte[] payload = Protocol.Codec.EdgeCodec.Encode(Report(sensors: [Sensor("sds011", WireFault.NotAnswering)], oldestBacklog: Now.AddHours(-1)));
        HealthReport sent = Protocol.Codec.EdgeCodec.DecodeHealth(payload);
        string stored = Fleet.Ingest.MessageClassifier.Classify(
            Protocol.Topics.EdgeTopics.Up("lampadaire-1", Protocol.Topics.UpChannel.Health), payload, Now).Health!.Json;

        HealthReport? read = HealthReportJson.TryRead(stored);

        Assert.NotNull(read);
        Assert.Equal(sent with { Sensors = [] }, read with { Sensors = [] });
        Assert.Equal(sent.Sensors, read.Sensors);
        Assert.Null(HealthReportJson.TryRead("{\"NodeId\": 3}"));
        Assert.Null(HealthReportJson.TryRead("not json"));
    }
}
