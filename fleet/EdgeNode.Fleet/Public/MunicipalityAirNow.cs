using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Public;

/// <summary>A municipality on the home page: the worst current band of its nodes, or null when none has one.</summary>
public sealed record MunicipalityAirNow(PublicMunicipality Municipality, AirQualityBand? WorstBand);
