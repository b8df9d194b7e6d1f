using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Broker.Tls;
using EdgeNode.MqttLink;
using EdgeNode.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker.Supervision;

/// <summary>A real Mosquitto, started by the fleet's supervisor with the configuration and TLS files the fleet made.</summary>
public sealed class MosquittoSupervisorTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SupervisedBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = await SupervisedBroker.StartAsync(output);
        await _broker.WaitUntilRunningAsync();
        await _broker.WaitUntilReconciledAsync();
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_node_trusting_the_site_CA_connects_over_TLS_and_gets_what_the_fleet_sends_it()
    {
        BrokerCredential node = await _broker.EnrolNodeAsync("tls-node");
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = _broker.TlsPort,
            ClientId = "tls-node",
            CleanSession = true,
            Username = node.Username,
            Password = node.Password,
            Tls = new MqttTlsOptions(_broker.Authority),
            Subscriptions = [new MqttSubscription("edge/tls-node/down/#", MqttQualityOfService.AtLeastOnce)],
        };
        await using var client = new MqttClient(options, (message, _) =>
        {
            received.TrySetResult(System.Text.Encoding.UTF8.GetString(message.Payload.Span));
            return ValueTask.CompletedTask;
        });
        await using MqttClient fleet = _broker.Client("fleet.sender", "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(_broker.Authority), _broker.Fleet);
        using var timeout = new CancellationTokenSource(SupervisedBroker.Patience);
        await client.StartAsync(timeout.Token);
        await fleet.StartAsync(timeout.Token);
        await client.WaitUntilConnectedAsync(timeout.Token);
        await fleet.WaitUntilConnectedAsync(timeout.Token);

        await fleet.PublishAsync(new MqttApplicationMessage("edge/tls-node/down/config", "hello"u8.ToArray(), MqttQualityOfService.AtLeastOnce), timeout.Token);

        Assert.Equal("hello", await received.Task.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task A_client_trusting_another_CA_refuses_the_broker()
    {
        using var elsewhere = new TemporaryDirectory("edgenode-other-ca-");
        var otherSite = new BrokerCertificates(
            Options.Create(new LocalBrokerOptions()), Options.Create(new FleetDataOptions { DataDirectory = elsewhere.Path }),
            TimeProvider.System, NullLogger<BrokerCertificates>.Instance);
        var stranger = new X509Certificate2Collection();
        stranger.ImportFromPem(otherSite.AuthorityPem());
        await using MqttClient client = _broker.Client("wary-node", "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(stranger), _broker.Fleet);

        await client.StartAsync();
        MqttConnectionState state = await SupervisedBroker.WaitForClientAsync(client, s => s.LastFailure != MqttConnectionFailure.None, "refused");

        Assert.False(state.IsConnected);
        Assert.Equal(MqttConnectionFailure.TlsFailure, state.LastFailure);
    }

    [Fact]
    public async Task Plain_MQTT_on_the_TLS_port_gets_no_session()
    {
        await using MqttClient client = _broker.Client("plain-node", "127.0.0.1", _broker.TlsPort, tls: null, _broker.Fleet);

        await client.StartAsync();
        MqttConnectionState state = await SupervisedBroker.WaitForClientAsync(client, s => s.LastFailure != MqttConnectionFailure.None, "refused");

        output.WriteLine($"{state.LastFailure}: {state.LastFailureDetail}");
        Assert.False(client.State.IsConnected);
        Assert.DoesNotContain(state.LastFailure, new[] { MqttConnectionFailure.None, MqttConnectionFailure.RefusedCredentials, MqttConnectionFailure.NotAuthorised });
    }

    [Fact]
    public async Task Anonymous_clients_are_refused_over_TLS_on_loopback_too()
    {
        await using MqttClient client = _broker.Client("anonymous", "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(_broker.Authority), credential: null);

        await client.StartAsync();
        MqttConnectionState state = await SupervisedBroker.WaitForClientAsync(client, s => s.LastFailure != MqttConnectionFailure.None, "refused");

        Assert.Contains(state.LastFailure, new[] { MqttConnectionFailure.RefusedCredentials, MqttConnectionFailure.NotAuthorised });
    }

    [Fact]
    public void The_broker_listens_on_its_TLS_port_alone_so_nothing_plain_is_there_for_a_node_credential()
    {
        string[] lines = File.ReadAllLines(_broker.Supervisor.ConfigurationFile!);

        Assert.Equal([$"listener {_broker.TlsPort}"], lines.Where(line => line.StartsWith("listener", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, line => line.StartsWith("port ", StringComparison.Ordinal) || line.StartsWith("bind_address ", StringComparison.Ordinal));
        // What the fleet itself uses: TLS at 127.0.0.1, checked against the site CA like a node does.
        FleetBrokerOptions fleet = _broker.Services.GetRequiredService<IOptions<FleetBrokerOptions>>().Value;
        Assert.Equal(("127.0.0.1", _broker.TlsPort), (fleet.Host, fleet.Port));
        Assert.NotNull(fleet.Tls());
    }

    [Theory]
    [InlineData("edge/other-node/up/#")]
    [InlineData("edge/other-node/down/#")]
    [InlineData("edge/+/up/#")]
    [InlineData("#")]
    [InlineData("$CONTROL/dynamic-security/#")]
    public async Task A_node_credential_on_loopback_gets_its_own_topics_and_nothing_more(string filter)
    {
        BrokerCredential node = await _broker.EnrolNodeAsync("local-node");
        await _broker.EnrolNodeAsync("other-node");
        await using MqttClient client = _broker.Client("local-node", "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(_broker.Authority), node);
        using var timeout = new CancellationTokenSource(SupervisedBroker.Patience);
        await client.StartAsync(timeout.Token);
        await client.WaitUntilConnectedAsync(timeout.Token);

        MqttSubscriptionRefusedException refused = await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => client.SubscribeAsync([new MqttSubscription(filter)], timeout.Token));

        Assert.Equal([filter], refused.RefusedFilters);
        await client.SubscribeAsync([new MqttSubscription("edge/local-node/down/#")], timeout.Token);
    }

    [Fact]
    public async Task The_fleet_reaches_its_broker_over_TLS_at_loopback_as_its_admin()
    {
        BrokerAccounts accounts = await _broker.Services.GetRequiredService<BrokerAdministration>().AccountsAsync(CancellationToken.None);

        await accounts.CreateNodeAsync("via-admin", BrokerCredential.NewPassword());

        JsonObject answer = await _broker.ControlAsync(new JsonObject { ["command"] = "getClient", ["username"] = "via-admin" });
        Assert.Null(answer["error"]);
    }

    [Fact]
    public async Task The_TLS_listener_answers_on_every_address()
    {
        IPAddress[] others = [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(card => card.OperationalStatus == OperationalStatus.Up)
            .SelectMany(card => card.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))];
        output.WriteLine($"This machine's other addresses: {string.Join(", ", others.Select(address => address.ToString()))}");
        Assert.True(await AcceptsAsync(IPAddress.Loopback, _broker.TlsPort), "TLS listener not reachable on 127.0.0.1");
        foreach (IPAddress address in others)
        {
            Assert.True(await AcceptsAsync(address, _broker.TlsPort), $"TLS listener not reachable on {address}");
        }
    }

    [Fact]
    public async Task A_killed_mosquitto_is_started_again_and_clients_reconnect()
    {
        await using MqttClient client = _broker.Client("fleet.survivor", "127.0.0.1", _broker.TlsPort, new MqttTlsOptions(_broker.Authority), _broker.Fleet);
        using var timeout = new CancellationTokenSource(SupervisedBroker.Patience);
        await client.StartAsync(timeout.Token);
        await client.WaitUntilConnectedAsync(timeout.Token);
        int first = _broker.Supervisor.State.ProcessId!.Value;

        using (Process mosquitto = Process.GetProcessById(first))
        {
            mosquitto.Kill(); // SIGKILL, by its own pid
        }

        BrokerState restarted = await _broker.WaitForStateAsync(state => state is { Phase: BrokerPhase.Running } && state.ProcessId != first, "running again");
        await SupervisedBroker.WaitForClientAsync(client, state => state.IsConnected && state.LastFailure != MqttConnectionFailure.None, "reconnected");
        Assert.NotEqual(first, restarted.ProcessId);
    }

    [Fact]
    public async Task Stopping_the_fleet_stops_mosquitto()
    {
        int pid = _broker.Supervisor.State.ProcessId!.Value;
        Assert.True(Directory.Exists($"/proc/{pid}"));

        await _broker.StopAsync();

        Assert.Equal(BrokerPhase.Stopped, _broker.Supervisor.State.Phase);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"mosquitto (pid {pid}) still runs after the fleet stopped");
    }

    [Fact]
    public void The_configuration_file_is_the_writers_with_anonymous_access_off()
    {
        string configuration = File.ReadAllText(_broker.Supervisor.ConfigurationFile!);

        Assert.Contains("allow_anonymous false", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain("allow_anonymous true", configuration, StringComparison.Ordinal);
        Assert.StartsWith(_broker.DataDirectory, _broker.Supervisor.ConfigurationFile!, StringComparison.Ordinal);
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var probe = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await probe.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
