using EdgeNode.Daemon.Buffer;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>The checks behind "every window arrives exactly once".</summary>
internal static class DeliveryAssert
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The windows in the fleet plus those still on the stopped node leave no hole on the 15-minute grid between the
    /// first and the last (up to <paramref name="holesAllowed"/>, for a node killed mid-window), and the fleet holds
    /// at least <paramref name="minimumInFleet"/> of them. Returns the fleet's window starts.
    /// </summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> NothingLostAsync(IFleetStore store, NodeUnderTest node, int minimumInFleet, int holesAllowed = 0)
    {
        IReadOnlyList<MetricWindowRow> rows = await store.ReadMetricWindowsAsync(node.NodeId, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(2), CancellationToken.None);
        // A window in which every read failed (or the node stalled) has sensors with faults and no values: it arrived too.
        IReadOnlyList<NoValueWindowRow> noValues = await store.ReadNoValueWindowsAsync(node.NodeId, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(2), CancellationToken.None);
        var inFleet = rows.Select(r => r.WindowStart).Concat(noValues.Select(r => r.WindowStart)).Distinct().Order().ToList();
        IReadOnlyList<StoredWindow> remaining = await node.RemainingWindowsAsync();
        var all = inFleet.Concat(remaining.Select(w => w.Window.Start)).Distinct().Order().ToList();

        Assert.True(inFleet.Count >= minimumInFleet,
            $"{node.NodeId}: only {inFleet.Count} windows reached the fleet ({string.Join(", ", inFleet.Select(s => s.ToString("HH:mm")))}), expected at least {minimumInFleet}; " +
            $"{remaining.Count} still on the node ({string.Join(", ", remaining.Select(w => $"{w.Window.Start:HH:mm} {w.Window.Time}"))}). Node output:\n{string.Join('\n', node.History.Split('\n').TakeLast(60))}");
        var holes = new List<DateTimeOffset>();
        for (int i = 1; i < all.Count; i++)
        {
            for (DateTimeOffset slot = all[i - 1] + Quarter; slot < all[i]; slot += Quarter)
            {
                holes.Add(slot);
            }
        }
        Assert.True(holes.Count <= holesAllowed,
            $"{node.NodeId}: {holes.Count} windows missing between {all[0]:u} and {all[^1]:u}: {string.Join(", ", holes.Take(10).Select(h => h.ToString("u")))}");
        return inFleet;
    }

    /// <summary>Every window the tap saw sent is in the fleet with the values of its last sending.</summary>
    public static async Task FleetHoldsWhatWasSentAsync(IFleetStore store, BatchTap tap, IEnumerable<string> nodes)
    {
        IReadOnlyDictionary<(string Node, DateTimeOffset Start), WireWindow> sent = tap.LatestWindows();
        foreach (string node in nodes)
        {
            IReadOnlyList<MetricWindowRow> rows = await store.ReadMetricWindowsAsync(node, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(2), CancellationToken.None);
            var stored = rows.ToDictionary(r => (r.Sensor, r.Metric, r.WindowStart));
            var storedWithoutValues = (await store.ReadNoValueWindowsAsync(node, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(2), CancellationToken.None))
                .ToDictionary(r => (r.Sensor, r.WindowStart));
            int compared = 0;
            foreach (((string n, DateTimeOffset start), WireWindow window) in sent)
            {
                if (n != node)
                {
                    continue;
                }
                foreach (WireSensorWindow sensor in window.Sensors)
                {
                    if (sensor.Metrics.Count == 0)
                    {
                        Assert.True(storedWithoutValues.TryGetValue((sensor.Sensor, start), out NoValueWindowRow? withoutValues),
                            $"{node} {sensor.Sensor} {start:u} was sent without values but is not in the fleet");
                        Assert.Equal(sensor.LastFault?.ToString(), withoutValues!.LastFault);
                        compared++;
                    }
                    foreach (WireMetricSummary metric in sensor.Metrics)
                    {
                        Assert.True(stored.TryGetValue((sensor.Sensor, metric.Metric.Name, start), out MetricWindowRow? row),
                            $"{node} {sensor.Sensor} {metric.Metric.Name} {start:u} was sent but is not in the fleet");
                        Assert.Equal(metric.Mean, row!.Mean);
                        Assert.Equal(metric.Count, row.Count);
                        Assert.Equal(metric.Maximum, row.Maximum);
                        compared++;
                    }
                }
            }
            Assert.True(compared > 0, $"the tap saw nothing from {node}");
        }
    }
}
