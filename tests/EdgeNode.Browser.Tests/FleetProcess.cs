using System.Globalization;
using EdgeNode.TestSupport;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The fleet as a real process (its build output, copied next to the tests), on a free loopback port, with its own
/// SQLite file and data directory in a temporary folder, ingest off (no broker), and the first admin's password known.
/// </summary>
public sealed class FleetProcess : IAsyncDisposable
{
    public const string AdminPassword = "browser admin password";

    private readonly TemporaryDirectory _folder;

    private FleetProcess(ChildProcess process, TemporaryDirectory folder, Uri baseAddress, int brokerPort)
    {
        Process = process;
        _folder = folder;
        BaseAddress = baseAddress;
        BrokerPort = brokerPort;
    }

    public ChildProcess Process { get; }

    /// <summary>"http://127.0.0.1:port/".</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where the Mosquitto the fleet supervises listens (TLS) for nodes.</summary>
    public int BrokerPort { get; }

    /// <param name="settings">More settings, as environment variables ("Fleet__Web__MapTileUrl").</param>
    /// <param name="choosePort">Where the HTTP and broker ports come from, in that order; free ones by default (a test of the race passes a taken one).</param>
    public static Task<FleetProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Func<int>? choosePort = null) =>
        LoopbackPort.StartOnFreePortAsync(port => StartOnAsync(port, settings, choosePort), choosePort);

    private static async Task<FleetProcess> StartOnAsync(int port, IReadOnlyDictionary<string, string>? settings, Func<int>? choosePort)
    {
        var folder = new TemporaryDirectory("edgenode-browser-fleet-");
        int brokerPort = (choosePort ?? LoopbackPort.Free)();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>
        {
            ["Fleet__Storage__ConnectionString"] = $"Data Source={folder.File("fleet.db")}",
            ["Fleet__DataDirectory"] = folder.File("data"),
            // The single-server default: the fleet runs its own Mosquitto, here on free ports, so enrolment works for real.
            ["Fleet__Broker__Mode"] = "Supervised",
            ["Fleet__Broker__TlsPort"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Fleet__Broker__TlsNames"] = "localhost,127.0.0.1",
            ["Fleet__Staff__InitialAdminPassword"] = AdminPassword,
            ["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var process = new ChildProcess("fleet", host, [Path.Combine(AppContext.BaseDirectory, "EdgeNode.Fleet.dll")], environment);
        var fleet = new FleetProcess(process, folder, baseAddress, brokerPort);
        try
        {
            process.Start();
            await process.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
            // Its Mosquitto binds its port a moment later, and is restarted forever if another process holds it.
            await process.WaitForOutputAsync("Mosquitto running", TimeSpan.FromSeconds(60), LoopbackPort.TakenIn);
            return fleet;
        }
        catch (InvalidOperationException e) when (LoopbackPort.TakenIn(process.Output))
        {
            await fleet.DisposeAsync();
            throw new PortTakenException($"The fleet could not listen on {baseAddress}, or its broker on {brokerPort}: another process holds the port.", e);
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Process.TerminateAsync();
        }
        finally
        {
            await Process.DisposeAsync();
            _folder.Dispose();
        }
    }
}
