using System.Globalization;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Calibration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff.Nodes;

/// <summary>
/// One node: its current health, its metrics charted over a chosen period (calibrated, and raw where a calibration
/// changed them), its calibration, faults, alerts and dead letters. A technician or an admin may change the
/// calibration; each change is a new version, audited, and sent to the node.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class NodeModel(
    FleetStatusReader reader,
    IFleetStore store,
    IMonitoringStore alerts,
    ICalibrationStore calibrations,
    CalibrationSender sender,
    IAuthorizationService authorization,
    IAuditLog audit,
    TimeProvider time,
    StaffText text,
    ILogger<NodeModel> logger) : PageModel
{
    /// <summary>Who may change a calibration: a technician or an admin.</summary>
    public const string CalibratePolicy = StaffPolicies.Technician;

    /// <summary>The audit log's action for a new calibration version.</summary>
    public const string CalibrateAction = "node.calibrate";

    private const int DeadLetterLimit = 50;
    private const int FaultLimit = 200;
    private static readonly TimeSpan CalibratableLookBack = TimeSpan.FromDays(30);

    public NodeState Node { get; private set; } = null!;

    public ChartRange Range { get; private set; } = null!;

    public IReadOnlyList<MetricChart> Charts { get; private set; } = [];

    /// <summary>Windows of the period in which a sensor reported faults, newest first.</summary>
    public IReadOnlyList<MetricWindowRow> Faults { get; private set; } = [];

    public IReadOnlyList<FleetAlert> Alerts { get; private set; } = [];

    public IReadOnlyList<NodeAlertRecord> PollutionAlerts { get; private set; } = [];

    public IReadOnlyList<StoredDeadLetter> DeadLetters { get; private set; } = [];

    /// <summary>The node's calibration sets, newest version first.</summary>
    public IReadOnlyList<CalibrationRecord> Calibrations { get; private set; } = [];

    /// <summary>The sensor and metric pairs the node reported in the period or has a correction for: what may be calibrated.</summary>
    public IReadOnlyList<(string Sensor, string Metric)> Calibratable { get; private set; } = [];

    public bool CanCalibrate { get; private set; }

    /// <summary>Why the calibration just submitted was not saved.</summary>
    public IReadOnlyList<string> CalibrationProblems { get; private set; } = [];

    /// <summary>The version just saved, to say so after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Calibrated { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, string? range, string? from, string? to, CancellationToken ct) =>
        await LoadAsync(id, range, from, to, ct) ? Page() : NotFound();

    /// <summary>Sets (or replaces) one sensor's metric correction, as a new version built on the newest.</summary>
    /// <param name="target">"sensor/metric", as the form's list gives it.</param>
    public async Task<IActionResult> OnPostCalibrateAsync(string id, string? target, string? gain, string? offset, CancellationToken ct)
    {
        var problems = new List<string>();
        string[] pair = (target ?? "").Split('/');
        (string sensor, string metric) = pair.Length == 2 ? (pair[0], pair[1]) : ("", "");
        if (pair.Length != 2)
        {
            problems.Add(text.ChooseSensorAndMeasure);
        }
        double gainValue = ParseNumber(gain, text.TheGain, problems);
        double offsetValue = ParseNumber(offset, text.TheOffset, problems);
        return await SaveCalibrationAsync(id, entries => [.. entries.Where(e => e.Sensor != sensor || e.Metric != metric), new CalibrationEntry(sensor, metric, gainValue, offsetValue)],
            text.CorrectionSummary(sensor, metric, gain?.Trim() ?? "", offset?.Trim() ?? ""), problems, ct);
    }

    /// <summary>Takes one sensor's metric correction away, as a new version.</summary>
    public Task<IActionResult> OnPostUncalibrateAsync(string id, string sensor, string metric, CancellationToken ct) =>
        SaveCalibrationAsync(id, entries => [.. entries.Where(e => e.Sensor != sensor || e.Metric != metric)], text.CorrectionRemovedSummary(sensor, metric), [], ct);

    public string RangeLink(string name) => $"/staff/nodes/{Uri.EscapeDataString(Node.NodeId)}?range={name}";

    /// <summary>The node's answer to a set, in words.</summary>
    public string AnswerText(CalibrationRecord record) => record switch
    {
        { Answer: { Applied: true } answer } => text.AppliedByNode(StaffTime.Format(answer.At)),
        { Answer: { } refused } => text.RefusedByNode(StaffTime.Format(refused.At), refused.Problem ?? ""),
        _ when Node.Health?.AppliedConfigRevision >= record.Set.Version => text.AppliedByHealthReport,
        _ => text.AwaitingNode,
    };

    private async Task<IActionResult> SaveCalibrationAsync(
        string id, Func<IReadOnlyList<CalibrationEntry>, List<CalibrationEntry>> change, string summary, List<string> problems, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, CalibratePolicy)).Succeeded)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, null, null, null, ct))
        {
            return NotFound();
        }

        IReadOnlyList<CalibrationEntry> current = Calibrations.FirstOrDefault()?.Set.Entries ?? [];
        List<CalibrationEntry> entries = change(current);
        if (problems.Count == 0 && entries.ToHashSet().SetEquals(current))
        {
            // A form sent twice, or a correction removed that was not there: no version that changes nothing.
            return RedirectToPage(new { id });
        }
        if (problems.Count == 0)
        {
            // Numbers that did not parse are already said; a range check on them would only repeat it.
            problems.AddRange(entries.SelectMany(entry => entry.Check()).Select(text.CalibrationProblem));
        }
        if (problems.Count > 0)
        {
            CalibrationProblems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string who = User.Identity?.Name ?? "?";
        CalibrationRecord saved = await calibrations.AddCalibrationAsync(id, entries, who, time.GetUtcNow(), Node.Health?.AppliedConfigRevision ?? 0, ct);
        logger.LogInformation("Calibration version {Version} for node {Node} saved by {User} ({Entries} corrections)", saved.Set.Version, id, who, entries.Count);
        await audit.RecordAsync(who, CalibrateAction, id, text.CalibrationAudit(saved.Set.Version, summary), ct);
        sender.Wake();
        return RedirectToPage(new { id, calibrated = saved.Set.Version });
    }

    // Staff type French decimals ("0,83") as often as English ones; a thousands separator is never meant here.
    private double ParseNumber(string? typed, string name, List<string> problems)
    {
        if (double.TryParse(typed?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }
        problems.Add(text.NotADecimal(name, typed ?? ""));
        return double.NaN;
    }

    private async Task<bool> LoadAsync(string id, string? range, string? from, string? to, CancellationToken ct)
    {
        FleetStatus fleet = await reader.ReadAsync(ct);
        if (fleet.Nodes.FirstOrDefault(node => node.NodeId == id) is not { } node)
        {
            return false;
        }

        Node = node;
        CanCalibrate = (await authorization.AuthorizeAsync(User, CalibratePolicy)).Succeeded;
        Calibrations = await calibrations.ReadCalibrationsAsync(id, ct);
        var history = new CalibrationHistory(Calibrations);
        Range = ChartRange.Parse(range, from, to, time.GetUtcNow());
        IReadOnlyList<MetricWindowRow> windows = await store.ReadMetricWindowsAsync(id, null, Range.From, Range.To, ct);
        Charts = [.. windows
            .GroupBy(row => (row.Sensor, row.Metric))
            .OrderBy(group => group.Key.Metric, StringComparer.Ordinal).ThenBy(group => group.Key.Sensor, StringComparer.Ordinal)
            .Select(group => new MetricChart(group.Key.Sensor, group.Key.Metric, group.Last().CalibrationVersion,
                SvgChart.Render(text.ChartTitle(group.Key.Metric, group.Key.Sensor), MetricChart.UnitOf(group.Key.Metric),
                    [.. group.Select(row => new ChartPoint(row.WindowStart, row.Mean, row.Minimum, row.Maximum))], Range.From, Range.To, group.First().WindowSeconds,
                    RawPoints(history, group.Key.Sensor, group.Key.Metric, [.. group]))))];
        // A node catching up on a long outage may have nothing in the period shown: look further back for its sensors.
        IReadOnlyList<MetricWindowRow> reported = windows.Count > 0 ? windows
            : await store.ReadMetricWindowsAsync(id, null, time.GetUtcNow() - CalibratableLookBack, time.GetUtcNow(), ct);
        Calibratable = [.. reported.Select(row => (row.Sensor, row.Metric))
            .Concat(Calibrations.FirstOrDefault()?.Set.Entries.Select(e => (e.Sensor, e.Metric)) ?? [])
            .Where(pair => MetricChart.UnitOf(pair.Item2).Length > 0)
            .Distinct().OrderBy(pair => pair.Item1, StringComparer.Ordinal).ThenBy(pair => pair.Item2, StringComparer.Ordinal)];

        // One row per sensor and window, whatever the number of metrics it carries: faults are the sensor's.
        Faults = [.. windows.Where(row => row.Faults > 0).DistinctBy(row => (row.Sensor, row.WindowStart))
            .OrderByDescending(row => row.WindowStart).Take(FaultLimit)];
        IReadOnlyList<FleetAlert> open = await alerts.ReadOpenAlertsAsync(id, ct);
        IReadOnlyList<FleetAlert> cleared = await alerts.ReadClearedAlertsAsync(id, Range.From, 100, ct);
        Alerts = [.. open.Concat(cleared).OrderByDescending(alert => alert.RaisedAt)];
        PollutionAlerts = [.. (await store.ReadAlertsAsync(id, ct)).Where(alert => alert.RaisedAt >= Range.From).OrderByDescending(alert => alert.RaisedAt)];
        DeadLetters = await store.ReadDeadLettersAsync(id, DeadLetterLimit, ct);
        return true;
    }

    /// <summary>The means before calibration, only when a calibration changed some of them.</summary>
    private static List<ChartPoint>? RawPoints(CalibrationHistory history, string sensor, string metric, List<MetricWindowRow> rows)
    {
        if (!history.Corrects(sensor, metric, rows.Select(row => row.CalibrationVersion)))
        {
            return null;
        }
        return [.. rows
            .Select(row => (row.WindowStart, Raw: history.Raw(sensor, metric, row.CalibrationVersion, row.Mean)))
            .Where(point => point.Raw is not null)
            .Select(point => new ChartPoint(point.WindowStart, point.Raw!.Value, point.Raw.Value, point.Raw.Value))];
    }
}
