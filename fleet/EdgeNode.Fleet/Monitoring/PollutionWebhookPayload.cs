using System.Text.Json.Serialization;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// The JSON body POSTed to <c>Fleet:Alerts:WebhookUrl</c> when a pollution alert is raised (camelCase; documented
/// in fleet/README.md, so change it only compatibly).
/// </summary>
/// <param name="AlertId">The fleet's alert id: a receiver can drop a repeated delivery by it.</param>
/// <param name="Pollutant">The metric as the node names it ("pm25_ugm3").</param>
/// <param name="Band">The European Air Quality Index band the rolling mean reached ("Poor").</param>
/// <param name="Value">The rolling mean that crossed the threshold, in the pollutant's unit.</param>
public sealed record PollutionWebhookPayload(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("alertId")] long AlertId,
    [property: JsonPropertyName("nodeId")] string NodeId,
    [property: JsonPropertyName("nodeName")] string NodeName,
    [property: JsonPropertyName("municipality")] string Municipality,
    [property: JsonPropertyName("latitude")] double? Latitude,
    [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("pollutant")] string Pollutant,
    [property: JsonPropertyName("band")] string? Band,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("raisedAt")] DateTimeOffset RaisedAt,
    [property: JsonPropertyName("detail")] string Detail);
