using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Broker;
using EdgeNode.Fleet.Tests.Hosting;
using EdgeNode.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>
/// The fleet in-process with a SQLite file of its own, ingest off (no broker), a fixed clock, and helpers to put nodes
/// in its registry and commit windows as ingest would.
/// </summary>
internal sealed class PublicSite : IAsyncDisposable
{
    /// <summary>11:07 in Paris (UTC+1 in November): mid-hour, so that "the last hour" and "today" are both non-trivial.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 22, 10, 7, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _folder = new("edgenode-public-");
    private readonly FleetApplicationFactory _fleet;
    private readonly WebApplicationFactory<Program> _site;

    public PublicSite(IReadOnlyDictionary<string, string>? settings = null)
    {
        Clock = new FixedTime(DefaultNow);
        _fleet = new FleetApplicationFactory(_folder.File("fleet.db"), brokerHost: "", brokerPort: 1883, settings);
        _site = _fleet.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    public FixedTime Clock { get; }

    public DateTimeOffset Now => Clock.Now;

    public IServiceProvider Services => _site.Services;

    /// <summary>A client that neither follows redirects nor decompresses, so tests see exactly what was sent.</summary>
    public HttpClient CreateClient() => _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Like <see cref="CreateClient()"/>, with requests from <paramref name="from"/> (a TCP connection's address).</summary>
    public HttpClient CreateClient(System.Net.IPAddress from) => _site.ClientFrom(from);

    public async Task<RegisteredNode> EnrolAsync(string id, string name, string municipality, double? latitude = 43.39, double? longitude = -1.66, bool enabled = true)
    {
        var node = new RegisteredNode(id, name, municipality, "LP-" + id, latitude, longitude, enabled, Now.AddDays(-30), Now.AddDays(-30));
        await Services.GetRequiredService<INodeRegistryStore>().AddAsync(node, "hash-" + id, CancellationToken.None);
        return node;
    }

    public Task CommitAsync(IngestBatch batch) => Services.GetRequiredService<IFleetStore>().CommitAsync(batch, CancellationToken.None);

    /// <summary>Windows of 15 minutes of <paramref name="metric"/> at <paramref name="mean"/>, the last one ending <paramref name="endingAgo"/> before now.</summary>
    public Task CommitWindowsAsync(string node, string metric, double mean, int count = 4, TimeSpan? endingAgo = null, string sensor = "sds011")
    {
        DateTimeOffset lastEnd = Now - (endingAgo ?? TimeSpan.FromMinutes(7));
        var batch = new IngestBatch();
        for (int i = 0; i < count; i++)
        {
            batch.Metrics.Add(Window(node, sensor, metric, lastEnd.AddMinutes(-15 * (i + 1)), mean));
        }
        return CommitAsync(batch);
    }

    public static MetricWindowRow Window(string node, string sensor, string metric, DateTimeOffset start, double mean, int seconds = 900) =>
        new(node, sensor, metric, start, seconds, TimeQuality: 0, Partial: false, Count: 30, mean, Minimum: mean - 1, Maximum: mean + 1, Last: mean,
            Coverage: 1, Faults: 0, LastFault: null, CalibrationVersion: 3);

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _fleet.DisposeAsync();
        _folder.Dispose();
    }
}
