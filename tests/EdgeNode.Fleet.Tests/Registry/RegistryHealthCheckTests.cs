using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Broker;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>
/// What /health says under "registry", from the reconciliation's status, the clock (15-minute checks) and the registry
/// (a real SQLite file).
/// </summary>
public sealed class RegistryHealthCheckTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _time = new(Start);
    private readonly RegistryReconciliationStatus _status;
    private readonly TemporaryDirectory _folder = new("edgenode-registry-health-");
    private IFleetStore _store = null!;

    private INodeRegistryStore Registry => (INodeRegistryStore)_store;

    public RegistryHealthCheckTests() => _status = new RegistryReconciliationStatus(_time);

    public async Task InitializeAsync()
    {
        _store = FleetStoreFactory.Create($"Data Source={_folder.File("fleet.db")}");
        await _store.InitialiseAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task In_step_is_healthy_and_counts_the_nodes()
    {
        await EnrolAsync("mairie-1", "ecole-2");
        _status.Succeeded(Pass(Start.AddMinutes(1), nodes: 2));

        HealthCheckResult result = await CheckAsync();

        Assert.Equal((HealthStatus.Healthy, "in step (2 nodes)"), (result.Status, result.Description));
    }

    [Fact]
    public async Task Nodes_enrolled_disabled_or_removed_after_the_last_comparison_are_counted_at_once()
    {
        _status.Succeeded(Pass(Start.AddMinutes(1), nodes: 0));
        _time.Now = Start.AddMinutes(2);

        await EnrolAsync("saint-jean-mairie", "saint-jean-ecole", "saint-jean-rd20", "villeneuve-stade", "villeneuve-gare");
        Assert.Equal("in step (5 nodes)", (await CheckAsync()).Description);

        await Registry.SetEnabledAsync("villeneuve-gare", false, CancellationToken.None);
        Assert.Equal("in step (5 nodes, 1 disabled)", (await CheckAsync()).Description);

        await Registry.RemoveAsync("saint-jean-rd20", CancellationToken.None);
        HealthCheckResult result = await CheckAsync();
        Assert.Equal((HealthStatus.Healthy, "in step (4 nodes, 1 disabled)"), (result.Status, result.Description));
    }

    [Fact]
    public async Task Nodes_without_a_broker_account_are_named_with_what_to_do()
    {
        _status.Succeeded(Pass(Start.AddMinutes(1), nodes: 3, withoutAccount: ["ecole-2", "mairie-1"]));

        HealthCheckResult result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("no broker account for nodes ecole-2, mairie-1: rotate their credential to give them one", result.Description);
        _status.Settled("ecole-2");
        Assert.Equal("no broker account for node mairie-1: rotate its credential to give it one", (await CheckAsync()).Description);
        _status.Settled("mairie-1");
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Not_checked_yet_is_degraded_and_never_checked_for_three_intervals_is_unhealthy()
    {
        _status.Failed("The broker's dynamic-security plugin did not answer listClients within 15 s", Start.AddMinutes(1));
        _time.Now = Start.AddMinutes(44);
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync()).Status);

        _time.Now = Start.AddMinutes(46);
        HealthCheckResult result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("never compared with the broker's accounts since the fleet started 46 min ago: The broker's dynamic-security plugin did not answer", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_last_success_older_than_three_intervals_is_unhealthy_and_a_recent_one_with_a_failure_since_is_not()
    {
        await EnrolAsync("mairie-1", "ecole-2");
        _status.Succeeded(Pass(Start, nodes: 2));
        _status.Failed("Could not log in to the broker", Start.AddMinutes(15));
        _time.Now = Start.AddMinutes(30);
        HealthCheckResult recent = await CheckAsync();
        Assert.Equal((HealthStatus.Healthy, "in step (2 nodes); the latest comparison failed: Could not log in to the broker"), (recent.Status, recent.Description));

        _time.Now = Start.AddHours(3);
        HealthCheckResult stale = await CheckAsync();

        Assert.Equal((HealthStatus.Unhealthy, "not compared with the broker's accounts for 3 h: Could not log in to the broker"), (stale.Status, stale.Description));
    }

    [Fact]
    public async Task A_fleet_that_cannot_compare_says_why_and_stays_healthy()
    {
        _status.WillNotCheck("no admin account for the external broker");
        _time.Now = Start.AddDays(1);

        HealthCheckResult result = await CheckAsync();

        Assert.Equal((HealthStatus.Healthy, "not compared with the broker's accounts: no admin account for the external broker"), (result.Status, result.Description));
    }

    private static RegistryReconciliation Pass(DateTimeOffset at, int nodes, string[]? withoutAccount = null) =>
        new(at, nodes, [], withoutAccount ?? []);

    private async Task EnrolAsync(params string[] ids)
    {
        foreach (string id in ids)
        {
            await Registry.AddAsync(new RegisteredNode(id, id, "Saint-Jean", "", null, null, true, Start, Start), "hash", CancellationToken.None);
        }
    }

    private Task<HealthCheckResult> CheckAsync() =>
        new RegistryHealthCheck(_status, Registry, Options.Create(new RegistryReconciliationOptions()), _time).CheckHealthAsync(new HealthCheckContext());
}
