using System.Text.Json.Nodes;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Topics;
using EdgeNode.TestSupport;

namespace EdgeNode.Fleet.Tests.Broker;

public sealed class DynamicSecurityFileTests
{
    [Fact]
    public void The_file_denies_by_default_and_keeps_the_admin_password_only_as_the_plugins_hash()
    {
        var admin = BrokerCredential.NewAdmin();
        JsonObject file = DynamicSecurityFile.Build(admin);

        JsonObject defaults = file["defaultACLAccess"]!.AsObject();
        Assert.Equal(4, defaults.Count);
        Assert.All(defaults, entry => Assert.False(entry.Value!.GetValue<bool>()));
        Assert.DoesNotContain(admin.Password, file.ToJsonString(), StringComparison.Ordinal);

        JsonObject client = Assert.Single(file["clients"]!.AsArray())!.AsObject();
        Assert.Equal(BrokerCredential.AdminUsername, client["username"]!.GetValue<string>());
        var stored = new DynamicSecurityPassword(client["password"]!.GetValue<string>(), client["salt"]!.GetValue<string>(), client["iterations"]!.GetValue<int>());
        Assert.True(stored.Matches(admin.Password));
        Assert.False(stored.Matches(admin.Password + "x"));
        Assert.Equal(DynamicSecurityPassword.SaltBytes, Convert.FromBase64String(stored.SaltBase64).Length);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_file_is_private_to_its_owner_and_never_overwritten()
    {
        using var files = new TemporaryDirectory();
        string path = files.File("dynamic-security.json");
        DynamicSecurityFile.WriteNew(path, BrokerCredential.NewAdmin());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        IOException refused = Assert.Throws<IOException>(() => DynamicSecurityFile.WriteNew(path, BrokerCredential.NewAdmin()));
        Assert.Contains("never overwritten", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plugin_is_found_and_the_configuration_lines_load_it_and_refuse_anonymous_clients()
    {
        Assert.True(DynamicSecurityPlugin.TryLocate(out string plugin), string.Join(", ", DynamicSecurityPlugin.CandidatePaths()));
        string lines = DynamicSecurityPlugin.ConfigurationLines("/var/lib/edgenode/dynamic-security.json");
        Assert.Contains($"plugin {plugin}\n", lines, StringComparison.Ordinal);
        Assert.Contains("plugin_opt_config_file /var/lib/edgenode/dynamic-security.json\n", lines, StringComparison.Ordinal);
        Assert.Contains("allow_anonymous false\n", lines, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DynamicSecurityPlugin.ConfigurationLines("relative.json"));
    }

    /// <summary>
    /// Why every node has its own role: the plugin in Mosquitto 2.0 compares ACL topics literally, so a shared role
    /// written with "edge/%c/up/#" grants node "a" nothing. If this test ever fails, the broker has learnt %c (2.1 did)
    /// and one shared role would do.
    /// </summary>
    [Fact]
    public async Task Mosquitto_2_0_does_not_substitute_percent_c_in_acls()
    {
        using var files = new TemporaryDirectory("edgenode-dynsec-");
        var admin = BrokerCredential.NewAdmin();
        JsonObject file = DynamicSecurityFile.Build(admin);
        file["roles"]!.AsArray().Add(DynamicSecurityFile.Role("percent-c", "would be every node's role", [new RoleAcl(AclType.PublishClientSend, "edge/%c/up/#")]));
        file["clients"]!.AsArray().Add(Client("a", "pw-a", "percent-c"));
        file["clients"]!.AsArray().Add(Client("fleet.observer", "pw-observer", BrokerRoles.Fleet));
        string path = files.File("dynamic-security.json");
        await File.WriteAllTextAsync(path, file.ToJsonString());
        await using MosquittoBroker mosquitto = await MosquittoBroker.StartAsync(DynamicSecurityPlugin.ConfigurationLines(path));
        await using var accounts = new BrokerAccounts(new BrokerAccountsOptions { Host = mosquitto.Host, Port = mosquitto.Port, Admin = admin });
        await accounts.StartAsync();
        await accounts.CreateNodeAsync("b", "pw-b");

        var observed = new MessageInbox();
        await using MqttClient observer = await Connected(mosquitto, "observer", "fleet.observer", "pw-observer", observed, EdgeTopics.AllUp);
        await using MqttClient a = await Connected(mosquitto, "a", "a", "pw-a", new MessageInbox());
        await using MqttClient b = await Connected(mosquitto, "b", "b", "pw-b", new MessageInbox());

        // MQTT 5: the broker refuses the publish out loud (PUBACK 0x87) rather than dropping it.
        MqttPublishRefusedException refused = await Assert.ThrowsAsync<MqttPublishRefusedException>(() =>
            a.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up("a", UpChannel.Batch), "a"u8.ToArray(), MqttQualityOfService.AtLeastOnce)));
        Assert.Equal("NotAuthorized", refused.ReasonCode);
        await b.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up("b", UpChannel.Batch), "b"u8.ToArray(), MqttQualityOfService.AtLeastOnce));
        Assert.Empty(await observed.TopicsBeforeAsync(EdgeTopics.Up("b", UpChannel.Batch)));
    }

    private static JsonObject Client(string username, string password, string role)
    {
        var hashed = DynamicSecurityPassword.Create(password);
        return new JsonObject
        {
            ["username"] = username,
            ["password"] = hashed.HashBase64,
            ["salt"] = hashed.SaltBase64,
            ["iterations"] = hashed.Iterations,
            ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }),
        };
    }

    private static async Task<MqttClient> Connected(MosquittoBroker mosquitto, string clientId, string username, string password, MessageInbox inbox, params string[] subscriptions)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = mosquitto.Host,
            Port = mosquitto.Port,
            ClientId = clientId,
            Username = username,
            Password = password,
            CleanSession = true,
            Subscriptions = subscriptions.Select(s => new MqttSubscription(s)).ToList(),
        }, inbox.Handle);
        await client.StartAsync();
        await client.WaitUntilConnectedAsync(new CancellationTokenSource(MessageInbox.Patience).Token);
        return client;
    }
}
