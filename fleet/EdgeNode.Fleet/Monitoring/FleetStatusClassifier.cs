using System.Globalization;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Turns what the fleet knows about its nodes into a status per node. Pure: the same observations, settings and
/// <c>now</c> always give the same answer, so every edge case is a unit test.
/// </summary>
public static class FleetStatusClassifier
{
    private static readonly NodeStatus[] ByUrgency = Enum.GetValues<NodeStatus>();

    // Reasons are stored with the status and read by staff: the staff panel's language.
    private static StaffText Text => StaffText.French;

    public static FleetStatus Classify(IReadOnlyList<NodeObservation> nodes, MonitoringOptions options, TimeProvider time) =>
        Classify(nodes, options, time.GetUtcNow());

    public static FleetStatus Classify(IReadOnlyList<NodeObservation> nodes, MonitoringOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        FirmwareVersion? reference = ReferenceFirmware(nodes, options);
        NodeState[] states = [.. nodes.Select(node => ClassifyNode(node, options, reference, now))];
        Dictionary<NodeStatus, int> counts = ByUrgency.ToDictionary(status => status, status => states.Count(state => state.Status == status));
        return new FleetStatus(now, states, counts, reference?.Text);
    }

    /// <summary>The configured current firmware when it can be read, else the newest version any node reports.</summary>
    public static FirmwareVersion? ReferenceFirmware(IEnumerable<NodeObservation> nodes, MonitoringOptions options)
    {
        if (FirmwareVersion.TryParse(options.CurrentFirmware) is { } configured)
        {
            return configured;
        }

        return nodes.Select(node => FirmwareVersion.TryParse(node.Health?.FirmwareVersion)).OfType<FirmwareVersion>().Max();
    }

    public static NodeState ClassifyNode(NodeObservation node, MonitoringOptions options, FirmwareVersion? reference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        TimeSpan silentAfter = options.SilentAfter;
        NodeProblem problems = NodeProblem.None;
        var reasons = new List<string>();

        // Silence is judged on what the node could have sent: nothing is late within two sync intervals of its
        // enrolment, and a node the fleet received from lately is alive even when what it sends is old (it is catching
        // up on its backlog).
        bool tooEarly = node.WatchedSince is { } watched && now - watched <= silentAfter;
        bool receivedLately = node.LastReceivedAt is { } received && now - received <= silentAfter;
        bool Stale(DateTimeOffset? at) => !tooEarly && (at is not { } seen || now - seen > silentAfter);

        if (Stale(node.LastSeen) && !receivedLately)
        {
            problems |= NodeProblem.Silent;
            reasons.Add(node.LastSeen is { } seen
                ? Text.SilentSince(Format(seen), Hours(silentAfter))
                : Text.NeverHeard);
        }

        if (node.Health is { } health)
        {
            List<SensorHealth> faulty = [.. health.Sensors.Where(IsFaulty)];
            if (faulty.Count > 0)
            {
                problems |= NodeProblem.SensorFault;
                reasons.AddRange(faulty.Select(sensor =>
                    Text.SensorProblem(sensor.Sensor, sensor.LastFault!.Value, sensor.LastFaultAt is { } at ? Format(at) : null)));
            }

            if (IsLowDisk(health, options))
            {
                problems |= NodeProblem.LowDisk;
                reasons.Add(Text.DiskProblem(Megabytes(health.DiskFreeBytes), Megabytes(health.DiskTotalBytes)));
            }

            if (health.Clock == WireClockState.Unsynchronised)
            {
                problems |= NodeProblem.ClockUnsynchronised;
                reasons.Add(Text.ClockProblem);
            }

            if (reference is not null && FirmwareVersion.TryParse(health.FirmwareVersion) is { } running && running.CompareTo(reference) < 0)
            {
                problems |= NodeProblem.OutdatedFirmware;
                reasons.Add(Text.OutdatedFirmwareProblem(FirmwareVersion.Shorten(health.FirmwareVersion), FirmwareVersion.Shorten(reference.Text)));
            }

            if (health.OldestBacklog is { } oldest && now - oldest > silentAfter)
            {
                problems |= NodeProblem.Degraded;
                reasons.Add(Text.BacklogProblem(health.BacklogWindows, Format(oldest)));
            }
        }

        if (node.HealthUnreadable)
        {
            problems |= NodeProblem.Degraded;
            reasons.Add(Text.UnreadableHealthReportProblem);
        }

        // While catching up both stamps are old; the backlog rule above says what is worth saying.
        bool catchingUp = receivedLately && Stale(node.LastSeen);
        if ((problems & NodeProblem.Silent) == 0 && !catchingUp)
        {
            // Heard from, but only half: one channel alive and the other not points at a sensor or outbox problem.
            if (Stale(node.LastDataAt))
            {
                problems |= NodeProblem.Degraded;
                reasons.Add(Text.NoDataSince(node.LastDataAt is { } data ? Format(data) : null));
            }
            else if (Stale(node.HealthReceivedAt) && !node.HealthUnreadable)
            {
                problems |= NodeProblem.Degraded;
                reasons.Add(Text.NoHealthReportSince(node.HealthReceivedAt is { } reported ? Format(reported) : null));
            }
        }

        NodeStatus status = ByUrgency.FirstOrDefault(candidate => candidate != NodeStatus.Healthy && (problems & ProblemOf(candidate)) != 0, NodeStatus.Healthy);
        return new NodeState(node, status, problems, reasons);
    }

    /// <summary>
    /// A sensor is faulty when its last attempt failed, except while warming up: a particle sensor's fan needs its
    /// half minute after every start, and calling that a fault would cry wolf at each reboot.
    /// </summary>
    public static bool IsFaulty(SensorHealth sensor) => sensor.LastFault is { } fault && fault != WireFault.WarmingUp;

    public static bool IsLowDisk(HealthReport health, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(health);

        // A total of zero means the node could not measure its disk: no verdict rather than a false alarm.
        if (health.DiskTotalBytes <= 0)
        {
            return false;
        }

        return health.DiskFreeBytes < options.LowDiskBytes || health.DiskFreeBytes < health.DiskTotalBytes * options.LowDiskFraction;
    }

    public static NodeProblem ProblemOf(NodeStatus status) => status switch
    {
        NodeStatus.Silent => NodeProblem.Silent,
        NodeStatus.SensorFault => NodeProblem.SensorFault,
        NodeStatus.LowDisk => NodeProblem.LowDisk,
        NodeStatus.ClockUnsynchronised => NodeProblem.ClockUnsynchronised,
        NodeStatus.OutdatedFirmware => NodeProblem.OutdatedFirmware,
        NodeStatus.Degraded => NodeProblem.Degraded,
        _ => NodeProblem.None,
    };

    private static string Format(DateTimeOffset at) => StaffTime.Format(at);

    private static string Hours(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min");

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0} MB");
}
