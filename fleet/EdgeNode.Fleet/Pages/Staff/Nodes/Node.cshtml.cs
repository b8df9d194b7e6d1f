using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff.Nodes;

/// <summary>One node: its current health, its metrics charted over a chosen period, its faults, alerts and dead letters.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class NodeModel(FleetStatusReader reader, IFleetStore store, IMonitoringStore alerts, TimeProvider time) : PageModel
{
    private const int DeadLetterLimit = 50;
    private const int FaultLimit = 200;

    public NodeState Node { get; private set; } = null!;

    public ChartRange Range { get; private set; } = null!;

    public IReadOnlyList<MetricChart> Charts { get; private set; } = [];

    /// <summary>Windows of the period in which a sensor reported faults, newest first.</summary>
    public IReadOnlyList<MetricWindowRow> Faults { get; private set; } = [];

    public IReadOnlyList<FleetAlert> Alerts { get; private set; } = [];

    public IReadOnlyList<NodeAlertRecord> PollutionAlerts { get; private set; } = [];

    public IReadOnlyList<StoredDeadLetter> DeadLetters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string? range, string? from, string? to, CancellationToken ct)
    {
        FleetStatus fleet = await reader.ReadAsync(ct);
        if (fleet.Nodes.FirstOrDefault(node => node.NodeId == id) is not { } node)
        {
            return NotFound();
        }

        Node = node;
        Range = ChartRange.Parse(range, from, to, time.GetUtcNow());
        IReadOnlyList<MetricWindowRow> windows = await store.ReadMetricWindowsAsync(id, null, Range.From, Range.To, ct);
        Charts = [.. windows
            .GroupBy(row => (row.Sensor, row.Metric))
            .OrderBy(group => group.Key.Metric, StringComparer.Ordinal).ThenBy(group => group.Key.Sensor, StringComparer.Ordinal)
            .Select(group => new MetricChart(group.Key.Sensor, group.Key.Metric, group.Last().CalibrationVersion,
                SvgChart.Render($"{group.Key.Metric} ({group.Key.Sensor})", MetricChart.UnitOf(group.Key.Metric),
                    [.. group.Select(row => new ChartPoint(row.WindowStart, row.Mean, row.Minimum, row.Maximum))], Range.From, Range.To, group.First().WindowSeconds)))];

        // One row per sensor and window, whatever the number of metrics it carries: faults are the sensor's.
        Faults = [.. windows.Where(row => row.Faults > 0).DistinctBy(row => (row.Sensor, row.WindowStart))
            .OrderByDescending(row => row.WindowStart).Take(FaultLimit)];
        IReadOnlyList<FleetAlert> open = await alerts.ReadOpenAlertsAsync(id, ct);
        IReadOnlyList<FleetAlert> cleared = await alerts.ReadClearedAlertsAsync(id, Range.From, 100, ct);
        Alerts = [.. open.Concat(cleared).OrderByDescending(alert => alert.RaisedAt)];
        PollutionAlerts = [.. (await store.ReadAlertsAsync(id, ct)).Where(alert => alert.RaisedAt >= Range.From).OrderByDescending(alert => alert.RaisedAt)];
        DeadLetters = await store.ReadDeadLettersAsync(id, DeadLetterLimit, ct);
        return Page();
    }

    public string RangeLink(string name) => $"/staff/nodes/{Uri.EscapeDataString(Node.NodeId)}?range={name}";
}
