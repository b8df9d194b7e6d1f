using System.Text.Json;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Broker;
using EdgeNode.Protocol.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// Monitoring wired as the fleet wires it, on a real SQLite file, with a registry in memory, a clock the test moves and
/// the webhook (when given a URL) started as its hosted service.
/// </summary>
internal sealed class AlertHarness : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;

    private AlertHarness(string folder, ServiceProvider services, IFleetStore store)
    {
        _folder = folder;
        _services = services;
        Store = store;
    }

    public FixedTime Time { get; private set; } = null!;

    public IFleetStore Store { get; }

    public IMonitoringStore Alerts => (IMonitoringStore)Store;

    public InMemoryNodeRegistry Registry => (InMemoryNodeRegistry)_services.GetRequiredService<INodeRegistryStore>();

    public AlertEvaluator Evaluator => _services.GetRequiredService<AlertEvaluator>();

    public NodeActivity Activity => _services.GetRequiredService<NodeActivity>();

    public FleetStatusReader Reader => _services.GetRequiredService<FleetStatusReader>();

    public AlertWebhook Webhook => _services.GetRequiredService<AlertWebhook>();

    public static Task<AlertHarness> StartAsync(DateTimeOffset now, Uri? webhook = null, params RegisteredNode[] nodes) =>
        StartAsync(now, webhook, new Dictionary<string, double>(), nodes);

    public static Task<AlertHarness> StartAsync(DateTimeOffset now, Uri? webhook, IReadOnlyDictionary<string, double> thresholds, params RegisteredNode[] nodes) =>
        StartAsync(now, webhook, thresholds, webhookSecret: null, nodes);

    public static async Task<AlertHarness> StartAsync(
        DateTimeOffset now, Uri? webhook, IReadOnlyDictionary<string, double> thresholds, string? webhookSecret, params RegisteredNode[] nodes)
    {
        string folder = Directory.CreateTempSubdirectory("edgenode-alerts-").FullName;
        IFleetStore store = FleetStoreFactory.Create($"Data Source={Path.Combine(folder, "fleet.db")}");
        await store.InitialiseAsync(CancellationToken.None);
        var time = new FixedTime(now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store);
        services.AddSingleton((IMonitoringStore)store);
        services.AddSingleton<INodeRegistryStore>(new InMemoryNodeRegistry(nodes));
        services.AddOptions<MonitoringOptions>();
        services.AddOptions<AlertOptions>().Configure(options =>
        {
            options.WebhookUrl = webhook?.ToString();
            options.WebhookSecret = webhookSecret;
            options.WebhookFirstRetryDelay = TimeSpan.FromMilliseconds(50);
            options.WebhookAttempts = 3;
            options.WebhookTimeout = TimeSpan.FromSeconds(5);
            foreach ((string metric, double threshold) in thresholds)
            {
                options.PollutionThresholds[metric] = threshold;
            }
        });
        services.AddHttpClient(AlertWebhook.HttpClientName);
        services.AddSingleton<AlertWebhook>();
        services.AddSingleton<NodeActivity>();
        services.AddSingleton<FleetStatusReader>();
        services.AddSingleton<AlertEvaluator>();
        var harness = new AlertHarness(folder, services.BuildServiceProvider(), store) { Time = time };
        await ((IHostedService)harness.Webhook).StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Stores a health report exactly as ingest does (System.Text.Json defaults).</summary>
    public Task ReportAsync(HealthReport report)
    {
        var batch = new IngestBatch();
        batch.Health.Add(new NodeHealthReport(report.NodeId, report.ReportedAt, JsonSerializer.Serialize(report)));
        return Store.CommitAsync(batch, CancellationToken.None);
    }

    /// <summary>Stores one metric window ending at <paramref name="end"/>, as if the node had just synced.</summary>
    public Task SendDataAsync(string nodeId, DateTimeOffset end, double mean = 9.5, string sensor = "sds011")
    {
        var batch = new IngestBatch();
        DateTimeOffset start = DateTimeOffset.FromUnixTimeSeconds(end.ToUnixTimeSeconds() - 900);
        batch.Metrics.Add(new MetricWindowRow(nodeId, sensor, "pm25_ugm3", start, 900, 0, false, 30, mean, mean - 1, mean + 1, mean, 1, 0, null, 1));
        return Store.CommitAsync(batch, CancellationToken.None);
    }

    public Task NodeAlertAsync(NodeAlertRecord alert)
    {
        var batch = new IngestBatch();
        batch.Alerts.Add(alert);
        return Store.CommitAsync(batch, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await ((IHostedService)Webhook).StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
