using System.Net;
using System.Text.Json;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Protocol.Calibration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>The open-data API: JSON with licence and metadata, CSV with a header row, and clear problems for bad input.</summary>
public sealed class OpenDataTests : IAsyncLifetime
{
    private readonly PublicSite _site = new();

    public async Task InitializeAsync()
    {
        await _site.EnrolAsync("ecole-1", "École, \"Jules-Ferry\"", "Saint-Jean");
        await _site.CommitWindowsAsync("ecole-1", "pm25_ugm3", 12.5, count: 3);
        await _site.CommitWindowsAsync("ecole-1", "pm10_ugm3", 20, count: 3, sensor: "pms5003");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_node_list_carries_the_licence()
    {
        using JsonDocument json = await GetJsonAsync("/api/open/v1/nodes");

        JsonElement licence = json.RootElement.GetProperty("licence");
        Assert.Equal("Licence Ouverte / Open Licence version 2.0", licence.GetProperty("name").GetString());
        Assert.Equal("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", licence.GetProperty("url").GetString());
        JsonElement node = Assert.Single(json.RootElement.GetProperty("nodes").EnumerateArray());
        Assert.Equal("ecole-1", node.GetProperty("id").GetString());
        Assert.Equal("Saint-Jean", node.GetProperty("municipality").GetString());
        Assert.Equal(43.39, node.GetProperty("latitude").GetDouble());
    }

    [Fact]
    public async Task Windows_as_JSON_come_in_an_envelope_with_licence_and_metadata()
    {
        using JsonDocument json = await GetJsonAsync("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&from=2026-11-22T09:00:00Z&to=2026-11-22T10:07:00Z");

        JsonElement metadata = json.RootElement.GetProperty("metadata");
        Assert.StartsWith("Licence Ouverte", metadata.GetProperty("licence").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("pm25_ugm3", metadata.GetProperty("metric").GetProperty("name").GetString());
        Assert.Equal("µg/m³", metadata.GetProperty("metric").GetProperty("unit").GetString());
        Assert.Equal([900], metadata.GetProperty("windowSeconds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([3], metadata.GetProperty("calibrationVersions").EnumerateArray().Select(e => e.GetInt32()));
        JsonElement sensor = Assert.Single(metadata.GetProperty("sensors").EnumerateArray());
        Assert.Equal("sds011", sensor.GetProperty("name").GetString());
        Assert.StartsWith("Nova Fitness SDS011", sensor.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.True(metadata.GetProperty("columns").TryGetProperty("coverage", out _));
        JsonElement[] windows = json.RootElement.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(3, windows.Length);
        Assert.All(windows, w => Assert.Equal(12.5, w.GetProperty("mean").GetDouble()));
        Assert.Equal("2026-11-22T09:15:00+00:00", windows[0].GetProperty("start").GetString());
    }

    [Fact]
    public async Task The_metadata_gives_what_each_calibration_version_in_the_range_did_to_the_metric()
    {
        // Before any set is known (a fleet database restored from before them): the version, but no claim about it.
        using (JsonDocument unknown = await GetJsonAsync("/api/open/v1/nodes/ecole-1/windows/metadata?metric=pm25_ugm3"))
        {
            Assert.Equal([3], unknown.RootElement.GetProperty("calibrationVersions").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Empty(unknown.RootElement.GetProperty("calibrations").EnumerateArray());
        }
        ICalibrationStore calibrations = _site.Services.GetRequiredService<ICalibrationStore>();
        DateTimeOffset setAt = _site.Now.AddDays(-2);
        await calibrations.AddCalibrationAsync("ecole-1", [new CalibrationEntry("sds011", "pm25_ugm3", 1.25, 0)], "tech", setAt, 0, CancellationToken.None);
        await calibrations.AddCalibrationAsync("ecole-1", [new CalibrationEntry("sds011", "pm25_ugm3", 1.1, 0)], "tech", setAt, 0, CancellationToken.None);
        await calibrations.AddCalibrationAsync("ecole-1",
            [new CalibrationEntry("sds011", "pm25_ugm3", 0.8, 1.5), new CalibrationEntry("bme280", "temperature_c", 1, -0.7)], "tech", setAt, 0, CancellationToken.None);

        using JsonDocument pm25 = await GetJsonAsync("/api/open/v1/nodes/ecole-1/windows/metadata?metric=pm25_ugm3");
        using JsonDocument pm10 = await GetJsonAsync("/api/open/v1/nodes/ecole-1/windows?metric=pm10_ugm3");

        JsonElement version = Assert.Single(pm25.RootElement.GetProperty("calibrations").EnumerateArray());
        Assert.Equal(3, version.GetProperty("version").GetInt32());
        Assert.Equal(setAt, version.GetProperty("setAt").GetDateTimeOffset());
        JsonElement correction = Assert.Single(version.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("sds011", 0.8, 1.5), (correction.GetProperty("sensor").GetString(), correction.GetProperty("gain").GetDouble(), correction.GetProperty("offset").GetDouble()));
        // Version 3 did not touch the pms5003's PM10: it went out as measured.
        JsonElement untouched = Assert.Single(pm10.RootElement.GetProperty("metadata").GetProperty("calibrations").EnumerateArray());
        Assert.Equal(3, untouched.GetProperty("version").GetInt32());
        Assert.Empty(untouched.GetProperty("corrections").EnumerateArray());
    }

    [Fact]
    public async Task Windows_as_CSV_have_a_header_row_and_a_link_to_their_metadata()
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/api/open/v1/nodes/ecole-1/windows?metric=pm10_ugm3&format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        string link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains("/api/open/v1/nodes/ecole-1/windows/metadata?metric=pm10_ugm3&from=2026-11-21T10%3A07%3A00Z&to=2026-11-22T10%3A07%3A00Z", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"describedby\"", link, StringComparison.Ordinal);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("node_id,sensor,metric,unit,window_start,window_end,window_seconds,mean,minimum,maximum,last,count,coverage,partial,time_quality,calibration_version", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("ecole-1,pms5003,pm10_ugm3,µg/m³,2026-11-22T09:15:00Z,2026-11-22T09:30:00Z,900,20,19,21,20,30,1,false,synchronised,3", lines[1]);

        using JsonDocument metadata = await GetJsonAsync(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Equal("pms5003", metadata.RootElement.GetProperty("sensors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_metadata_linked_from_a_CSV_names_exactly_the_CSV_header_s_columns_in_order()
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/api/open/v1/nodes/ecole-1/windows?metric=pm10_ugm3&format=csv", UriKind.Relative));
        string header = (await response.Content.ReadAsStringAsync()).Split("\r\n")[0];
        string link = Assert.Single(response.Headers.GetValues("Link"));

        using JsonDocument metadata = await GetJsonAsync(link[1..link.IndexOf('>', StringComparison.Ordinal)]);

        string[] described = metadata.RootElement.GetProperty("columns").EnumerateObject().Select(c => c.Name).ToArray();
        Assert.Equal(header.Split(','), described);
        Assert.All(metadata.RootElement.GetProperty("columns").EnumerateObject(), c => Assert.False(string.IsNullOrWhiteSpace(c.Value.GetString())));
    }

    [Fact]
    public async Task The_metadata_of_JSON_windows_names_exactly_the_window_s_properties()
    {
        using JsonDocument json = await GetJsonAsync("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&from=2026-11-22T09:00:00Z&to=2026-11-22T10:07:00Z");

        string[] described = json.RootElement.GetProperty("metadata").GetProperty("columns").EnumerateObject().Select(c => c.Name).ToArray();
        string[] properties = json.RootElement.GetProperty("windows")[0].EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(properties, described);
    }

    [Fact]
    public async Task The_node_list_as_CSV_quotes_what_needs_quoting()
    {
        using HttpClient client = _site.CreateClient();
        string csv = await client.GetStringAsync(new Uri("/api/open/v1/nodes?format=csv", UriKind.Relative));

        Assert.Equal("id,name,municipality,lamp_post_id,latitude,longitude,active\r\necole-1,\"École, \"\"Jules-Ferry\"\"\",Saint-Jean,LP-ecole-1,43.39,-1.66,true\r\n", csv);
    }

    [Theory]
    [InlineData("/api/open/v1/nodes/ecole-1/windows", "Give a metric, one of: temperature_c")]
    [InlineData("/api/open/v1/nodes/ecole-1/windows?metric=pm2.5", "'pm2.5' is not a metric; give one of:")]
    [InlineData("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&from=yesterday", "'from' is 'yesterday', which is not an ISO 8601 date")]
    [InlineData("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&to=22%2F11%2F2026", "'to' is '22/11/2026', which is not an ISO 8601 date")]
    [InlineData("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "must be before 'to'")]
    [InlineData("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&from=2026-01-01&to=2026-11-01", "is longer than 31 days; ask for it in several parts")]
    [InlineData("/api/open/v1/nodes/ecole-1/windows?metric=pm25_ugm3&format=xml", "format is 'xml'; give json (the default) or csv.")]
    [InlineData("/api/open/v1/nodes/ecole-1/traffic?from=2025-01-01", "is longer than 31 days")]
    public async Task Bad_input_is_a_400_problem_that_says_what_to_send(string path, string expected)
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/open/v1/nodes/nobody-7/windows?metric=pm25_ugm3")]
    [InlineData("/api/open/v1/nodes/nobody-7/traffic")]
    public async Task An_unknown_node_is_a_404_problem(string path)
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No node is registered as 'nobody-7'; the list of nodes is at /api/open/v1/nodes.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Traffic_as_JSON_has_the_licence_and_the_histogram_explained()
    {
        var batch = new EdgeNode.Fleet.Storage.IngestBatch();
        batch.Traffic.Add(new EdgeNode.Fleet.Storage.TrafficWindowRow("ecole-1", "ops243", _site.Now.AddMinutes(-37), 900, 0, false, 41, 37, Enumerable.Range(0, 16).ToArray(), 48.5));
        await _site.CommitAsync(batch);

        using JsonDocument json = await GetJsonAsync("/api/open/v1/nodes/ecole-1/traffic");

        Assert.StartsWith("Licence Ouverte", json.RootElement.GetProperty("licence").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("16 bins of 10 km/h", json.RootElement.GetProperty("speedHistogram").GetString(), StringComparison.Ordinal);
        JsonElement window = Assert.Single(json.RootElement.GetProperty("windows").EnumerateArray());
        Assert.Equal(41, window.GetProperty("approaching").GetInt32());
        Assert.Equal(48.5, window.GetProperty("v85KilometresPerHour").GetDouble());
    }

    [Fact]
    public async Task The_API_is_described_at_openapi_v1_json()
    {
        using JsonDocument json = await GetJsonAsync("/openapi/v1.json");

        Assert.Equal("EdgeNode open data", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        JsonElement paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/open/v1/nodes", out _));
        Assert.True(paths.TryGetProperty("/api/open/v1/nodes/{id}/windows", out JsonElement windows));
        JsonElement metric = Assert.Single(windows.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "metric");
        Assert.Contains("pm25_ugm3", metric.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(paths.TryGetProperty("/health", out _));
        Assert.False(paths.TryGetProperty("/langue/{code}", out _));
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
