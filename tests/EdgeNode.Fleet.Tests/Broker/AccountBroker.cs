using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.MqttLink;
using EdgeNode.TestSupport;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>
/// A real Mosquitto with the dynamic-security plugin, bootstrapped by <see cref="DynamicSecurityFile"/> exactly as the
/// fleet will do it, and a started <see cref="BrokerAccounts"/> logged in as its admin.
/// </summary>
internal sealed class AccountBroker : IAsyncDisposable
{
    private readonly TemporaryDirectory _files;

    private AccountBroker(TemporaryDirectory files, MosquittoBroker broker, BrokerCredential admin, BrokerAccounts accounts)
    {
        _files = files;
        Mosquitto = broker;
        Admin = admin;
        Accounts = accounts;
    }

    public MosquittoBroker Mosquitto { get; }

    /// <summary>The plugin's admin, for a second control client with other options.</summary>
    public BrokerCredential Admin { get; }

    public BrokerAccounts Accounts { get; }

    public static async Task<AccountBroker> StartAsync()
    {
        var files = new TemporaryDirectory("edgenode-dynsec-");
        MosquittoBroker? broker = null;
        try
        {
            var admin = BrokerCredential.NewAdmin();
            string configuration = files.File("dynamic-security.json");
            DynamicSecurityFile.WriteNew(configuration, admin);
            broker = await MosquittoBroker.StartAsync(DynamicSecurityPlugin.ConfigurationLines(configuration));
            var accounts = new BrokerAccounts(new BrokerAccountsOptions { Host = broker.Host, Port = broker.Port, Admin = admin, Timeout = MessageInbox.Patience });
            await accounts.StartAsync();
            return new AccountBroker(files, broker, admin, accounts);
        }
        catch
        {
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            files.Dispose();
            throw;
        }
    }

    public MqttClientOptions ClientOptions(string clientId, string? username, string? password, params string[] subscriptions) => new()
    {
        Host = Mosquitto.Host,
        Port = Mosquitto.Port,
        ClientId = clientId,
        Username = username,
        Password = password,
        CleanSession = true,
        KeepAlive = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ReconnectMinimumDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaximumDelay = TimeSpan.FromMilliseconds(500),
        Subscriptions = subscriptions.Select(filter => new MqttSubscription(filter)).ToList(),
    };

    /// <summary>A client that has connected (and had its subscriptions acknowledged).</summary>
    public async Task<MqttClient> ConnectedAsync(MqttClientOptions options, MessageInbox inbox)
    {
        var client = new MqttClient(options, inbox.Handle);
        await client.StartAsync();
        try
        {
            await client.WaitUntilConnectedAsync(new CancellationTokenSource(MessageInbox.Patience).Token);
        }
        catch (OperationCanceledException)
        {
            MqttConnectionState state = client.State;
            await client.DisposeAsync();
            throw new TimeoutException($"{options.ClientId} did not connect: {state.LastFailure} {state.LastFailureDetail}\n{Mosquitto.Output}");
        }
        return client;
    }

    /// <summary>A client whose connection attempts are refused: returns the failure it reports.</summary>
    public async Task<MqttConnectionState> RefusedAsync(MqttClientOptions options)
    {
        await using var client = new MqttClient(options, new MessageInbox().Handle);
        await client.StartAsync();
        return await StateAsync(client, s => !s.IsConnected && s.LastFailure != MqttConnectionFailure.None);
    }

    /// <summary>Completes when the client's state satisfies <paramref name="match"/>, now or later.</summary>
    public static async Task<MqttConnectionState> StateAsync(MqttClient client, Func<MqttConnectionState, bool> match)
    {
        var reached = new TaskCompletionSource<MqttConnectionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(MqttConnectionState state)
        {
            if (match(state))
            {
                reached.TrySetResult(state);
            }
        }
        client.StateChanged += OnChange;
        try
        {
            return match(client.State) ? client.State : await reached.Task.WaitAsync(MessageInbox.Patience);
        }
        finally
        {
            client.StateChanged -= OnChange;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Accounts.DisposeAsync();
        await Mosquitto.DisposeAsync();
        _files.Dispose();
    }
}
