using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Public;

/// <summary>What the public pages say about one node at <see cref="Now"/>.</summary>
/// <param name="Current">Null when the node is later than its sync interval allows: the page then says since when there is none.</param>
/// <param name="LastMeasurementEnd">The end of the newest pollutant window of the last 24 hours, or null.</param>
/// <param name="Series">One per pollutant of the index the node measured in the last 24 hours.</param>
/// <param name="Traffic">Null when the node counted nothing today (no radar, or no window yet).</param>
/// <param name="OtherMeasurements">The newest value of each other quantity the node measured in the last 24 hours.</param>
public sealed record NodeSituation(
    RegisteredNode Node,
    CurrentAirQuality? Current,
    DateTimeOffset? LastMeasurementEnd,
    IReadOnlyList<HourlySeries> Series,
    TrafficToday? Traffic,
    IReadOnlyList<LatestMeasurement> OtherMeasurements,
    DateTimeOffset Now);
