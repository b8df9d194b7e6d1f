using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Broker.Tls;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Tests.Broker;
using EdgeNode.Fleet.Tests.Broker.Supervision;
using EdgeNode.Fleet.Tests.Staff;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Topics;
using EdgeNode.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>
/// What staff see of reconciliation, with the fleet as Program builds it running its own Mosquitto (TLS, the
/// dynamic-security plugin): /health, the enrolment page, the audit page and the log.
/// </summary>
public sealed partial class ReconciliationInPanelTests : IAsyncLifetime
{
    private const string Mairie = "saint-jean-mairie";
    private readonly TemporaryDirectory _data = new("edgenode-fleet-panel-broker-");
    private StaffFleet _fleet = null!;
    private int _tlsPort;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        (_fleet, _tlsPort) = await LoopbackPort.StartOnFreePortAsync(async port =>
        {
            var fleet = new StaffFleet(new Dictionary<string, string>
            {
                ["Fleet:DataDirectory"] = _data.File("data"),
                ["Fleet:Broker:Mode"] = "Supervised",
                ["Fleet:Broker:TlsPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            try
            {
                await SupervisedBroker.ThrowIfPortTakenAsync(fleet.Services.GetRequiredService<MosquittoSupervisor>(), port);
                return (fleet, port);
            }
            catch
            {
                await fleet.DisposeAsync();
                throw;
            }
        });
        // The pass the broker's first run brings, before the test changes anything.
        RegistryReconciliationStatus status = _fleet.Services.GetRequiredService<RegistryReconciliationStatus>();
        var clock = Stopwatch.StartNew();
        while (status.LastSuccess is null)
        {
            Assert.True(clock.Elapsed < SupervisedBroker.Patience, $"No reconciliation within {SupervisedBroker.Patience}: {status.Failure}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_node_whose_account_was_deleted_is_named_by_health_and_the_enrolment_page_until_a_rotation_there_gives_it_one()
    {
        NodeEnrolment enrolment = _fleet.Services.GetRequiredService<NodeEnrolment>();
        await enrolment.EnrolAsync(new NodeEnrolmentRequest(Mairie, "Mairie", "Saint-Jean"), "test", None);
        await enrolment.EnrolAsync(new NodeEnrolmentRequest("saint-jean-ecole", "École", "Saint-Jean"), "test", None);
        await (await AccountsAsync()).DeleteNodeAsync(Mairie, None);

        await _fleet.Services.GetRequiredService<RegistryReconciler>().ReconcileAsync(None);

        using StaffClient admin = await _fleet.SignedInAsync();
        Assert.Contains($"registry: Degraded: no broker account for node {Mairie}: rotate its credential to give it one", await HealthAsync(admin), StringComparison.Ordinal);
        Assert.Contains(_fleet.Log.Lines, line => line.Level == LogLevel.Warning && line.Message == $"Nodes without a broker account: {Mairie}. Rotate their credential to give them one");
        string page = await admin.GetPageAsync("/staff/enrolment");
        Assert.Contains("Nœuds qui ont besoin d'un nouveau secret (1)", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#capteur-{Mairie}\">{Mairie}</a></li>", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "Sans compte sur le broker"));

        using HttpResponseMessage rotated = await admin.PostFormAsync("/staff/enrolment?handler=Rotate", ("nodeId", Mairie));

        string answer = await StaffClient.TextAsync(rotated);
        Assert.True(rotated.StatusCode == HttpStatusCode.OK, answer);
        string secret = Secret().Match(answer).Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain("Nœuds qui ont besoin", answer, StringComparison.Ordinal);
        Assert.Contains("registry: Healthy: in step (2 nodes)", await HealthAsync(admin), StringComparison.Ordinal);
        await AssertPublishesUnderItsUpTopicAsync(new BrokerCredential(Mairie, secret));
    }

    [Fact]
    public async Task A_repair_is_one_warning_line_and_an_audit_entry_by_the_fleet()
    {
        BrokerAccounts accounts = await AccountsAsync();
        await accounts.CreateNodeAsync("orphan-1", BrokerCredential.NewPassword(), None);

        await _fleet.Services.GetRequiredService<RegistryReconciler>().ReconcileAsync(None);

        (string Category, LogLevel Level, string Message) repaired = Assert.Single(_fleet.Log.Lines, line => line.Category == typeof(RegistryReconciler).FullName && line.Level == LogLevel.Warning);
        Assert.Equal("Broker account of node orphan-1 repaired (broker.delete-orphan): the registry does not hold this node, so nobody granted its access", repaired.Message);
        using StaffClient admin = await _fleet.SignedInAsync();
        string audit = await admin.GetPageAsync("/staff/audit");
        Assert.Matches(@"<td>fleet</td>\s*<td><code>broker\.delete-orphan</code></td>\s*<td>orphan-1</td>\s*<td>compte supprimé sur le broker", audit);
    }

    private Task<BrokerAccounts> AccountsAsync() => _fleet.Services.GetRequiredService<BrokerAdministration>().AccountsAsync(None);

    private static async Task<string> HealthAsync(StaffClient client)
    {
        using HttpResponseMessage response = await client.GetAsync("/health");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The node connects over TLS with the site CA, and what it publishes under its up topic reaches the fleet's account.</summary>
    private async Task AssertPublishesUnderItsUpTopicAsync(BrokerCredential node)
    {
        FleetBrokerOptions fleet = _fleet.Services.GetRequiredService<IOptions<FleetBrokerOptions>>().Value;
        var inbox = new MessageInbox();
        await using var listener = new MqttClient(new MqttClientOptions
        {
            Host = fleet.Host,
            Port = fleet.Port,
            ClientId = "fleet.test-listener",
            Username = fleet.Username,
            Password = fleet.Password,
            Tls = fleet.Tls(),
            CleanSession = true,
            Subscriptions = [new MqttSubscription($"edge/{node.Username}/up/#", MqttQualityOfService.AtLeastOnce)],
        }, inbox.Handle);
        var authority = new X509Certificate2Collection();
        authority.ImportFromPem(_fleet.Services.GetRequiredService<BrokerCertificates>().AuthorityPem());
        await using var client = new MqttClient(new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = _tlsPort,
            ClientId = node.Username,
            Username = node.Username,
            Password = node.Password,
            CleanSession = true,
            Tls = new MqttTlsOptions(authority),
        }, (_, _) => ValueTask.CompletedTask);
        using var patience = new CancellationTokenSource(SupervisedBroker.Patience);
        await listener.StartAsync(patience.Token);
        await listener.WaitUntilConnectedAsync(patience.Token);
        await client.StartAsync(patience.Token);
        await client.WaitUntilConnectedAsync(patience.Token);

        string topic = EdgeTopics.Up(node.Username, UpChannel.Health);
        await client.PublishAsync(new MqttApplicationMessage(topic, "{}"u8.ToArray(), MqttQualityOfService.AtLeastOnce), patience.Token);

        Assert.Equal(topic, (await inbox.NextAsync()).Topic);
    }

    [GeneratedRegex("<code id=\"secret\">([^<]+)</code>")]
    private static partial Regex Secret();
}
