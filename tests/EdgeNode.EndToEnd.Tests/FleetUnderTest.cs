using System.Globalization;
using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>The fleet service as its own process (so it can be killed), ingesting from the test's broker into a real database.</summary>
internal sealed class FleetUnderTest : IAsyncDisposable
{
    public const string Ready = "Ingest reading";

    /// <summary>What ASP.NET Core prints once Kestrel has bound the HTTP port.</summary>
    private const string Listening = "Now listening on";

    private readonly Dictionary<string, string> _environment;

    private FleetUnderTest(ChildProcess process, string connectionString, Dictionary<string, string> environment, string url, int? tlsPort)
    {
        Process = process;
        ConnectionString = connectionString;
        _environment = environment;
        Url = url;
        TlsPort = tlsPort;
    }

    /// <summary>The fleet's HTTP address (health, web).</summary>
    public string Url { get; }

    /// <summary>Where the broker the fleet supervises listens for nodes; null when the fleet uses an external broker.</summary>
    public int? TlsPort { get; }

    public ChildProcess Process { get; }

    public string ConnectionString { get; }

    public static Task<FleetUnderTest> StartAsync(MosquittoBroker broker, string connectionString) =>
        StartOnFreePortsAsync(connectionString, new Dictionary<string, string>
        {
            ["Fleet__Broker__Mode"] = "External",
            ["Fleet__Broker__Host"] = broker.Host,
            ["Fleet__Broker__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        }, supervised: false, ownSession: false, choosePort: null);

    /// <summary>
    /// The fleet running its own Mosquitto (Supervised mode) with its site CA and dynamic-security accounts, all kept in
    /// <paramref name="dataDirectory"/>; nodes reach it over TLS at "localhost" on <see cref="TlsPort"/>.
    /// </summary>
    /// <param name="adminPassword">The first staff admin's password (user <c>admin</c>), for a test that uses the staff pages.</param>
    /// <param name="ownSession">In a process group of its own, as a terminal's foreground job (see <see cref="ChildProcess.InterruptGroup"/>).</param>
    /// <param name="choosePort">Where the HTTP and broker ports come from, in that order; free ones by default (a test of the race passes a taken one).</param>
    public static Task<FleetUnderTest> StartSupervisedAsync(string dataDirectory, string connectionString, string? adminPassword = null, bool ownSession = false, Func<int>? choosePort = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Fleet__DataDirectory"] = dataDirectory,
            ["Fleet__Broker__Mode"] = "Supervised",
            ["Fleet__Broker__TlsNames"] = "localhost,127.0.0.1",
            ["Fleet__Broker__RestartMinimumDelay"] = "00:00:00.500",
        };
        if (adminPassword is not null)
        {
            settings["Fleet__Staff__InitialAdminPassword"] = adminPassword;
        }
        return StartOnFreePortsAsync(connectionString, settings, supervised: true, ownSession, choosePort);
    }

    /// <summary>
    /// Starts the fleet on free ports (HTTP, and its broker's when it supervises one), and again on others, with the same
    /// data, when another process took one of them before the fleet or its Mosquitto bound it.
    /// </summary>
    private static Task<FleetUnderTest> StartOnFreePortsAsync(string connectionString, Dictionary<string, string> settings, bool supervised, bool ownSession, Func<int>? choosePort) =>
        LoopbackPort.StartOnFreePortAsync(
            httpPort => StartOnAsync(connectionString, settings, httpPort, supervised ? (choosePort ?? LoopbackPort.Free)() : null, ownSession),
            choosePort);

    private static async Task<FleetUnderTest> StartOnAsync(string connectionString, Dictionary<string, string> settings, int httpPort, int? tlsPort, bool ownSession)
    {
        string url = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
        var environment = new Dictionary<string, string>(settings)
        {
            ["Fleet__Storage__ConnectionString"] = connectionString,
            ["Fleet__Broker__ClientId"] = "fleet.e2e",
            ["ASPNETCORE_URLS"] = url,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        if (tlsPort is { } broker)
        {
            environment["Fleet__Broker__TlsPort"] = broker.ToString(CultureInfo.InvariantCulture);
        }
        var process = new ChildProcess("fleet", DotNet.Host, [FleetAssembly], environment) { OwnSession = ownSession };
        var fleet = new FleetUnderTest(process, connectionString, environment, url, tlsPort);
        try
        {
            await fleet.StartAsync();
            return fleet;
        }
        catch (TimeoutException e) when (LoopbackPort.TakenIn(process.Output))
        {
            await fleet.DisposeAsync();
            throw new PortTakenException($"The fleet could not bind {url} or its broker's port {tlsPort}: another process holds it.", e);
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    public static string FleetAssembly => Path.Combine(AppContext.BaseDirectory, "EdgeNode.Fleet.dll");

    /// <summary>
    /// Runs <c>EdgeNode.Fleet nodes …</c> with the fleet's own settings, as an admin on the server would (from a
    /// directory of their own, as the demo's banner invites: the command must not depend on where it is run), and
    /// returns what it printed; throws with that output when it fails, or when it left anything in that directory.
    /// </summary>
    public async Task<string> AdministerAsync(params string[] arguments)
    {
        using var elsewhere = new TemporaryDirectory("edgenode-e2e-admin-");
        await using var command = new ChildProcess("fleet nodes", DotNet.Host, [FleetAssembly, "nodes", .. arguments], _environment) { WorkingDirectory = elsewhere.Path };
        command.Start();
        int exitCode = await command.WaitForExitAsync(TimeSpan.FromMinutes(1));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'nodes {string.Join(' ', arguments)}' exited with {exitCode}: {command.Output}");
        }
        string[] left = Directory.GetFileSystemEntries(elsewhere.Path);
        return left.Length == 0 ? command.Output : throw new InvalidOperationException($"'nodes {string.Join(' ', arguments)}' left {string.Join(", ", left)} in the directory it was run from");
    }

    /// <summary>The fleet's /health text.</summary>
    public async Task<string> HealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using HttpResponseMessage response = await http.GetAsync(new Uri($"{Url}/health"));
        return await response.Content.ReadAsStringAsync();
    }

    public async Task StartAsync()
    {
        int starts = Count(Process.Output, Ready);
        int listens = Count(Process.Output, Listening);
        int before = Process.Output.Length;
        Process.Start();
        // Ingest can start before Kestrel fails to bind, so both are awaited. A port taken is not waited out: Kestrel
        // stops at once, but the fleet would restart its Mosquitto on that port forever.
        await WaitAsync(
            () => Count(Process.Output, Ready) > starts && Count(Process.Output, Listening) > listens,
            TimeSpan.FromSeconds(60), "the fleet to listen and start ingesting", () => LoopbackPort.TakenIn(Process.Output[before..]));
    }

    /// <summary>A store opened on the fleet's database, to look at what it committed.</summary>
    public IFleetStore OpenStore() => FleetStoreFactory.Create(ConnectionString, null);

    /// <summary>SIGTERM first: a fleet stopped in order stops the Mosquitto it supervises, which SIGKILL would leave running.</summary>
    public async ValueTask DisposeAsync()
    {
        await Process.TerminateAsync();
        await Process.DisposeAsync();
    }

    private static int Count(string text, string fragment)
    {
        int count = 0;
        for (int at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what, Func<bool> hopeless)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline || !Process.IsRunning || hopeless())
            {
                throw new TimeoutException($"Waited in vain for {what}. Fleet output:\n{Process.Tail()}");
            }
            await Task.Delay(100);
        }
    }
}
