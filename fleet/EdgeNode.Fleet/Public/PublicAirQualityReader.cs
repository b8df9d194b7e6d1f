using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// Reads what the public pages show from the registry and the measurements. Only enabled nodes are public: a disabled
/// node is out of service, and its last band would be stale.
/// </summary>
public sealed class PublicAirQualityReader(INodeRegistryStore registry, IFleetStore store, TimeProvider time, IOptions<PublicWebOptions> options)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

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

        // A window that started up to an hour before the 24 hours may still end inside the averaging period or the chart.
        IReadOnlyList<MetricWindowRow> windows = await store.ReadMetricWindowsAsync(node.Id, null, now - Day - TimeSpan.FromHours(1), now, ct);
        List<MetricWindowRow> pollutants = windows.Where(w => EuropeanAirQualityIndex.Covers(w.Metric)).ToList();
        var series = EuropeanAirQualityIndex.Metrics
            .Select(metric => HourlySeries.From(metric, pollutants, now))
            .Where(s => !s.IsEmpty)
            .ToList();

        DateTimeOffset midnight = LocalMidnight(now);
        IReadOnlyList<TrafficWindowRow> traffic = await store.ReadTrafficWindowsAsync(node.Id, midnight, now, ct);
        TrafficToday? today = traffic.Count == 0 ? null : new TrafficToday(traffic.Sum(t => t.Approaching), traffic.Sum(t => t.Receding));

        return new NodeSituation(node, CurrentAirQuality.Compute(pollutants, now), CurrentAirQuality.LastMeasurementEnd(pollutants, now), series, today, now);
    }

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
