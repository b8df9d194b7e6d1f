using System.ComponentModel;
using System.Globalization;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Public;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Catalogue;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.OpenData;

/// <summary>
/// The open-data API, /api/open/v1: the nodes, each node's metric windows and traffic windows, as JSON (licence and
/// metadata in an envelope) or CSV (a header row; metadata at the Link rel="describedby" URL). Every answer is under
/// <see cref="OpenDataLicence.Etalab20"/>. Bad input is a problem-details 400 that says what to send instead.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Prefix = "/api/open/v1";

    private const string IdText = "The node's id, as /api/open/v1/nodes lists it.";
    private const string MetricText = "The metric's name: temperature_c, relative_humidity_pct, pressure_hpa, co2_ppm, pm1_ugm3, pm25_ugm3, pm10_ugm3 or no2_ugm3.";
    private const string FromText = "Start of the range, ISO 8601 (2026-11-21T08:00:00Z); default: 'to' minus 24 hours.";
    private const string ToText = "End of the range, excluded, ISO 8601; default: now. At most Fleet:Web:OpenDataMaxRangeDays (31) days after 'from'.";
    private const string FormatText = "json (default) or csv.";

    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup(Prefix).WithTags("Open data").RequireRateLimiting(PublicRateLimiting.PolicyName).AllowAnonymous();

        api.MapGet("/nodes", ListNodesAsync)
            .WithName("ListNodes")
            .WithSummary("Every registered node: name, municipality, lamppost, WGS 84 position.")
            .WithDescription("format=json (default, with the licence) or format=csv (a header row).")
            .Produces<OpenNodeList>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/nodes/{id}/windows", WindowsAsync)
            .WithName("NodeWindows")
            .WithSummary("One node's aggregated windows of one metric over a time range.")
            .WithDescription("metric: one of " + string.Join(", ", MetricCatalogue.All.Select(m => m.Name))
                + ". from, to: ISO 8601 UTC such as 2026-11-22T08:00:00Z, windows starting in [from, to); default the last 24 hours; at most "
                + "Fleet:Web:OpenDataMaxRangeDays (31) days. format=json (default: metadata and windows) or csv (header row; metadata at the Link rel=describedby URL).")
            .Produces<OpenWindowData>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/nodes/{id}/windows/metadata", WindowMetadataAsync)
            .WithName("NodeWindowsMetadata")
            .WithSummary("The metadata of the same query as /windows, without the windows: what a download's columns, units, sensors and calibration versions are.")
            .WithDescription("format=csv describes the CSV header's columns (the Link of a CSV download says so); format=json (default) the JSON window's properties.")
            .Produces<OpenWindowMetadata>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/nodes/{id}/traffic", TrafficAsync)
            .WithName("NodeTraffic")
            .WithSummary("One node's traffic windows: vehicles per direction, speed histogram (16 bins of 10 km/h, the last 150+), V85.")
            .WithDescription("from, to and format as for /windows.")
            .Produces<OpenTrafficData>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/metrics", () => MetricCatalogue.All.Select(m => new OpenMetric(m.Name, m.Unit)).ToList())
            .WithName("ListMetrics")
            .WithSummary("The metric names the windows use, with their units.");
        return endpoints;
    }

    private static async Task<IResult> ListNodesAsync([Description(FormatText)] string? format, INodeRegistryStore registry, TimeProvider time, CancellationToken ct)
    {
        if (Format(format) is not { } csv)
        {
            return FormatProblem(format);
        }
        List<OpenNode> nodes = (await registry.ListAsync(ct)).Select(Describe).ToList();
        return csv
            ? Csv(OpenDataCsv.Nodes(nodes), "nodes.csv", null)
            : Results.Json(new OpenNodeList(OpenDataLicence.Etalab20, time.GetUtcNow(), nodes));
    }

    private static async Task<IResult> WindowsAsync(
        [Description(IdText)] string id, [Description(MetricText)] string? metric, [Description(FromText)] string? from, [Description(ToText)] string? to,
        [Description(FormatText)] string? format, HttpContext context,
        INodeRegistryStore registry, IFleetStore store, ICalibrationStore calibrations, TimeProvider time, IOptions<PublicWebOptions> options, CancellationToken ct)
    {
        if (Format(format) is not { } csv)
        {
            return FormatProblem(format);
        }
        (OpenWindowData? data, IResult? problem) = await ReadWindowsAsync(id, metric, from, to, registry, store, calibrations, time, options.Value, ct);
        if (data is null)
        {
            return problem!;
        }
        if (!csv)
        {
            return Results.Json(data);
        }
        string metadata = $"{Prefix}/nodes/{Uri.EscapeDataString(id)}/windows/metadata?metric={Uri.EscapeDataString(data.Metadata.Metric.Name)}"
            + $"&from={Uri.EscapeDataString(Iso(data.Metadata.From))}&to={Uri.EscapeDataString(Iso(data.Metadata.To))}&format=csv";
        return Csv(OpenDataCsv.Windows(id, data.Metadata.Metric, data.Windows), $"{id}-{data.Metadata.Metric.Name}-{FileStamp(data.Metadata.From)}-{FileStamp(data.Metadata.To)}.csv", metadata);
    }

    private static async Task<IResult> WindowMetadataAsync(
        [Description(IdText)] string id, [Description(MetricText)] string? metric, [Description(FromText)] string? from, [Description(ToText)] string? to,
        [Description("Whose column names to describe: json (default) or csv.")] string? format,
        INodeRegistryStore registry, IFleetStore store, ICalibrationStore calibrations, TimeProvider time, IOptions<PublicWebOptions> options, CancellationToken ct)
    {
        if (Format(format) is not { } csv)
        {
            return FormatProblem(format);
        }
        (OpenWindowData? data, IResult? problem) = await ReadWindowsAsync(id, metric, from, to, registry, store, calibrations, time, options.Value, ct);
        if (data is null)
        {
            return problem!;
        }
        return Results.Json(csv ? data.Metadata with { Columns = OpenWindowColumns.ForCsv } : data.Metadata);
    }

    private static async Task<IResult> TrafficAsync(
        [Description(IdText)] string id, [Description(FromText)] string? from, [Description(ToText)] string? to, [Description(FormatText)] string? format,
        INodeRegistryStore registry, IFleetStore store, TimeProvider time, IOptions<PublicWebOptions> options, CancellationToken ct)
    {
        if (Format(format) is not { } csv)
        {
            return FormatProblem(format);
        }
        (OpenDataRange? range, string? rangeProblem) = OpenDataRange.Parse(from, to, time.GetUtcNow(), TimeSpan.FromDays(options.Value.OpenDataMaxRangeDays));
        if (range is null)
        {
            return BadRequest("Bad time range", rangeProblem!);
        }
        if (await registry.FindAsync(id, ct) is not { } node)
        {
            return UnknownNode(id);
        }
        IReadOnlyList<TrafficWindowRow> rows = await store.ReadTrafficWindowsAsync(id, range.From, range.To, ct);
        List<OpenTrafficWindow> windows = rows.Select(r => new OpenTrafficWindow(
            r.Sensor, r.WindowStart, r.WindowStart.AddSeconds(r.WindowSeconds), r.WindowSeconds, r.Approaching, r.Receding, r.SpeedHistogram,
            r.V85KilometresPerHour, r.Partial, TimeQuality(r.TimeQuality))).ToList();
        if (csv)
        {
            return Csv(OpenDataCsv.Traffic(id, windows), $"{id}-traffic-{FileStamp(range.From)}-{FileStamp(range.To)}.csv", null);
        }
        return Results.Json(new OpenTrafficData(
            OpenDataLicence.Etalab20, Describe(node), range.From, range.To, Sensors(rows.Select(r => r.Sensor)),
            $"{TrafficWindowRow.SpeedBins} bins of 10 km/h: 0-10, 10-20, ... 140-150, 150 and over; vehicles of both directions.",
            windows));
    }

    private static async Task<(OpenWindowData? Data, IResult? Problem)> ReadWindowsAsync(
        string id, string? metric, string? from, string? to,
        INodeRegistryStore registry, IFleetStore store, ICalibrationStore calibrations, TimeProvider time, PublicWebOptions options, CancellationToken ct)
    {
        WireMetric? wire = MetricCatalogue.All.FirstOrDefault(m => m.Name == metric?.Trim());
        if (wire is null)
        {
            string known = string.Join(", ", MetricCatalogue.All.Select(m => m.Name));
            return (null, BadRequest("Unknown metric", string.IsNullOrWhiteSpace(metric)
                ? $"Give a metric, one of: {known} (e.g. ?metric=pm25_ugm3)."
                : $"'{metric}' is not a metric; give one of: {known}."));
        }
        (OpenDataRange? range, string? rangeProblem) = OpenDataRange.Parse(from, to, time.GetUtcNow(), TimeSpan.FromDays(options.OpenDataMaxRangeDays));
        if (range is null)
        {
            return (null, BadRequest("Bad time range", rangeProblem!));
        }
        if (await registry.FindAsync(id, ct) is not { } node)
        {
            return (null, UnknownNode(id));
        }
        IReadOnlyList<MetricWindowRow> rows = await store.ReadMetricWindowsAsync(id, wire.Name, range.From, range.To, ct);
        List<int> versions = rows.Select(r => r.CalibrationVersion).Distinct().Order().ToList();
        var metadata = new OpenWindowMetadata(
            OpenDataLicence.Etalab20,
            Describe(node),
            new OpenMetric(wire.Name, wire.Unit),
            range.From,
            range.To,
            Sensors(rows.Select(r => r.Sensor)),
            rows.Select(r => r.WindowSeconds).Distinct().Order().ToList(),
            versions,
            await CorrectionsAsync(calibrations, id, wire.Name, versions, ct),
            OpenWindowColumns.ForJson);
        List<OpenWindow> windows = rows.Select(r => new OpenWindow(
            r.Sensor, r.WindowStart, r.WindowStart.AddSeconds(r.WindowSeconds), r.WindowSeconds, r.Mean, r.Minimum, r.Maximum, r.Last, r.Count,
            r.Coverage, r.Partial, TimeQuality(r.TimeQuality), r.CalibrationVersion)).ToList();
        return (new OpenWindowData(metadata, windows), null);
    }

    /// <summary>What each of <paramref name="versions"/> did to the metric, for the versions this fleet knows.</summary>
    private static async Task<List<OpenCalibration>> CorrectionsAsync(ICalibrationStore calibrations, string id, string metric, List<int> versions, CancellationToken ct)
    {
        if (!versions.Any(version => version > 0))
        {
            return [];
        }
        IReadOnlyList<CalibrationRecord> records = await calibrations.ReadCalibrationsAsync(id, ct);
        return records
            .Where(record => versions.Contains(record.Set.Version))
            .OrderBy(record => record.Set.Version)
            .Select(record => new OpenCalibration(
                record.Set.Version,
                record.CreatedAt,
                record.Set.Entries.Where(entry => entry.Metric == metric).OrderBy(entry => entry.Sensor, StringComparer.Ordinal)
                    .Select(entry => new OpenCorrection(entry.Sensor, entry.Gain, entry.Offset)).ToList()))
            .ToList();
    }

    private static OpenNode Describe(RegisteredNode node) => new(
        node.Id, node.Name, node.Municipality, node.LampPostId, node.Latitude, node.Longitude, node.Enabled,
        $"{Prefix}/nodes/{Uri.EscapeDataString(node.Id)}/windows?metric={MetricCatalogue.Pm25.Name}",
        $"{Prefix}/nodes/{Uri.EscapeDataString(node.Id)}/traffic");

    private static List<OpenSensor> Sensors(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(n => new OpenSensor(n, SensorCatalogue.Find(n)?.Model)).ToList();

    private static string TimeQuality(byte quality) => quality switch
    {
        0 => "synchronised",
        1 => "restamped",
        _ => "unconfirmed",
    };

    /// <summary>True for CSV, false for JSON, null for anything else.</summary>
    private static bool? Format(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => null,
    };

    private static IResult FormatProblem(string? format) => BadRequest("Unknown format", $"format is '{format}'; give json (the default) or csv.");

    private static IResult BadRequest(string title, string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    private static IResult UnknownNode(string id) => Results.Problem(
        $"No node is registered as '{id}'; the list of nodes is at {Prefix}/nodes.", statusCode: StatusCodes.Status404NotFound, title: "Unknown node");

    private static IResult Csv(string body, string fileName, string? metadataUrl) => new CsvResult(body, fileName, metadataUrl);

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string FileStamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    /// <summary>CSV with its file name, and the Link to its metadata when there is one.</summary>
    private sealed class CsvResult(string body, string fileName, string? metadataUrl) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "text/csv; charset=utf-8; header=present";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            if (metadataUrl is not null)
            {
                context.Response.Headers.Link = $"<{metadataUrl}>; rel=\"describedby\"; type=\"application/json\"";
            }
            return context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
