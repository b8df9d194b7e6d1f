using EdgeNode.MqttLink;
using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>
/// The alternative we did not choose: Mosquitto's password and ACL files, changed and reloaded with SIGHUP. This test
/// records what Mosquitto 2.0.11 really does to a connected client whose credential was removed, so the README's
/// reasoning rests on an observation rather than on folklore. It contradicts the folklore: on reload, 2.0 re-checks
/// every connected client's user name and password (mosquitto_security_apply_default) and disconnects those that no
/// longer pass. Revocation through files works once the broker is signalled; the case for the plugin is elsewhere
/// (Broker/README.md).
/// </summary>
public sealed class FileRevocationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mosquitto_2_0_disconnects_a_connected_client_whose_password_was_removed_when_sighup_reloads_the_file()
    {
        using var files = new TemporaryDirectory();
        string passwords = files.File("passwords");
        await MosquittoPasswordFile.CreateAsync(passwords, "a", "pw-a");
        await MosquittoPasswordFile.AddAsync(passwords, "other", "pw-other");
        await using MosquittoBroker mosquitto = await MosquittoBroker.StartAsync($"allow_anonymous false\npassword_file {passwords}");
        await using MqttClient a = await Connected(mosquitto, "a", "a", "pw-a");

        // Revoke "a" as an operator would with files: rewrite the password file without it ...
        await MosquittoPasswordFile.CreateAsync(passwords, "other", "pw-other");
        // ... which alone revokes nothing: the broker has not read it, and "a" still opens new connections.
        await using (MqttClient stillLetIn = await Connected(mosquitto, "a-2", "a", "pw-a"))
        {
            Assert.True(stillLetIn.State.IsConnected);
        }

        // SIGHUP: now new connections are refused ...
        await mosquitto.ReloadConfigurationAsync();
        var refused = new MqttClient(Options(mosquitto, "a-3", "a", "pw-a"), new MessageInbox().Handle);
        await using (refused)
        {
            await refused.StartAsync();
            await AccountBroker.StateAsync(refused, s => s.LastFailure == MqttConnectionFailure.NotAuthorised);
        }

        // ... and the connected client is cut off too, its reconnects refused.
        MqttConnectionState state = await AccountBroker.StateAsync(a, s => !s.IsConnected && s.LastFailure == MqttConnectionFailure.NotAuthorised);
        output.WriteLine($"after SIGHUP: {state}");
        Assert.False(a.State.IsConnected);
    }

    private static MqttClientOptions Options(MosquittoBroker mosquitto, string clientId, string username, string password) => new()
    {
        Host = mosquitto.Host,
        Port = mosquitto.Port,
        ClientId = clientId,
        Username = username,
        Password = password,
        CleanSession = true,
        ReconnectMinimumDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaximumDelay = TimeSpan.FromMilliseconds(500),
    };

    private static async Task<MqttClient> Connected(MosquittoBroker mosquitto, string clientId, string username, string password)
    {
        var client = new MqttClient(Options(mosquitto, clientId, username, password), new MessageInbox().Handle);
        await client.StartAsync();
        await client.WaitUntilConnectedAsync(new CancellationTokenSource(MessageInbox.Patience).Token);
        return client;
    }
}
