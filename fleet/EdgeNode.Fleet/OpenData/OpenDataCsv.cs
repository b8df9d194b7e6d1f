using System.Globalization;
using System.Text;

namespace EdgeNode.Fleet.OpenData;

/// <summary>
/// CSV as RFC 4180 writes it (comma, CRLF, a header row, double quotes where needed), numbers with a full stop and
/// instants in ISO 8601 UTC whatever the server's culture. No comment lines, which most CSV readers choke on: the
/// metadata is at the URL in the Link header (rel="describedby").
/// </summary>
public static class OpenDataCsv
{
    public static string Windows(string nodeId, OpenMetric metric, IEnumerable<OpenWindow> windows)
    {
        var csv = new StringBuilder();
        Row(csv, [.. OpenWindowColumns.CsvHeader]);
        foreach (OpenWindow w in windows)
        {
            Row(csv, nodeId, w.Sensor, metric.Name, metric.Unit, Instant(w.Start), Instant(w.End), Number(w.WindowSeconds), Number(w.Mean), Number(w.Minimum),
                Number(w.Maximum), Number(w.Last), Number(w.Count), Number(w.Coverage), w.Partial ? "true" : "false", w.TimeQuality, Number(w.CalibrationVersion));
        }
        return csv.ToString();
    }

    public static string Traffic(string nodeId, IEnumerable<OpenTrafficWindow> windows)
    {
        var csv = new StringBuilder();
        Row(csv, "node_id", "sensor", "window_start", "window_end", "window_seconds", "approaching", "receding", "v85_kmh", "partial", "time_quality", "speed_histogram");
        foreach (OpenTrafficWindow w in windows)
        {
            Row(csv, nodeId, w.Sensor, Instant(w.Start), Instant(w.End), Number(w.WindowSeconds), Number(w.Approaching), Number(w.Receding),
                w.V85KilometresPerHour is { } v85 ? Number(v85) : "", w.Partial ? "true" : "false", w.TimeQuality,
                string.Join(' ', w.SpeedHistogram.Select(Number)));
        }
        return csv.ToString();
    }

    public static string Nodes(IEnumerable<OpenNode> nodes)
    {
        var csv = new StringBuilder();
        Row(csv, "id", "name", "municipality", "lamp_post_id", "latitude", "longitude", "active");
        foreach (OpenNode n in nodes)
        {
            Row(csv, n.Id, n.Name, n.Municipality, n.LampPostId, n.Latitude is { } lat ? Number(lat) : "", n.Longitude is { } lon ? Number(lon) : "",
                n.Active ? "true" : "false");
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            string field = fields[i];
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }
        csv.Append("\r\n");
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
