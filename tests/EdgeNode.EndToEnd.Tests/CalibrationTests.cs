using System.Net;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// Calibration the whole way: a member of staff signs in and sets a correction on the node page; the fleet sends it
/// over its own TLS broker; the real node applies it, says so, and its later windows arrive corrected under the new
/// version, while the page draws the raw line beside the calibrated one.
/// </summary>
public sealed partial class CalibrationTests
{
    private const string NodeId = "saint-jean-ecole";
    private const string AdminPassword = "e2e-calibration-admin-1";
    private const double Offset = 10;

    [Fact]
    public async Task A_correction_set_on_the_node_page_reaches_the_node_and_its_later_windows_arrive_corrected()
    {
        using var fleetData = new TemporaryDirectory("edgenode-e2e-calibration-");
        using var enrolment = new TemporaryDirectory("edgenode-e2e-calibration-enrolment-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartSupervisedAsync(
            fleetData.File("data"), $"Data Source={fleetData.File("fleet.db")}", AdminPassword);
        await fleet.AdministerAsync("enrol", NodeId, "--name", "École", "--municipality", "Saint-Jean", "--output", enrolment.Path);
        await using NodeUnderTest node = NodeUnderTest.Enrolled(NodeId, enrolment.Path, history: TimeSpan.FromDays(1), syncInterval: "00:15:00");
        node.Start();
        await using IFleetStore store = fleet.OpenStore();
        var calibrations = (ICalibrationStore)store;
        // The page offers to calibrate what the node reported in its default range, the last 24 hours; the history's
        // first windows are dated a day back, at that range's edge.
        await WaitUntilAsync(async () => (await Temperatures(store)).Any(w => w.WindowStart > DateTimeOffset.UtcNow.AddHours(-22)), "the node's temperature windows of the last 22 hours", fleet, node);

        using HttpClient staff = await SignInAsync(fleet);
        string page = await staff.GetStringAsync(new Uri($"{fleet.Url}/staff/nodes/{NodeId}"));
        (Uri action, string token) = CalibrateForm(page, fleet.Url);
        using HttpResponseMessage saved = await staff.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["target"] = "bme280/temperature_c",
            ["gain"] = "1",
            ["offset"] = "10",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await WaitUntilAsync(async () => (await calibrations.ReadCalibrationsAsync(NodeId, CancellationToken.None)) is [{ Answer.Applied: true }], "the node to apply calibration 1", fleet, node);
        await WaitUntilAsync(async () => (await Temperatures(store)).Any(w => w.CalibrationVersion == 1), "windows calibrated by version 1", fleet, node);

        // The air's temperature moves far less than 10 °C in the quarter hour between the last raw window and the first corrected one.
        IReadOnlyList<MetricWindowRow> temperatures = await Temperatures(store);
        MetricWindowRow firstCorrected = temperatures.First(w => w.CalibrationVersion == 1);
        MetricWindowRow lastRaw = temperatures.Last(w => w.CalibrationVersion == 0 && w.WindowStart < firstCorrected.WindowStart);
        double step = firstCorrected.Mean - lastRaw.Mean;
        Assert.True(step is > Offset - 2.5 and < Offset + 2.5,
            $"the first corrected window ({firstCorrected.WindowStart:u}, {firstCorrected.Mean}) should be about {Offset} °C above the last raw one ({lastRaw.WindowStart:u}, {lastRaw.Mean})");
        Assert.All(temperatures.Where(w => w.WindowStart > firstCorrected.WindowStart), w => Assert.Equal(1, w.CalibrationVersion));

        string after = WebUtility.HtmlDecode(await staff.GetStringAsync(new Uri($"{fleet.Url}/staff/nodes/{NodeId}")));
        Assert.Contains("appliquée par le nœud le", after, StringComparison.Ordinal);
        string chart = Regex.Match(after, "<figure class=\"metric-chart\" data-metric=\"temperature_c\".*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("<polyline class=\"raw\"", chart, StringComparison.Ordinal);
        Assert.True(fleet.Process.IsRunning && node.Process.IsRunning, fleet.Process.Tail() + node.Process.Tail());
    }

    private static async Task<IReadOnlyList<MetricWindowRow>> Temperatures(IFleetStore store) =>
        [.. (await store.ReadMetricWindowsAsync(NodeId, "temperature_c", DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None))
            .Where(w => w.Sensor == "bme280")];

    /// <summary>Signs in as the first admin the way a browser does: the form's antiforgery token, then the cookie.</summary>
    private static async Task<HttpClient> SignInAsync(FleetUnderTest fleet)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        string login = await client.GetStringAsync(new Uri($"{fleet.Url}/staff/login"));
        using HttpResponseMessage signedIn = await client.PostAsync(new Uri($"{fleet.Url}/staff/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(login).Groups[1].Value,
            ["UserName"] = "admin",
            ["Password"] = AdminPassword,
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        return client;
    }

    private static (Uri Action, string Token) CalibrateForm(string page, string baseUrl)
    {
        Match form = Regex.Match(page, "<form method=\"post\"[^>]*? action=\"(?<action>[^\"]*handler=Calibrate[^\"]*)\".*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.Singleline);
        Assert.True(form.Success, "the node page's calibration form");
        return (new Uri(baseUrl + WebUtility.HtmlDecode(form.Groups["action"].Value)), form.Groups["token"].Value);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, FleetUnderTest fleet, NodeUnderTest node)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited in vain for {what}.\nFleet:\n{fleet.Process.Tail()}\nNode:\n{node.Process.Tail()}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
