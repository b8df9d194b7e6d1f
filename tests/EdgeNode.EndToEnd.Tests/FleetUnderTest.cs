using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>The fleet service as its own process (so it can be killed), ingesting from the test's broker into a real database.</summary>
internal sealed class FleetUnderTest : IAsyncDisposable
{
    public const string Ready = "Ingest reading";

    private FleetUnderTest(ChildProcess process, string connectionString)
    {
        Process = process;
        ConnectionString = connectionString;
    }

    public ChildProcess Process { get; }

    public string ConnectionString { get; }

    public static async Task<FleetUnderTest> StartAsync(MosquittoBroker broker, string connectionString)
    {
        var environment = new Dictionary<string, string>
        {
            ["Fleet__Storage__ConnectionString"] = connectionString,
            ["Fleet__Broker__Host"] = broker.Host,
            ["Fleet__Broker__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Fleet__Broker__ClientId"] = "fleet.e2e",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        var process = new ChildProcess("fleet", DotNet.Host, [Path.Combine(AppContext.BaseDirectory, "EdgeNode.Fleet.dll")], environment);
        var fleet = new FleetUnderTest(process, connectionString);
        await fleet.StartAsync();
        return fleet;
    }

    public async Task StartAsync()
    {
        int starts = Count(Process.Output, Ready);
        Process.Start();
        await WaitAsync(() => Count(Process.Output, Ready) > starts, TimeSpan.FromSeconds(60), "the fleet to start ingesting");
    }

    /// <summary>A store opened on the fleet's database, to look at what it committed.</summary>
    public IFleetStore OpenStore() => FleetStoreFactory.Create(ConnectionString, null);

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static int Count(string text, string fragment)
    {
        int count = 0;
        for (int at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline || !Process.IsRunning)
            {
                throw new TimeoutException($"Waited in vain for {what}. Fleet output:\n{Process.Tail()}");
            }
            await Task.Delay(100);
        }
    }
}
