using System.Security.Cryptography.X509Certificates;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Tests.Broker.Supervision;
using EdgeNode.MqttLink;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>
/// Reconciliation against the fleet's own supervised Mosquitto (dynamic-security plugin, TLS with the site CA) and its
/// SQLite registry: what the broker lets each credential do comes back to what the registry shows.
/// </summary>
public sealed class RegistryReconciliationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Staff = "test admin";
    private SupervisedBroker _broker = null!;

    private NodeEnrolment Enrolment => _broker.Services.GetRequiredService<NodeEnrolment>();

    private INodeRegistryStore Registry => _broker.Services.GetRequiredService<INodeRegistryStore>();

    private RegistryReconciler Reconciler => _broker.Services.GetRequiredService<RegistryReconciler>();

    private RegistryReconciliationStatus Status => _broker.Services.GetRequiredService<RegistryReconciliationStatus>();

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _broker = await SupervisedBroker.StartAsync(output);
        await _broker.WaitUntilRunningAsync();
        await _broker.WaitUntilReconciledAsync();
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task An_orphan_node_account_is_deleted_and_its_client_refused_from_then_on()
    {
        BrokerCredential orphan = await _broker.EnrolNodeAsync("orphan-1");
        await using MqttClient client = NodeClient(orphan);
        await client.StartAsync();
        await SupervisedBroker.WaitForClientAsync(client, s => s.IsConnected, "connected with the orphan account");

        RegistryReconciliation pass = await Reconciler.ReconcileAsync(None);

        Assert.Equal([new BrokerAccountRepair("orphan-1", BrokerAccountRepair.DeleteOrphan, "the registry does not hold this node, so nobody granted its access")], pass.Repairs);
        await SupervisedBroker.WaitForClientAsync(client, s => !s.IsConnected && s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "refused");
        Assert.Null(await (await AccountsAsync()).FindClientAsync("orphan-1", None));
        AuditEntry audited = Assert.Single(await _broker.Services.GetRequiredService<IAuditLog>().ReadAsync(10, null, None));
        Assert.Equal((AuditActors.Fleet, BrokerAccountRepair.DeleteOrphan, "orphan-1"), (audited.Actor, audited.Action, audited.Target));
    }

    [Fact]
    public async Task A_node_disabled_in_the_registry_only_is_cut_off_at_the_broker_and_its_reconnects_refused()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await using MqttClient node = NodeClient(new BrokerCredential("n1", enrolled.Secret));
        await node.StartAsync();
        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "connected");
        await Registry.SetEnabledAsync("n1", false, None);

        RegistryReconciliation pass = await Reconciler.ReconcileAsync(None);

        Assert.Equal([BrokerAccountRepair.Disable], pass.Repairs.Select(repair => repair.Action));
        await SupervisedBroker.WaitForClientAsync(node, s => !s.IsConnected && s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "cut off");
        Assert.Equal(new BrokerClient("n1", Disabled: true), await (await AccountsAsync()).FindClientAsync("n1", None));
        // The client keeps trying: every reconnect is refused as well.
        await using MqttClient again = NodeClient(new BrokerCredential("n1", enrolled.Secret));
        await again.StartAsync();
        MqttConnectionState refused = await SupervisedBroker.WaitForClientAsync(again, s => s.LastFailure != MqttConnectionFailure.None, "refused");
        Assert.False(refused.IsConnected);
    }

    [Fact]
    public async Task A_node_disabled_at_the_broker_only_is_enabled_and_its_client_gets_back_in()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await using MqttClient node = NodeClient(new BrokerCredential("n1", enrolled.Secret));
        await node.StartAsync();
        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "connected");
        await (await AccountsAsync()).DisableNodeAsync("n1", None);
        await SupervisedBroker.WaitForClientAsync(node, s => !s.IsConnected && s.LastFailure != MqttConnectionFailure.None, "cut off by the broker");

        RegistryReconciliation pass = await Reconciler.ReconcileAsync(None);

        Assert.Equal([BrokerAccountRepair.Enable], pass.Repairs.Select(repair => repair.Action));
        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "let back in");
        Assert.True((await Registry.FindAsync("n1", None))!.Enabled);
    }

    [Fact]
    public async Task When_registry_and_broker_agree_nothing_is_changed()
    {
        await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n2", "École", "Villeneuve"), Staff, None);
        await Enrolment.DisableAsync("n2", Staff, None);

        RegistryReconciliation pass = await Reconciler.ReconcileAsync(None);

        Assert.Empty(pass.Repairs);
        Assert.Empty(pass.NodesWithoutAccount);
        Assert.Equal(2, pass.NodeCount);
        Assert.Equal([new BrokerClient("n1", false), new BrokerClient("n2", true)], await NodeAccountsAsync());
    }

    [Fact]
    public async Task Fleet_accounts_and_the_admin_are_never_touched()
    {
        BrokerAccounts accounts = await AccountsAsync();
        await accounts.CreateFleetAccountAsync("fleet.extra", BrokerCredential.NewPassword(), None);
        await _broker.EnrolNodeAsync("orphan-1");
        IReadOnlyList<BrokerClient> before = await accounts.ListClientsAsync(None);

        RegistryReconciliation pass = await Reconciler.ReconcileAsync(None);

        // The pass did act (on the orphan), and on nothing else.
        Assert.Equal(["orphan-1"], pass.Repairs.Select(repair => repair.Node));
        IReadOnlyList<BrokerClient> after = await accounts.ListClientsAsync(None);
        Assert.Equal(
            [new BrokerClient(BrokerCredential.AdminUsername, false), new BrokerClient("fleet.extra", false), new BrokerClient(FleetBrokerSecrets.IngestUsername, false)],
            after.OrderBy(client => client.Username, StringComparer.Ordinal));
        Assert.Equal(before.Where(client => client.Username != "orphan-1").OrderBy(client => client.Username, StringComparer.Ordinal), after.OrderBy(client => client.Username, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_node_without_a_broker_account_is_reported_until_its_credential_is_rotated()
    {
        await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n2", "École", "Villeneuve"), Staff, None);
        await (await AccountsAsync()).DeleteNodeAsync("n1", None);

        RegistryReconciliation pass = await Reconciler.ReconcileAsync(None);

        Assert.Equal(["n1"], pass.NodesWithoutAccount);
        Assert.Empty(pass.Repairs);
        Assert.Equal(["n1"], Status.NodesWithoutAccount);
        Assert.NotNull(await Registry.FindAsync("n1", None));

        await Enrolment.RotateAsync("n1", Staff, None);

        Assert.Empty(Status.NodesWithoutAccount);
        Assert.Empty((await Reconciler.ReconcileAsync(None)).NodesWithoutAccount);
    }

    private Task<BrokerAccounts> AccountsAsync() => _broker.Services.GetRequiredService<BrokerAdministration>().AccountsAsync(None);

    private async Task<IReadOnlyList<BrokerClient>> NodeAccountsAsync() =>
        [.. (await (await AccountsAsync()).ListClientsAsync(None)).Where(client => !client.Username.Contains('.', StringComparison.Ordinal)).OrderBy(client => client.Username, StringComparer.Ordinal)];

    private MqttClient NodeClient(BrokerCredential credential)
    {
        X509Certificate2Collection authority = _broker.Authority;
        return _broker.Client(credential.Username, "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(authority), credential);
    }
}
