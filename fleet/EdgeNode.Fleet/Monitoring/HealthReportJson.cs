using System.Text.Json;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Reads back the health report JSON the ingest stores (<c>MessageClassifier</c> writes <see cref="HealthReport"/> with
/// System.Text.Json's defaults: property names as declared, enums as numbers, TimeSpan as "d.hh:mm:ss").
/// </summary>
public static class HealthReportJson
{
    private static readonly JsonSerializerOptions Options = new();

    /// <summary>Null when the text is not a health report this fleet can read.</summary>
    public static HealthReport? TryRead(string json)
    {
        try
        {
            HealthReport? report = JsonSerializer.Deserialize<HealthReport>(json, Options);
            return report is { NodeId: not null, FirmwareVersion: not null, Sensors: not null } ? report : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
