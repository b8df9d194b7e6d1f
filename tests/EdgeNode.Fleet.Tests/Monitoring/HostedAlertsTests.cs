using System.Net;
using System.Text.Json;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// The evaluator as the fleet hosts it (a background service on a timer), with the webhook pointed at a real local
/// HTTP listener: alerts appear without anyone asking, and a node's pollution alert reaches the receiver.
/// </summary>
public sealed class HostedAlertsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _folder = new("edgenode-hosted-alerts-");
    private readonly WebhookReceiver _receiver = new();
    private MonitoringWebFactory _fleet = null!;

    public Task InitializeAsync()
    {
        _fleet = new MonitoringWebFactory(_folder.File("fleet.db"), new Dictionary<string, string>
        {
            ["Fleet:Alerts:EvaluationInterval"] = "00:00:00.200",
            ["Fleet:Alerts:WebhookUrl"] = _receiver.Url.ToString(),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        _receiver.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_node_never_heard_from_is_alerted_silent_and_a_pollution_alert_reaches_the_webhook()
    {
        using var timeout = new CancellationTokenSource(Patience);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await _fleet.Services.GetRequiredService<INodeRegistryStore>().AddAsync(
            // Enrolled three hours ago: more than two sync intervals to speak, so its silence is real.
            new RegisteredNode("lampadaire-9", "Halle", "Massat", "LP-9", null, null, true, now.AddHours(-3), now.AddHours(-3)), "hash", timeout.Token);

        FleetAlert silent = await WaitForOpenAlertAsync(AlertKind.Silent, timeout.Token);
        Assert.Equal("lampadaire-9", silent.NodeId);

        var batch = new IngestBatch();
        batch.Alerts.Add(new NodeAlertRecord("lampadaire-9", now, "pm10_ugm3", "VeryPoor", 151.5, Cleared: false));
        await _fleet.Services.GetRequiredService<IFleetStore>().CommitAsync(batch, timeout.Token);

        FleetAlert pollution = await WaitForOpenAlertAsync(AlertKind.Pollution, timeout.Token);
        (HttpStatusCode answer, _, string body) = await _receiver.Requests.Reader.ReadAsync(timeout.Token);
        using JsonDocument json = JsonDocument.Parse(body);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(pollution.Id, json.RootElement.GetProperty("alertId").GetInt64());
        Assert.Equal("pm10_ugm3", json.RootElement.GetProperty("pollutant").GetString());
        Assert.Equal("Halle", json.RootElement.GetProperty("nodeName").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("latitude").ValueKind);

        // Evaluated again and again: still one alert of each, and one delivery.
        await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        Assert.Equal(2, (await _fleet.Alerts.ReadOpenAlertsAsync(null, timeout.Token)).Count);
        Assert.False(_receiver.Requests.Reader.TryRead(out _));
    }

    private async Task<FleetAlert> WaitForOpenAlertAsync(AlertKind kind, CancellationToken ct)
    {
        while (true)
        {
            if ((await _fleet.Alerts.ReadOpenAlertsAsync(null, ct)).FirstOrDefault(alert => alert.Kind == kind) is { } alert)
            {
                return alert;
            }

            await Task.Delay(50, ct);
        }
    }
}
