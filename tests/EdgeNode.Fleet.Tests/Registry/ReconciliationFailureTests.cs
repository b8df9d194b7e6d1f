using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Broker;
using EdgeNode.Fleet.Tests.Staff;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>A pass that cannot reach the broker's accounts: recorded for /health, logged once per outage, not per attempt.</summary>
public sealed class ReconciliationFailureTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _folder = new("edgenode-fleet-reconcile-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Failing_passes_warn_once_and_keep_the_latest_reason()
    {
        var log = new LogCapture();
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fleet:DataDirectory"] = _folder.File("data"),
            // An external broker with no admin account: every pass fails at once, before anything is sent.
            ["Fleet:Broker:Mode"] = "External",
            ["Fleet:Broker:Host"] = "127.0.0.1",
            ["Fleet:Storage:ConnectionString"] = $"Data Source={_folder.File("fleet.db")}",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        builder.AddFleetStorage();
        builder.AddFleetBroker();
        builder.AddFleetRegistry();
        builder.AddFleetAudit();
        // Not started: no pass but the test's.
        using IHost host = builder.Build();
        RegistryReconciler reconciler = host.Services.GetRequiredService<RegistryReconciler>();

        for (int attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => reconciler.ReconcileAsync(CancellationToken.None));
        }

        (string Category, LogLevel Level, string Message) warning = Assert.Single(log.Lines, line => line.Level >= LogLevel.Warning);
        Assert.Equal(typeof(RegistryReconciler).FullName, warning.Category);
        Assert.Contains("AdminPassword", warning.Message, StringComparison.Ordinal);
        RegistryReconciliationStatus status = host.Services.GetRequiredService<RegistryReconciliationStatus>();
        Assert.Contains("AdminPassword", status.Failure, StringComparison.Ordinal);
        Assert.Null(status.LastSuccess);
    }

    [Fact]
    public void A_success_ends_the_outage_and_the_next_failure_starts_another()
    {
        var status = new RegistryReconciliationStatus(new FixedTime(Start));

        Assert.True(status.Failed("broker down", Start));
        Assert.False(status.Failed("still down", Start.AddMinutes(15)));
        Assert.Equal(("still down", Start), (status.Failure, status.FailingSince));

        Assert.Equal(Start, status.Succeeded(new RegistryReconciliation(Start.AddMinutes(30), 2, [], ["n1"])));
        Assert.Null(status.Failure);
        Assert.Null(status.FailingSince);
        Assert.Equal(["n1"], status.NodesWithoutAccount);

        Assert.True(status.Failed("down again", Start.AddMinutes(45)));
        Assert.Equal(Start.AddMinutes(45), status.FailingSince);
    }
}
