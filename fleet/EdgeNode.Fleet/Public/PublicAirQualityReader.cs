using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// Reads what the public pages show from the registry and the measurements. Only enabled nodes are public: a disabled
/// node is out of service, and its last band would be stale. A band is current as long as the sync interval the fleet
/// gives its nodes (<see cref="MonitoringOptions.SyncInterval"/>) and <see cref="PublicWebOptions.LateMargin"/> allow.
/// </summary>
public sealed class PublicAirQualityReader(
    INodeRegistryStore registry, IFleetStore store, TimeProvider time, IOptions<PublicWebOptions> options, IOptionsMonitor<MonitoringOptions> monitoring)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    // Nodes send windows of up to an hour; one that started this long before a period may still end inside it.
    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>How old a node's newest window may be and still give its band, as the settings say now.</summary>
    public BandFreshness Freshness => new(monitoring.CurrentValue.SyncInterval, options.Value.LateMargin);

    /// <summary>The instant in the pages' time zone, as the visitor reads a clock.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    /// <summary>
    /// Municipalities with at least one enabled node, by name; nodes by name then id. Names compare by their URL form,
    /// so that "École" sorts with the e's (invariant globalization has no French collation).
    /// </summary>
    public async Task<IReadOnlyList<PublicMunicipality>> MunicipalitiesAsync(CancellationToken ct)
    {
        IReadOnlyList<RegisteredNode> nodes = await registry.ListAsync(ct);
        return nodes.Where(n => n.Enabled && n.Municipality.Trim().Length > 0)
            .GroupBy(n => MunicipalitySlug.From(n.Municipality), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g => new PublicMunicipality(
                g.First().Municipality.Trim(),
                g.Key,
                g.OrderBy(n => MunicipalitySlug.From(n.Name), StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList()))
            .OrderBy(m => m.Slug, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<PublicMunicipality?> MunicipalityAsync(string slug, CancellationToken ct) =>
        (await MunicipalitiesAsync(ct)).FirstOrDefault(m => m.Slug == slug);

    /// <summary>The node if it exists and is enabled.</summary>
    public async Task<RegisteredNode?> NodeAsync(string id, CancellationToken ct) =>
        await registry.FindAsync(id, ct) is { Enabled: true } node ? node : null;

    public async Task<NodeSituation> SituationAsync(RegisteredNode node, CancellationToken ct)
    {
        DateTimeOffset now = Now;
        BandFreshness freshness = Freshness;

        // The 24 hours of the chart, or longer when a node syncing rarely still has a current band from before them.
        TimeSpan lookBack = Max(Day, CurrentLookBack(freshness));
        IReadOnlyList<MetricWindowRow> windows = await store.ReadMetricWindowsAsync(node.Id, null, now - lookBack - LongestWindow, now, ct);
        List<MetricWindowRow> pollutants = windows.Where(w => EuropeanAirQualityIndex.Covers(w.Metric)).ToList();
        var series = EuropeanAirQualityIndex.Metrics
            .Select(metric => HourlySeries.From(metric, pollutants, now))
            .Where(s => !s.IsEmpty)
            .ToList();
        DateTimeOffset dayAgo = now - Day;
        List<MetricWindowRow> lastDay = windows.Where(w => CurrentAirQuality.End(w) > dayAgo).ToList();

        DateTimeOffset midnight = LocalMidnight(now);
        IReadOnlyList<TrafficWindowRow> traffic = await store.ReadTrafficWindowsAsync(node.Id, midnight, now, ct);
        TrafficToday? today = traffic.Count == 0 ? null : new TrafficToday(traffic.Sum(t => t.Approaching), traffic.Sum(t => t.Receding));

        return new NodeSituation(
            node,
            CurrentAirQuality.Compute(pollutants, now, freshness),
            CurrentAirQuality.LastMeasurementEnd(pollutants.Where(w => CurrentAirQuality.End(w) > dayAgo), now),
            series,
            today,
            LatestMeasurement.From(lastDay, now),
            now);
    }

    /// <summary>The node's current air quality alone (the home page's), reading only the windows it needs.</summary>
    public async Task<CurrentAirQuality?> CurrentAsync(RegisteredNode node, CancellationToken ct)
    {
        DateTimeOffset now = Now;
        BandFreshness freshness = Freshness;
        IReadOnlyList<MetricWindowRow> windows = await store.ReadMetricWindowsAsync(node.Id, null, now - CurrentLookBack(freshness) - LongestWindow, now, ct);
        return CurrentAirQuality.Compute(windows, now, freshness);
    }

    // The newest window may be as old as the freshness allows, and the hour before it is averaged.
    private static TimeSpan CurrentLookBack(BandFreshness freshness) => freshness.LateAfter(LongestWindow) + CurrentAirQuality.AveragingPeriod;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private DateTimeOffset LocalMidnight(DateTimeOffset now)
    {
        DateTime localMidnight = ToLocal(now).Date;

        // Midnight never falls in a daylight-saving gap in France; elsewhere fall back to the hour after.
        while (_zone.IsInvalidTime(localMidnight))
        {
            localMidnight = localMidnight.AddHours(1);
        }
        return new DateTimeOffset(localMidnight, _zone.GetUtcOffset(localMidnight));
    }
}
