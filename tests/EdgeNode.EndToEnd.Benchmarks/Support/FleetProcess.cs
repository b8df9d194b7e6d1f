using System.Globalization;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Benchmarks.Support;

/// <summary>The real fleet service (EdgeNode.Fleet.dll) as its own process, ingesting from a broker into a database.</summary>
internal static class FleetProcess
{
    public const string Ready = "Ingest reading";

    /// <param name="settings">Extra environment, e.g. Fleet__Broker__MaxRowsPerCommit.</param>
    public static async Task<ChildProcess> StartAsync(string brokerHost, int brokerPort, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Fleet__Storage__ConnectionString"] = connectionString,
            ["Fleet__Broker__Mode"] = "External",
            ["Fleet__Broker__Host"] = brokerHost,
            ["Fleet__Broker__Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Fleet__Broker__ClientId"] = "fleet.bench",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var process = new ChildProcess("fleet", DotNet.Host, [Path.Combine(AppContext.BaseDirectory, "EdgeNode.Fleet.dll")], environment);
        process.Start();
        await process.WaitForOutputAsync(Ready, TimeSpan.FromSeconds(60));
        return process;
    }
}
