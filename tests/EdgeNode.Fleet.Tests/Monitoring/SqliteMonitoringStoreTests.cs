namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>The monitoring contract against a SQLite file in a fresh temporary directory.</summary>
public sealed class SqliteMonitoringStoreTests : MonitoringStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgenode-monitoring-").FullName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(_folder, "fleet.db")}");

    protected override Task DeleteDatabaseAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
