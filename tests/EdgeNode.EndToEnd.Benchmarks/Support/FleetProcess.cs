using System.Globalization;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Benchmarks.Support;

/// <summary>The real fleet service (EdgeNode.Fleet.dll) as its own process, ingesting from a broker into a database.</summary>
internal static class FleetProcess
{
    public const string Ready = "Ingest reading";

    /// <summary>
    /// Starts the fleet on a free HTTP port, and on another one when another process took it before Kestrel bound it.
    /// </summary>
    /// <param name="settings">Extra environment, e.g. Fleet__Broker__MaxRowsPerCommit.</param>
    public static Task<ChildProcess> StartAsync(string brokerHost, int brokerPort, string connectionString, IReadOnlyDictionary<string, string>? settings = null) =>
        LoopbackPort.StartOnFreePortAsync(httpPort => StartOnAsync(httpPort, brokerHost, brokerPort, connectionString, settings));

    private static async Task<ChildProcess> StartOnAsync(int httpPort, string brokerHost, int brokerPort, string connectionString, IReadOnlyDictionary<string, string>? settings)
    {
        string url = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
        var environment = new Dictionary<string, string>
        {
            ["Fleet__Storage__ConnectionString"] = connectionString,
            ["Fleet__Broker__Mode"] = "External",
            ["Fleet__Broker__Host"] = brokerHost,
            ["Fleet__Broker__Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Fleet__Broker__ClientId"] = "fleet.bench",
            ["ASPNETCORE_URLS"] = url,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var process = new ChildProcess("fleet", DotNet.Host, [Path.Combine(AppContext.BaseDirectory, "EdgeNode.Fleet.dll")], environment);
        try
        {
            process.Start();
            // Ingest can start before Kestrel fails to bind, so both are awaited.
            await process.WaitForOutputAsync(Ready, TimeSpan.FromSeconds(60));
            await process.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
            return process;
        }
        catch (InvalidOperationException e) when (LoopbackPort.TakenIn(process.Output))
        {
            await process.DisposeAsync();
            throw new PortTakenException($"The fleet could not listen on {url}: another process holds the port.", e);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
