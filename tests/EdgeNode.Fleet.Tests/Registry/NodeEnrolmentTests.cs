using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Tests.Broker.Supervision;
using EdgeNode.MqttLink;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>
/// Enrolment against the fleet's own supervised Mosquitto (dynamic-security plugin, TLS with the site CA) and its
/// SQLite registry: what the registry holds and what the broker lets each credential do stay the same.
/// </summary>
public sealed class NodeEnrolmentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Staff = "test admin";
    private SupervisedBroker _broker = null!;

    private NodeEnrolment Enrolment => _broker.Services.GetRequiredService<NodeEnrolment>();

    private INodeRegistryStore Registry => _broker.Services.GetRequiredService<INodeRegistryStore>();

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _broker = await SupervisedBroker.StartAsync(output);
        await _broker.WaitUntilRunningAsync();
        await _broker.WaitUntilReconciledAsync();
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task An_enrolled_node_gets_a_bundle_whose_credential_and_CA_reach_the_broker_over_TLS()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("saint-jean-mairie", "Mairie", "Saint-Jean", "LP-12", 43.38, -1.66), Staff, None);

        JsonNode bundle = JsonNode.Parse(enrolled.Bundle.ConfigurationJson)!;
        Assert.Equal("saint-jean-mairie", (string?)bundle["Node"]!["Id"]);
        Assert.Equal("saint-jean-mairie", (string?)bundle["Uplink"]!["Username"]);
        Assert.Equal(enrolled.Secret, (string?)bundle["Uplink"]!["Password"]);
        Assert.Equal(_broker.TlsPort, (int?)bundle["Uplink"]!["Port"]);
        Assert.Equal(NodeEnrolmentBundle.AuthorityFileName, (string?)bundle["Uplink"]!["CaFile"]);

        await using MqttClient node = NodeClient("saint-jean-mairie", enrolled.Secret, enrolled.Bundle.AuthorityPem);
        await node.StartAsync();
        MqttConnectionState state = await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected || s.LastFailure != MqttConnectionFailure.None, "connected or refused");
        Assert.True(state.IsConnected, state.ToString());
    }

    [Fact]
    public async Task The_registry_keeps_the_secret_only_as_a_hash_and_the_broker_file_not_at_all()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);

        string hash = (await Registry.ReadCredentialHashAsync("n1", None))!;
        Assert.DoesNotContain(enrolled.Secret, hash, StringComparison.Ordinal);
        Assert.True(NodeCredentials.Verify("n1", hash, enrolled.Secret));
        Assert.False(NodeCredentials.Verify("n1", hash, enrolled.Secret + "x"));
        string pluginFile = await File.ReadAllTextAsync(DynamicSecurityConfigurationPart.PathIn(Path.Combine(_broker.DataDirectory, "fleet", "broker")));
        Assert.Contains("\"n1\"", pluginFile, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolled.Secret, pluginFile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a+b")]
    [InlineData("a#")]
    [InlineData("a/b")]
    [InlineData("a\0b")]
    [InlineData("A-capital")]
    [InlineData("")]
    [InlineData("fleet.ingest")]
    [InlineData("n123456789-123456789-123456789-123456789-12345678")]
    public async Task Ids_that_would_bend_a_topic_are_refused_and_nothing_is_created(string id)
    {
        InvalidEnrolmentException refused = await Assert.ThrowsAsync<InvalidEnrolmentException>(() => Enrolment.EnrolAsync(new NodeEnrolmentRequest(id, "Name", "Commune"), Staff, None));

        Assert.Contains(refused.Problems, problem => problem.StartsWith("Id: ", StringComparison.Ordinal));
        Assert.Empty(await Registry.ListAsync(None));
        BrokerAccounts accounts = await _broker.Services.GetRequiredService<BrokerAdministration>().AccountsAsync(None);
        Assert.Equal([BrokerCredential.AdminUsername, FleetBrokerSecrets.IngestUsername], (await accounts.ListClientsAsync(None)).Select(client => client.Username).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Missing_names_and_coordinates_off_the_globe_are_refused_with_each_field_named()
    {
        InvalidEnrolmentException refused = await Assert.ThrowsAsync<InvalidEnrolmentException>(() =>
            Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", " ", "", "", 95, null), Staff, None));

        Assert.Contains(refused.Problems, problem => problem.StartsWith("Name: ", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, problem => problem.StartsWith("Municipality: ", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, problem => problem.StartsWith("Latitude: ", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, problem => problem.StartsWith("Latitude and Longitude: ", StringComparison.Ordinal));
        Assert.Empty(await Registry.ListAsync(None));
    }

    [Fact]
    public async Task Enrolling_a_taken_id_is_refused_and_the_first_credential_keeps_working()
    {
        NodeEnrolmentResult first = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);

        await Assert.ThrowsAsync<NodeAlreadyRegisteredException>(() => Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Other", "Elsewhere"), Staff, None));

        Assert.Equal("Gare", (await Registry.FindAsync("n1", None))!.Name);
        await using MqttClient node = NodeClient("n1", first.Secret, first.Bundle.AuthorityPem);
        await node.StartAsync();
        Assert.True((await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected || s.LastFailure != MqttConnectionFailure.None, "connected")).IsConnected);
    }

    [Fact]
    public async Task When_the_broker_refuses_the_account_the_registry_entry_is_undone()
    {
        // An account the registry does not know (left over on the broker) makes the plugin refuse the new one.
        await _broker.EnrolNodeAsync("n1");

        BrokerCommandRefusedException refused = await Assert.ThrowsAsync<BrokerCommandRefusedException>(() => Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None));

        output.WriteLine(refused.Message);
        Assert.Null(await Registry.FindAsync("n1", None));
    }

    [Fact]
    public async Task Disabling_cuts_a_connected_node_off_at_once_and_refuses_it_until_enabled()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await using MqttClient node = NodeClient("n1", enrolled.Secret, enrolled.Bundle.AuthorityPem);
        await node.StartAsync();
        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "connected");

        await Enrolment.DisableAsync("n1", Staff, None);

        MqttConnectionState cut = await SupervisedBroker.WaitForClientAsync(node, s => !s.IsConnected && s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "refused");
        Assert.False(cut.IsConnected);
        Assert.False((await Registry.FindAsync("n1", None))!.Enabled);

        await Enrolment.EnableAsync("n1", Staff, None);

        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "let back in");
        Assert.True((await Registry.FindAsync("n1", None))!.Enabled);
        IReadOnlyList<AuditEntry> audited = await _broker.Services.GetRequiredService<IAuditLog>().ReadAsync(10, null, None);
        Assert.Equal(["node.enable", "node.disable", "node.enrol"], audited.Select(entry => entry.Action));
        Assert.All(audited, entry => Assert.Equal((Staff, "n1"), (entry.Actor, entry.Target)));
    }

    [Fact]
    public async Task Rotation_refuses_the_old_secret_at_once_and_accepts_the_new()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await using MqttClient old = NodeClient("n1", enrolled.Secret, enrolled.Bundle.AuthorityPem);
        await old.StartAsync();
        await SupervisedBroker.WaitForClientAsync(old, s => s.IsConnected, "connected");

        NodeEnrolmentResult rotated = await Enrolment.RotateAsync("n1", Staff, None);

        await SupervisedBroker.WaitForClientAsync(old, s => !s.IsConnected && s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "refused");
        Assert.NotEqual(enrolled.Secret, rotated.Secret);
        Assert.True(NodeCredentials.Verify("n1", (await Registry.ReadCredentialHashAsync("n1", None))!, rotated.Secret));
        await old.DisposeAsync();
        await using MqttClient renewed = NodeClient("n1", rotated.Secret, rotated.Bundle.AuthorityPem);
        await renewed.StartAsync();
        Assert.True((await SupervisedBroker.WaitForClientAsync(renewed, s => s.IsConnected || s.LastFailure != MqttConnectionFailure.None, "connected")).IsConnected);
    }

    [Fact]
    public async Task Rotating_a_node_whose_broker_account_is_gone_creates_the_account_for_the_new_secret()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        BrokerAccounts accounts = await AccountsAsync();
        await accounts.DeleteNodeAsync("n1", None);

        NodeEnrolmentResult rotated = await Enrolment.RotateAsync("n1", Staff, None);

        Assert.Equal(new BrokerClient("n1", Disabled: false), await accounts.FindClientAsync("n1", None));
        await using MqttClient renewed = NodeClient("n1", rotated.Secret, rotated.Bundle.AuthorityPem);
        await renewed.StartAsync();
        Assert.True((await SupervisedBroker.WaitForClientAsync(renewed, s => s.IsConnected || s.LastFailure != MqttConnectionFailure.None, "connected or refused")).IsConnected);
        await using MqttClient old = NodeClient("n1", enrolled.Secret, enrolled.Bundle.AuthorityPem);
        await old.StartAsync();
        await SupervisedBroker.WaitForClientAsync(old, s => s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "refused");
        AuditEntry rotation = (await _broker.Services.GetRequiredService<IAuditLog>().ReadAsync(1, null, None))[0];
        Assert.Equal(("node.rotate", "n1"), (rotation.Action, rotation.Target));
        Assert.Contains("recréé", rotation.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_a_node_whose_account_was_deleted_by_hand_writes_the_role_it_left_behind_afresh()
    {
        await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        string role = BrokerRoles.NodeRole("n1");
        // As with mosquitto_ctrl: the account deleted, its role left behind, and that role widened to the whole tree.
        Assert.Null((await _broker.ControlAsync(new JsonObject { ["command"] = "deleteClient", ["username"] = "n1" }))["error"]);
        Assert.Null((await _broker.ControlAsync(new JsonObject { ["command"] = "addRoleACL", ["rolename"] = role, ["acltype"] = AclType.SubscribePattern, ["topic"] = "#", ["allow"] = true }))["error"]);

        NodeEnrolmentResult rotated = await Enrolment.RotateAsync("n1", Staff, None);

        JsonObject written = await _broker.ControlAsync(new JsonObject { ["command"] = "getRole", ["rolename"] = role });
        IOrderedEnumerable<RoleAcl> acls = written["data"]!["role"]!["acls"]!.AsArray()
            .Select(acl => new RoleAcl((string)acl!["acltype"]!, (string)acl["topic"]!, (bool)acl["allow"]!))
            .OrderBy(acl => acl.Type, StringComparer.Ordinal).ThenBy(acl => acl.Topic, StringComparer.Ordinal);
        Assert.Equal(BrokerRoles.NodeAcls("n1").OrderBy(acl => acl.Type, StringComparer.Ordinal).ThenBy(acl => acl.Topic, StringComparer.Ordinal), acls);
        JsonObject account = await _broker.ControlAsync(new JsonObject { ["command"] = "getClient", ["username"] = "n1" });
        Assert.Equal([role], account["data"]!["client"]!["roles"]!.AsArray().Select(held => (string)held!["rolename"]!));
        await using MqttClient renewed = NodeClient("n1", rotated.Secret, rotated.Bundle.AuthorityPem);
        await renewed.StartAsync();
        Assert.True((await SupervisedBroker.WaitForClientAsync(renewed, s => s.IsConnected || s.LastFailure != MqttConnectionFailure.None, "connected or refused")).IsConnected);
    }

    [Fact]
    public async Task A_disabled_node_whose_broker_account_is_gone_gets_it_back_disabled_on_rotation()
    {
        await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await Enrolment.DisableAsync("n1", Staff, None);
        BrokerAccounts accounts = await AccountsAsync();
        await accounts.DeleteNodeAsync("n1", None);

        NodeEnrolmentResult rotated = await Enrolment.RotateAsync("n1", Staff, None);

        Assert.Equal(new BrokerClient("n1", Disabled: true), await accounts.FindClientAsync("n1", None));
        await using MqttClient node = NodeClient("n1", rotated.Secret, rotated.Bundle.AuthorityPem);
        await node.StartAsync();
        await SupervisedBroker.WaitForClientAsync(node, s => s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "refused");
        await Enrolment.EnableAsync("n1", Staff, None);
        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "let in once enabled");
    }

    [Fact]
    public async Task Removing_cuts_the_node_off_and_forgets_it_at_the_broker_and_in_the_registry()
    {
        NodeEnrolmentResult enrolled = await Enrolment.EnrolAsync(new NodeEnrolmentRequest("n1", "Gare", "Villeneuve"), Staff, None);
        await using MqttClient node = NodeClient("n1", enrolled.Secret, enrolled.Bundle.AuthorityPem);
        await node.StartAsync();
        await SupervisedBroker.WaitForClientAsync(node, s => s.IsConnected, "connected");

        await Enrolment.RemoveAsync("n1", Staff, None);

        await SupervisedBroker.WaitForClientAsync(node, s => !s.IsConnected && s.LastFailure is MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised, "refused");
        Assert.Null(await Registry.FindAsync("n1", None));
        BrokerAccounts accounts = await _broker.Services.GetRequiredService<BrokerAdministration>().AccountsAsync(None);
        Assert.Null(await accounts.FindClientAsync("n1", None));
        await Assert.ThrowsAsync<UnknownNodeException>(() => Enrolment.DisableAsync("n1", Staff, None));
    }

    private Task<BrokerAccounts> AccountsAsync() => _broker.Services.GetRequiredService<BrokerAdministration>().AccountsAsync(None);

    private MqttClient NodeClient(string nodeId, string secret, string authorityPem)
    {
        var authority = new X509Certificate2Collection();
        authority.ImportFromPem(authorityPem);
        return _broker.Client(nodeId, "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(authority), new BrokerCredential(nodeId, secret));
    }
}
