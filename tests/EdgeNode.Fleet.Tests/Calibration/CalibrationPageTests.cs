using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Monitoring;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Messages;
using EdgeNode.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Calibration;

/// <summary>The node page's calibration: set and remove a correction, who may, what is audited, and the raw line on the charts.</summary>
public sealed class CalibrationPageTests : IAsyncLifetime
{
    private const string Node = "lampadaire-pm";
    private readonly TemporaryDirectory _folder = new("edgenode-calibration-page-");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private MonitoringWebFactory _fleet = null!;

    private ICalibrationStore Calibrations => _fleet.Services.GetRequiredService<ICalibrationStore>();

    public async Task InitializeAsync()
    {
        _fleet = new MonitoringWebFactory(_folder.File("fleet.db"));
        await _fleet.Services.GetRequiredService<INodeRegistryStore>().AddAsync(
            new RegisteredNode(Node, "Mairie", "Saint-Lizier", "LP-1", 43.0, 1.13, true, _now.AddDays(-9), _now.AddDays(-9)), "hash-1", default);
        await CommitWindowsAsync(calibrationVersion: 0, hoursAgo: 6, mean: 20);
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_technician_sets_a_correction_in_french_decimals_it_is_saved_audited_and_shown_as_waiting_for_the_node()
    {
        using HttpClient browser = _fleet.SignedIn(StaffRoles.Technician);
        (Uri action, string token) = Form(await PageAsync(browser), "Calibrate");

        using HttpResponseMessage saved = await browser.SendAsync(Post(action, token, ("target", "sds011/pm25_ugm3"), ("gain", "0,8"), ("offset", " -1.5 ")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        CalibrationRecord record = Assert.Single(await Calibrations.ReadCalibrationsAsync(Node, default));
        Assert.Equal(1, record.Set.Version);
        Assert.Equal([new CalibrationEntry("sds011", "pm25_ugm3", 0.8, -1.5)], record.Set.Entries);
        Assert.Equal(TestSignIn.UserName, record.CreatedBy);
        AuditEntry audited = Assert.Single(await _fleet.Services.GetRequiredService<IAuditLog>().ReadAsync(10, null, default), e => e.Action == "node.calibrate");
        Assert.Equal((TestSignIn.UserName, Node), (audited.Actor, audited.Target));
        Assert.Contains("calibration n° 1 — sds011, Particules fines PM2,5 : gain 0,8, décalage -1.5", audited.Details, StringComparison.Ordinal);
        string after = WebUtility.HtmlDecode(await browser.GetStringAsync(saved.Headers.Location));
        Assert.Contains("Calibration n° 1 enregistrée", after, StringComparison.Ordinal);
        Assert.Contains("data-calibration-version=\"1\"", after, StringComparison.Ordinal);
        Assert.Contains("en attente du nœud", after, StringComparison.Ordinal);
        Assert.Contains("data-calibration-entry=\"sds011/pm25_ugm3\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_holding_a_newer_revision_than_this_database_gets_a_version_above_it_and_is_not_taken_as_having_applied_it()
    {
        // The node holds revision 6 from before this database (restored from a backup, or the node enrolled again).
        var batch = new IngestBatch();
        HealthReport report = Observations.Report(id: Node, at: _now.AddMinutes(-5)) with { AppliedConfigRevision = 6 };
        batch.Health.Add(new NodeHealthReport(Node, report.ReportedAt, JsonSerializer.Serialize(report)));
        await _fleet.Services.GetRequiredService<IFleetStore>().CommitAsync(batch, default);
        using HttpClient browser = _fleet.SignedIn(StaffRoles.Technician);
        (Uri action, string token) = Form(await PageAsync(browser), "Calibrate");

        using HttpResponseMessage saved = await browser.SendAsync(Post(action, token, ("target", "sds011/pm25_ugm3"), ("gain", "0,8"), ("offset", "0")));

        Assert.Equal(7, Assert.Single(await Calibrations.ReadCalibrationsAsync(Node, default)).Set.Version);
        string after = WebUtility.HtmlDecode(await browser.GetStringAsync(saved.Headers.Location));
        Assert.Contains("Calibration n° 7 enregistrée", after, StringComparison.Ordinal);
        Assert.Contains("en attente du nœud", after, StringComparison.Ordinal);
        Assert.DoesNotContain("d'après son bilan de santé", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_no_node_could_apply_is_refused_with_its_reason_and_nothing_is_saved()
    {
        using HttpClient browser = _fleet.SignedIn(StaffRoles.Technician);
        (Uri action, string token) = Form(await PageAsync(browser), "Calibrate");

        using HttpResponseMessage tooBig = await browser.SendAsync(Post(action, token, ("target", "sds011/pm25_ugm3"), ("gain", "9"), ("offset", "0")));
        using HttpResponseMessage notANumber = await browser.SendAsync(Post(action, token, ("target", "sds011/pm25_ugm3"), ("gain", "beaucoup"), ("offset", "0")));
        using HttpResponseMessage farOff = await browser.SendAsync(Post(action, token, ("target", "sds011/pm25_ugm3"), ("gain", "1"), ("offset", "-250,5")));

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("sds011, Particules fines PM2,5 : le gain doit être compris entre 0.2 et 5 (il vaut 9)", WebUtility.HtmlDecode(await tooBig.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        string unparsed = WebUtility.HtmlDecode(await notANumber.Content.ReadAsStringAsync());
        Assert.Contains("le gain doit être un nombre décimal", unparsed, StringComparison.Ordinal);
        Assert.DoesNotContain("le gain doit être compris", unparsed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, farOff.StatusCode);
        Assert.Matches("le décalage doit rester entre -[0-9.]+ et \\+[0-9.]+ µg/m³ \\(il vaut -250.5\\)", WebUtility.HtmlDecode(await farOff.Content.ReadAsStringAsync()));
        Assert.Empty(await Calibrations.ReadCalibrationsAsync(Node, default));
    }

    [Fact]
    public async Task A_viewer_sees_the_calibration_but_no_form_and_is_refused_with_403()
    {
        await Calibrations.AddCalibrationAsync(Node, [new("sds011", "pm25_ugm3", 0.8, -1.5)], "alice", _now, 0, default);
        using HttpClient technician = _fleet.SignedIn(StaffRoles.Technician);
        (Uri action, string token) = Form(await PageAsync(technician), "Calibrate");
        using HttpClient viewer = _fleet.SignedIn(StaffRoles.Viewer);

        string page = await PageAsync(viewer);
        using HttpResponseMessage refused = await viewer.SendAsync(Post(action, token, ("target", "sds011/pm25_ugm3"), ("gain", "1.2"), ("offset", "0")));

        Assert.Contains("data-calibration-entry=\"sds011/pm25_ugm3\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("calibrate-form", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Retirer la correction", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await Calibrations.ReadCalibrationsAsync(Node, default));
    }

    [Fact]
    public async Task Removing_a_correction_is_a_new_version_and_the_same_form_sent_twice_adds_none()
    {
        await Calibrations.AddCalibrationAsync(Node, [new("sds011", "pm25_ugm3", 0.8, -1.5)], "alice", _now, 0, default);
        using HttpClient browser = _fleet.SignedIn(StaffRoles.Admin);
        (Uri remove, string token) = Form(await PageAsync(browser), "Uncalibrate");

        using HttpResponseMessage first = await browser.SendAsync(Post(remove, token, ("sensor", "sds011"), ("metric", "pm25_ugm3")));
        using HttpResponseMessage again = await browser.SendAsync(Post(remove, token, ("sensor", "sds011"), ("metric", "pm25_ugm3")));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        IReadOnlyList<CalibrationRecord> versions = await Calibrations.ReadCalibrationsAsync(Node, default);
        Assert.Equal([2, 1], versions.Select(v => v.Set.Version));
        Assert.Empty(versions[0].Set.Entries);
        Assert.Contains("Elle ne corrige aucune mesure", WebUtility.HtmlDecode(await PageAsync(browser)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_draws_the_raw_means_where_a_calibration_changed_them_and_the_node_answer_shows()
    {
        CalibrationRecord set = await Calibrations.AddCalibrationAsync(Node, [new("sds011", "pm25_ugm3", 0.5, 2)], "alice", _now, 0, default);
        await Calibrations.RecordCalibrationAnswerAsync(Node, set.Set.Version, new CalibrationAnswer(true, null, _now), default);
        // Calibrated means of 12 µg/m³ from a raw 20: (12 − 2) / 0.5.
        await CommitWindowsAsync(calibrationVersion: 1, hoursAgo: 3, mean: 12);
        using HttpClient browser = _fleet.SignedIn(StaffRoles.Viewer);

        string page = WebUtility.HtmlDecode(await PageAsync(browser));

        string pm = Regex.Match(page, "<figure class=\"metric-chart\" data-metric=\"pm25_ugm3\".*?</figure>", RegexOptions.Singleline).Value;
        string temperature = Regex.Match(page, "<figure class=\"metric-chart\" data-metric=\"temperature_c\".*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("<polyline class=\"raw\"", pm, StringComparison.Ordinal);
        Assert.Contains("moyenne brute", page, StringComparison.Ordinal);
        // 12 windows raw at 20 (version 0) and 12 at (12 − 2) / 0.5 = 20: the raw mean is 20 throughout.
        Assert.Contains("Valeurs brutes (avant calibration, en pointillés) : moyenne de 20 µg/m³", pm, StringComparison.Ordinal);
        Assert.NotEmpty(temperature);
        Assert.DoesNotContain("class=\"raw\"", temperature, StringComparison.Ordinal);
        Assert.Contains("appliquée par le nœud le", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_catching_up_with_nothing_in_the_last_day_can_still_be_calibrated_and_one_with_nothing_at_all_says_why_not()
    {
        INodeRegistryStore registry = _fleet.Services.GetRequiredService<INodeRegistryStore>();
        await registry.AddAsync(new RegisteredNode("lampadaire-behind", "Stade", "Saint-Lizier", "LP-2", 43.0, 1.13, true, _now.AddDays(-9), _now.AddDays(-9)), "hash-2", default);
        await registry.AddAsync(new RegisteredNode("lampadaire-new", "Gare", "Saint-Lizier", "LP-3", 43.0, 1.13, true, _now, _now), "hash-3", default);
        await CommitWindowsAsync(calibrationVersion: 0, hoursAgo: 72, mean: 20, node: "lampadaire-behind");
        using HttpClient browser = _fleet.SignedIn(StaffRoles.Technician);

        string behind = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/staff/nodes/lampadaire-behind", UriKind.Relative)));
        string fresh = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/staff/nodes/lampadaire-new", UriKind.Relative)));

        Assert.Contains("Aucune mesure sur la période", behind, StringComparison.Ordinal);
        Assert.Contains("<option value=\"sds011/pm25_ugm3\">", behind, StringComparison.Ordinal);
        Assert.DoesNotContain("calibrate-form", fresh, StringComparison.Ordinal);
        Assert.Contains("aucune mesure depuis 30 jours", fresh, StringComparison.Ordinal);
    }

    private async Task CommitWindowsAsync(int calibrationVersion, int hoursAgo, double mean, string node = Node)
    {
        var batch = new IngestBatch();
        DateTimeOffset start = DateTimeOffset.FromUnixTimeSeconds(_now.ToUnixTimeSeconds() / 900 * 900).AddHours(-hoursAgo);
        for (int i = 0; i < 12; i++)
        {
            batch.Metrics.Add(new MetricWindowRow(node, "sds011", "pm25_ugm3", start.AddMinutes(15 * i), 900, 0, false, 30, mean, mean - 1, mean + 1, mean, 1, 0, null, calibrationVersion));
            batch.Metrics.Add(new MetricWindowRow(node, "bme280", "temperature_c", start.AddMinutes(15 * i), 900, 0, false, 30, 11.5, 11, 12, 11.5, 1, 0, null, calibrationVersion));
        }
        await _fleet.Services.GetRequiredService<IFleetStore>().CommitAsync(batch, default);
    }

    private static Task<string> PageAsync(HttpClient client) => client.GetStringAsync(new Uri($"/staff/nodes/{Node}", UriKind.Relative));

    private static HttpRequestMessage Post(Uri action, string token, params (string Name, string Value)[] fields) => new(HttpMethod.Post, action)
    {
        Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
    };

    /// <summary>The first form posting to <paramref name="handler"/>: its action and antiforgery token.</summary>
    private static (Uri Action, string Token) Form(string page, string handler)
    {
        Match form = Regex.Match(page, $"<form method=\"post\"[^>]*? action=\"(?<action>[^\"]*handler={handler}[^\"]*)\".*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.Singleline);
        Assert.True(form.Success, $"a {handler} form with its antiforgery token");
        return (new Uri(WebUtility.HtmlDecode(form.Groups["action"].Value), UriKind.Relative), form.Groups["token"].Value);
    }
}
