using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Clock;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Node;

public sealed class NodeServiceTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("edgenode-service-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Windows_recorded_before_the_clock_is_synchronised_are_flagged_not_trusted()
    {
        var wiring = new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Bme280 } };
        var time = new ScaledTimeProvider(50, DateTimeOffset.UtcNow);
        using var hardware = new EmulatedNodeHardware(time, new ConstantAmbient(AmbientConditions.Typical), new ScriptedTraffic([]), wiring)
        {
            Clock = ClockSynchronisation.Unsynchronised,
        };
        var service = new RunningNode(hardware, new NodeOptions { Id = "test-node-1", DataDirectory = _data }, wiring,
            new WindowAggregationOptions { WindowLength = TimeSpan.FromMinutes(1) });

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await service.StopAsync(CancellationToken.None);

        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(_data, "buffer.db") });
        IReadOnlyList<StoredWindow> stored = buffer.PeekOldest(100);
        Assert.NotEmpty(stored);
        Assert.All(stored, w => Assert.Equal(WindowTimeQuality.Unconfirmed, w.Window.Time));
    }

    [Fact]
    public async Task Clock_unsynchronised_at_boot_then_synchronised_restamps_this_boots_windows_and_leaves_an_earlier_boots_flagged()
    {
        // The node boots a day behind and unsynchronised; one-minute windows, 60× speed: a window a second.
        var right = new DateTimeOffset(2026, 3, 2, 9, 0, 20, TimeSpan.Zero);
        TimeSpan behind = TimeSpan.FromDays(1);
        var aggregation = new WindowAggregationOptions { WindowLength = TimeSpan.FromMinutes(1) };
        string bufferPath = Path.Combine(_data, "buffer.db");

        // An earlier boot that never saw the clock set.
        using (EmulatedNodeHardware earlier = Hardware(new ScaledTimeProvider(60, right - behind - TimeSpan.FromHours(2)), ClockSynchronisation.Unsynchronised))
        {
            RunningNode first = Service(earlier, aggregation);
            await first.StartAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await first.StopAsync(CancellationToken.None);
        }

        int earlierWindows;
        await using (WindowBuffer look = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = bufferPath }))
        {
            earlierWindows = look.PeekOldest(1000).Count;
        }

        Assert.True(earlierWindows > 0);

        var time = new ScaledTimeProvider(60, right - behind);
        using EmulatedNodeHardware hardware = Hardware(time, ClockSynchronisation.Unsynchronised);
        RunningNode service = Service(hardware, aggregation);
        await service.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(4));
        IReadOnlyList<StoredWindow> beforeSync = service.Buffer!.PeekOldest(1000).Where(w => w.Stamp?.BootId == hardware.BootId).ToList();

        time.Step(behind);
        hardware.Clock = ClockSynchronisation.Synchronised;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await service.StopAsync(CancellationToken.None);

        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = bufferPath });
        List<ClosedWindow> stored = buffer.PeekOldest(1000).Select(w => w.Window).ToList();
        List<ClosedWindow> unconfirmed = stored.Where(w => w.Time == WindowTimeQuality.Unconfirmed).ToList();
        List<ClosedWindow> restamped = stored.Where(w => w.Time == WindowTimeQuality.Restamped).OrderBy(w => w.Start).ToList();
        List<ClosedWindow> synchronised = stored.Where(w => w.Time == WindowTimeQuality.Synchronised).OrderBy(w => w.Start).ToList();

        // The earlier boot's windows cannot be dated: they stay as they were, flagged.
        Assert.Equal(earlierWindows, unconfirmed.Count);
        Assert.All(unconfirmed, w => Assert.True(w.Start < right - behind));

        // Every window this boot stored before synchronisation is there, a day later, to within a second; the one
        // open at the step (closed just after) is re-stamped too.
        Assert.NotEmpty(beforeSync);
        Assert.True(restamped.Count >= beforeSync.Count, $"{restamped.Count} re-stamped, {beforeSync.Count} stored before the step");
        foreach (StoredWindow early in beforeSync)
        {
            Assert.Contains(restamped, w => (w.Start - (early.Window.Start + behind)).Duration() < TimeSpan.FromSeconds(1));
        }

        Assert.NotEmpty(synchronised);
        Assert.All(restamped, w => Assert.InRange(w.Start, right - TimeSpan.FromMinutes(1), synchronised[0].Start + TimeSpan.FromSeconds(1)));

        // Nothing twice: this boot's windows, in time order, do not overlap (a second's slack for the re-stamp), except
        // the two partial halves the aggregator makes of the window open at the step.
        List<ClosedWindow> thisBoot = [.. restamped, .. synchronised];
        for (int i = 1; i < thisBoot.Count; i++)
        {
            bool halves = thisBoot[i].Partial && thisBoot[i - 1].Partial && (thisBoot[i].Start - thisBoot[i - 1].Start).Duration() < TimeSpan.FromSeconds(1);
            Assert.True(halves || thisBoot[i].Start >= thisBoot[i - 1].End - TimeSpan.FromSeconds(1), $"{thisBoot[i - 1].Start:O} overlaps {thisBoot[i].Start:O}");
        }
    }

    [Fact]
    public async Task A_service_stopped_and_started_again_inside_a_window_stores_one_window_of_both_runs()
    {
        // Fifteen-minute windows at 60× speed: a run of 3 s covers 3 minutes of one window.
        var windowStart = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var aggregation = new WindowAggregationOptions { WindowLength = TimeSpan.FromMinutes(15) };
        string bufferPath = Path.Combine(_data, "buffer.db");
        await RunAsync(windowStart.AddMinutes(1));

        ClosedWindow first;
        await using (WindowBuffer look = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = bufferPath }))
        {
            first = Assert.Single(look.PeekOldest(10)).Window;
        }

        await RunAsync(windowStart.AddMinutes(7));

        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = bufferPath });
        ClosedWindow both = Assert.Single(buffer.PeekOldest(10)).Window;
        Assert.Equal((windowStart, true), (both.Start, both.Partial));
        SensorWindow before = first.Sensors.Single(), after = both.Sensors.Single();
        int readingsBefore = before.Metrics.Single(m => m.Metric == Sensors.Metric.TemperatureCelsius).Count;
        int readingsAfter = after.Metrics.Single(m => m.Metric == Sensors.Metric.TemperatureCelsius).Count;
        Assert.True(readingsBefore >= 2 && readingsAfter >= readingsBefore + 2, $"{readingsBefore} readings in the first run, {readingsAfter} in both");
        Assert.True(after.Coverage > before.Coverage + 0.1, $"coverage {before.Coverage} after the first run, {after.Coverage} after both");

        async Task RunAsync(DateTimeOffset from)
        {
            using EmulatedNodeHardware hardware = Hardware(new ScaledTimeProvider(60, from), ClockSynchronisation.Synchronised);
            RunningNode service = Service(hardware, aggregation);
            await service.StartAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static EmulatedNodeHardware Hardware(TimeProvider time, ClockSynchronisation clock) =>
        new(time, new ConstantAmbient(AmbientConditions.Typical), new ScriptedTraffic([]), new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Bme280 } })
        {
            Clock = clock,
        };

    private RunningNode Service(EmulatedNodeHardware hardware, WindowAggregationOptions aggregation) =>
        new(hardware, new NodeOptions { Id = "test-node-1", DataDirectory = _data }, new SensorWiring { Fitted = new HashSet<string> { SensorWiring.Bme280 } },
            aggregation);
}
