using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.MqttLink;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker.Supervision;

/// <summary>
/// A host with the fleet's broker, storage (a SQLite file) and registry, the broker in Supervised mode, on free ports and a data directory of its
/// own, with the product's dynamic-security bootstrap: the fleet's ingest and admin accounts, default deny, no
/// anonymous client.
/// </summary>
internal sealed class SupervisedBroker : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TemporaryDirectory _data;
    private readonly IHost _host;

    private SupervisedBroker(IHost host, int tlsPort, TemporaryDirectory data)
    {
        _host = host;
        _data = data;
        TlsPort = tlsPort;
    }

    /// <summary>The broker's only listener, for nodes and the fleet alike.</summary>
    public int TlsPort { get; }

    public string DataDirectory => _data.Path;

    /// <summary>The fleet's own ingest account, made at the first start.</summary>
    public BrokerCredential Fleet => FleetBrokerSecrets.LoadOrCreate(BrokerDirectory).Ingest;

    private string BrokerDirectory => _host.Services.GetRequiredService<IOptions<FleetDataOptions>>().Value.BrokerDirectory;

    /// <summary>Creates a node account as enrolment does, through the admin the fleet made for itself.</summary>
    public async Task<BrokerCredential> EnrolNodeAsync(string nodeId)
    {
        await using var accounts = new BrokerAccounts(new BrokerAccountsOptions
        {
            Host = "127.0.0.1",
            Port = TlsPort,
            Admin = FleetBrokerSecrets.LoadOrCreate(BrokerDirectory).Admin,
            ClientId = "fleet.test-admin",
            Tls = new MqttTlsOptions(Authority),
        });
        await accounts.StartAsync();
        var credential = new BrokerCredential(nodeId, BrokerCredential.NewPassword());
        await accounts.CreateNodeAsync(nodeId, credential.Password);
        return credential;
    }

    /// <summary>
    /// Sends one of the plugin's commands as someone with mosquitto_ctrl would, outside the fleet, and returns the
    /// plugin's answer to it (its JSON object): for a test to change the broker behind the fleet's back.
    /// </summary>
    public async Task<JsonObject> ControlAsync(JsonObject command)
    {
        var inbox = new MessageInbox();
        BrokerCredential adminCredential = FleetBrokerSecrets.LoadOrCreate(BrokerDirectory).Admin;
        await using var admin = new MqttClient(new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = TlsPort,
            Tls = new MqttTlsOptions(Authority),
            ClientId = "fleet.test-control",
            Username = adminCredential.Username,
            Password = adminCredential.Password,
            CleanSession = true,
            Subscriptions = [new MqttSubscription(BrokerRoles.ControlResponseTopic)],
        }, inbox.Handle);
        await admin.StartAsync();
        using (var patience = new CancellationTokenSource(Patience))
        {
            await admin.WaitUntilConnectedAsync(patience.Token);
        }
        string request = new JsonObject { ["commands"] = new JsonArray(command) }.ToJsonString();
        await admin.PublishAsync(new MqttApplicationMessage(BrokerRoles.ControlTopic, Encoding.UTF8.GetBytes(request), MqttQualityOfService.AtLeastOnce));
        JsonNode answer = JsonNode.Parse(MessageInbox.Text(await inbox.NextAsync()))!;
        return answer["responses"]![0]!.AsObject();
    }

    public MosquittoSupervisor Supervisor => _host.Services.GetRequiredService<MosquittoSupervisor>();

    /// <summary>The fleet's services (registry, enrolment, storage) around this broker.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The site CA the fleet generated, as a node would be given it.</summary>
    public X509Certificate2Collection Authority
    {
        get
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPem(_host.Services.GetRequiredService<EdgeNode.Fleet.Broker.Tls.BrokerCertificates>().AuthorityPem());
            return authorities;
        }
    }

    /// <param name="tlsPort">A fixed port, kept even when another process holds it (to test the restarts); by default
    /// a free one, and another when a process takes it before Mosquitto binds it.</param>
    /// <param name="settings">More settings, or other values ("Fleet:Broker:ReconcileInterval").</param>
    /// <param name="choosePort">Where the free ports come from; <see cref="LoopbackPort.Free"/> by default (a test of the race passes a taken one).</param>
    public static Task<SupervisedBroker> StartAsync(ITestOutputHelper output, string? executable = null, int? tlsPort = null, IReadOnlyDictionary<string, string?>? settings = null, Func<int>? choosePort = null) =>
        tlsPort is { } fixedPort
            ? StartOnAsync(output, executable, fixedPort, settings)
            : LoopbackPort.StartOnFreePortAsync(
                async port =>
                {
                    SupervisedBroker broker = await StartOnAsync(output, executable, port, settings);
                    try
                    {
                        await ThrowIfPortTakenAsync(broker.Supervisor, port);
                        return broker;
                    }
                    catch
                    {
                        await broker.DisposeAsync();
                        throw;
                    }
                },
                choosePort);

    /// <summary>
    /// Waits for the supervised Mosquitto's first start to end one way or the other, and throws
    /// <see cref="PortTakenException"/> when it failed because another process holds <paramref name="port"/>: the
    /// supervisor would retry that port forever.
    /// </summary>
    public static async Task ThrowIfPortTakenAsync(MosquittoSupervisor supervisor, int port)
    {
        var clock = Stopwatch.StartNew();
        while (supervisor.State.Phase == BrokerPhase.Starting && clock.Elapsed < Patience)
        {
            await Task.Delay(50);
        }
        BrokerState state = supervisor.State;
        if (state.Phase == BrokerPhase.Restarting && LoopbackPort.TakenIn(state.Description))
        {
            throw new PortTakenException($"The supervised Mosquitto could not bind port {port}: another process holds it ({state.Description}).");
        }
    }

    private static async Task<SupervisedBroker> StartOnAsync(ITestOutputHelper output, string? executable, int tlsPort, IReadOnlyDictionary<string, string?>? settings)
    {
        var data = new TemporaryDirectory("edgenode-fleet-broker-");

        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fleet:DataDirectory"] = Path.Combine(data.Path, "fleet"),
            ["Fleet:Broker:Mode"] = "Supervised",
            ["Fleet:Broker:TlsPort"] = tlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Fleet:Broker:RestartMinimumDelay"] = "00:00:00.500",
            ["Fleet:Broker:Executable"] = executable ?? "",
            ["Fleet:Storage:ConnectionString"] = $"Data Source={Path.Combine(data.Path, "fleet.db")}",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.AddFleetBroker();
        builder.AddFleetStorage();
        builder.AddFleetRegistry();
        builder.AddFleetAudit();
        IHost host = builder.Build();
        var broker = new SupervisedBroker(host, tlsPort, data);
        await host.StartAsync();
        return broker;
    }

    /// <summary>Waits (generously) until the supervisor's state satisfies <paramref name="condition"/>.</summary>
    public async Task<BrokerState> WaitForStateAsync(Func<BrokerState, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            BrokerState state = Supervisor.State;
            if (condition(state))
            {
                return state;
            }
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"The broker was not {what} within {Patience}: it is {state.Phase}, {state.Description}");
            }
            await Task.Delay(100);
        }
    }

    public Task<BrokerState> WaitUntilRunningAsync() => WaitForStateAsync(state => state.Phase == BrokerPhase.Running, "running");

    /// <summary>
    /// Waits until the fleet has compared its registry with the broker's accounts once, as it does when the broker first
    /// runs: a test that makes an account the registry does not hold must not race that pass, which would delete it.
    /// </summary>
    public async Task<RegistryReconciliation> WaitUntilReconciledAsync()
    {
        RegistryReconciliationStatus status = _host.Services.GetRequiredService<RegistryReconciliationStatus>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (status.LastSuccess is { } pass)
            {
                return pass;
            }
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"The registry was not reconciled within {Patience}: {status.Failure ?? "no pass yet"}");
            }
            await Task.Delay(100);
        }
    }

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _data.Dispose();
    }

    /// <param name="credential">Null for an anonymous client.</param>
    public MqttClient Client(string clientId, string host, int port, MqttTlsOptions? tls, BrokerCredential? credential) =>
        new(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = clientId,
            CleanSession = true,
            Username = credential?.Username,
            Password = credential?.Password,
            Tls = tls,
            ConnectTimeout = TimeSpan.FromSeconds(20),
            ReconnectMinimumDelay = TimeSpan.FromMilliseconds(300),
            ReconnectMaximumDelay = TimeSpan.FromSeconds(2),
        }, (_, _) => ValueTask.CompletedTask);

    /// <summary>Waits until the client's state satisfies <paramref name="condition"/>.</summary>
    public static async Task<MqttConnectionState> WaitForClientAsync(MqttClient client, Func<MqttConnectionState, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(client.State))
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"The client was not {what} within {Patience}: {client.State}");
            }
            await Task.Delay(100);
        }
        return client.State;
    }
}
