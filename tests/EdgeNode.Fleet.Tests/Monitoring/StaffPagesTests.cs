using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;
using EdgeNode.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>The staff monitoring pages rendered in-process for a signed-in test user, on data put in the real store.</summary>
public sealed partial class StaffPagesTests : IAsyncLifetime
{
    private const string Quiet = "lampadaire-quiet";
    private const string Faulty = "lampadaire-faulty";
    private readonly TemporaryDirectory _folder = new("edgenode-staff-pages-");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private MonitoringWebFactory _fleet = null!;

    public async Task InitializeAsync()
    {
        _fleet = new MonitoringWebFactory(_folder.File("fleet.db"));
        INodeRegistryStore registry = _fleet.Services.GetRequiredService<INodeRegistryStore>();
        await registry.AddAsync(new RegisteredNode(Quiet, "Mairie", "Saint-Lizier", "LP-1", 43.0, 1.13, true, _now.AddDays(-9), _now.AddDays(-9)), "hash-1", default);
        await registry.AddAsync(new RegisteredNode(Faulty, "École", "Saint-Girons", "LP-2", 42.98, 1.15, true, _now.AddDays(-9), _now.AddDays(-9)), "hash-2", default);

        var batch = new IngestBatch();
        batch.Health.Add(Health(Observations.Report(id: Quiet, at: _now.AddHours(-5))));
        batch.Health.Add(Health(Observations.Report(id: Faulty, at: _now.AddMinutes(-10), sensors: [Observations.Sensor("sds011", WireFault.NotAnswering), Observations.Sensor("bme280")])));
        DateTimeOffset start = DateTimeOffset.FromUnixTimeSeconds(_now.ToUnixTimeSeconds() / 900 * 900);
        for (int i = 1; i <= 12; i++)
        {
            batch.Metrics.Add(new MetricWindowRow(Faulty, "sds011", "pm25_ugm3", start.AddMinutes(-15 * i), 900, 0, false, 30, 10 + i, 8 + i, 14 + i, 11, 1, i == 2 ? 3 : 0, i == 2 ? "NotAnswering" : null, 2));
        }

        batch.DeadLetters.Add(new DeadLetter(_now.AddMinutes(-30), $"edge/{Faulty}/up/batch", Faulty, [0xde, 0xad, 0xbe, 0xef], "payload names node 'x'"));
        await _fleet.Services.GetRequiredService<IFleetStore>().CommitAsync(batch, default);
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_overview_shows_a_silent_node_as_silent_and_a_sensor_fault_as_faulty()
    {
        using HttpClient client = _fleet.SignedIn(StaffRoles.Viewer);

        string html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/staff", UriKind.Relative)));

        Assert.Equal("silent", RowStatus(html, Quiet));
        Assert.Equal("sensor-fault", RowStatus(html, Faulty));
        Assert.Contains("Capteur en défaut", html, StringComparison.Ordinal);
        Assert.Contains("sds011 : ne répond pas", html, StringComparison.Ordinal);
        Assert.Equal("1", Count(html, "silent"));
        Assert.Equal("1", Count(html, "sensor-fault"));
        Assert.Equal("0", Count(html, "healthy"));
        Assert.Contains("class=\"plain-map\"", html, StringComparison.Ordinal);
        Assert.Matches("<span data-open-alerts=\"\\d+\">", html);
        Assert.Contains("href=\"/staff/nodes/lampadaire-faulty\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_has_no_tile_server_unless_one_is_configured_and_leaflet_is_served_locally()
    {
        using HttpClient client = _fleet.SignedIn(StaffRoles.Viewer);
        using Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> tiled = _fleet.WithWebHostBuilder(builder =>
            builder.UseSetting("Fleet:Web:MapTileUrl", "https://tiles.example.fr/{z}/{x}/{y}.png").UseSetting("Fleet:Web:MapAttribution", "Tuiles Exemple SA"));
        using HttpClient tiledClient = tiled.CreateClient();
        tiledClient.DefaultRequestHeaders.Add(TestSignIn.RoleHeader, StaffRoles.Viewer);

        string plain = await client.GetStringAsync(new Uri("/staff", UriKind.Relative));
        string withTiles = await tiledClient.GetStringAsync(new Uri("/staff", UriKind.Relative));
        using HttpResponseMessage leaflet = await client.GetAsync(new Uri("/lib/leaflet/leaflet.js", UriKind.Relative));
        using HttpResponseMessage icons = await client.GetAsync(new Uri("/lib/leaflet/images/layers.png", UriKind.Relative));
        using HttpResponseMessage script = await client.GetAsync(new Uri("/js/staff-map.js", UriKind.Relative));

        Assert.Contains("data-tile-url=\"\"", plain, StringComparison.Ordinal);
        Assert.Contains("data-tile-url=\"https://tiles.example.fr/{z}/{x}/{y}.png\"", withTiles, StringComparison.Ordinal);
        // The public map's settings, one background for both maps: the tiles' credit follows them.
        Assert.Contains("data-tile-attribution=\"Tuiles Exemple SA\"", withTiles, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/lib/leaflet/leaflet.js\" defer>", plain, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.Contains("Leaflet", await leaflet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, icons.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task The_overview_filters_and_sorts_from_the_query_string()
    {
        using HttpClient client = _fleet.SignedIn(StaffRoles.Viewer);

        string silentOnly = await client.GetStringAsync(new Uri("/staff?status=silent", UriKind.Relative));
        string byNameDescending = await client.GetStringAsync(new Uri("/staff?sort=name&dir=desc", UriKind.Relative));
        string search = await client.GetStringAsync(new Uri("/staff?q=girons", UriKind.Relative));

        Assert.Equal([Quiet], RowNodes(silentOnly));
        Assert.Equal([Quiet, Faulty], RowNodes(byNameDescending)); // Mairie, then École
        Assert.Equal([Faulty], RowNodes(search));
    }

    [Fact]
    public async Task The_staff_pages_refuse_a_visitor_who_is_not_signed_in()
    {
        using HttpClient client = _fleet.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using HttpResponseMessage overview = await client.GetAsync(new Uri("/staff", UriKind.Relative));
        using HttpResponseMessage alerts = await client.GetAsync(new Uri("/staff/alerts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, alerts.StatusCode);
    }

    [Fact]
    public async Task The_node_page_charts_each_metric_as_svg_and_lists_faults_and_dead_letters()
    {
        using HttpClient client = _fleet.SignedIn(StaffRoles.Viewer);

        string html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/staff/nodes/{Faulty}", UriKind.Relative)));
        string week = await client.GetStringAsync(new Uri($"/staff/nodes/{Faulty}?range=7d", UriKind.Relative));
        string custom = await client.GetStringAsync(new Uri($"/staff/nodes/{Faulty}?range=custom&from={_now.AddDays(-1):yyyy-MM-dd}&to={_now:yyyy-MM-dd}", UriKind.Relative));
        using HttpResponseMessage unknown = await client.GetAsync(new Uri("/staff/nodes/nobody-here", UriKind.Relative));

        Assert.Contains("data-metric=\"pm25_ugm3\"", html, StringComparison.Ordinal);
        Assert.Matches("<svg class=\"chart\"[^>]*role=\"img\"", html);
        Assert.Contains("<polyline class=\"mean\"", html, StringComparison.Ordinal);
        Assert.Contains("12 fenêtres", html, StringComparison.Ordinal);
        Assert.Contains("calibration n° 2", html, StringComparison.Ordinal);
        Assert.Contains("<td>ne répond pas</td>", html, StringComparison.Ordinal);
        Assert.Contains("DEADBEEF", html, StringComparison.Ordinal);
        Assert.Contains("payload names node", html, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"mean\"", week, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"mean\"", custom, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_technician_acknowledges_an_alert_and_a_viewer_is_refused_with_403()
    {
        long id = await OpenAlertAsync();
        using HttpClient browser = _fleet.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        string viewerPage = await GetAsync(browser, "/staff/alerts", StaffRoles.Viewer);
        Assert.Contains($"data-alert=\"{id}\"", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Prendre en compte", viewerPage, StringComparison.Ordinal);

        // The technician's form (a viewer has none) posted as a viewer: the token is valid, only the role is wrong.
        (Uri action, string token) = AcknowledgeForm(await GetAsync(browser, "/staff/alerts", StaffRoles.Technician), id);
        using HttpResponseMessage refused = await browser.SendAsync(Post(action, token, StaffRoles.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await _fleet.Alerts.FindAlertAsync(id, default))!.AcknowledgedBy);

        using HttpResponseMessage accepted = await browser.SendAsync(Post(action, token, StaffRoles.Technician));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        FleetAlert alert = (await _fleet.Alerts.FindAlertAsync(id, default))!;
        Assert.Equal(TestSignIn.UserName, alert.AcknowledgedBy);
        Audit.AuditEntry audited = Assert.Single(
            await _fleet.Services.GetRequiredService<Audit.IAuditLog>().ReadAsync(50, null, default), entry => entry.Action == "alert.acknowledge");
        Assert.Equal((TestSignIn.UserName, Quiet), (audited.Actor, audited.Target));
        Assert.Contains($"n° {id}", audited.Details, StringComparison.Ordinal);
        string after = WebUtility.HtmlDecode(await GetAsync(browser, accepted.Headers.Location!.ToString(), StaffRoles.Technician));
        Assert.Contains($"par {TestSignIn.UserName}", after, StringComparison.Ordinal);
        Assert.Contains($"Alerte n° {id} prise en compte", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_without_the_antiforgery_token_is_refused()
    {
        long id = await OpenAlertAsync();
        using HttpClient browser = _fleet.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (Uri action, _) = AcknowledgeForm(await GetAsync(browser, "/staff/alerts", StaffRoles.Technician), id);

        using HttpResponseMessage response = await browser.SendAsync(Post(action, "not-a-token", StaffRoles.Technician));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await _fleet.Alerts.FindAlertAsync(id, default))!.AcknowledgedBy);
    }

    /// <summary>An open alert whose condition holds (the quiet node is silent), so the evaluator keeps it open.</summary>
    private async Task<long> OpenAlertAsync()
    {
        FleetAlert? raised = await _fleet.Alerts.RaiseAlertAsync(new AlertCondition(Quiet, AlertKind.Silent, "", "test"), _now, default);
        return raised?.Id ?? (await _fleet.Alerts.ReadOpenAlertsAsync(Quiet, default)).Single(alert => alert.Kind == AlertKind.Silent).Id;
    }

    private static async Task<string> GetAsync(HttpClient client, string url, string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
        request.Headers.Add(TestSignIn.RoleHeader, role);
        using HttpResponseMessage response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static HttpRequestMessage Post(Uri action, string token, string role)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]),
        };
        request.Headers.Add(TestSignIn.RoleHeader, role);
        return request;
    }

    /// <summary>The acknowledge form of one alert as the page renders it: its action and antiforgery token.</summary>
    private static (Uri Action, string Token) AcknowledgeForm(string page, long id)
    {
        Match form = Regex.Match(page, $"<form method=\"post\" action=\"(?<action>[^\"]*id={id}[^\"]*)\">.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.Singleline);
        Assert.True(form.Success, "the acknowledge form with its antiforgery token");
        return (new Uri(WebUtility.HtmlDecode(form.Groups["action"].Value), UriKind.Relative), form.Groups["token"].Value);
    }

    private static NodeHealthReport Health(HealthReport report) => new(report.NodeId, report.ReportedAt, JsonSerializer.Serialize(report));

    private static string RowStatus(string html, string node) =>
        Regex.Match(html, $"<tr data-node=\"{node}\" data-status=\"(?<status>[^\"]+)\"").Groups["status"].Value;

    private static string Count(string html, string status) =>
        Regex.Match(html, $"<span class=\"count\" data-status=\"{status}\">(?<n>\\d+)</span>").Groups["n"].Value;

    private static List<string> RowNodes(string html) =>
        [.. Regex.Matches(html, "<tr data-node=\"(?<node>[^\"]+)\"").Select(match => match.Groups["node"].Value)];
}
