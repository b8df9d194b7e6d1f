using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>The monitoring contract against the real PostgreSQL server of this test run, a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMonitoringStoreTests(PostgresFixture postgres) : MonitoringStoreContract
{
    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync(nameof(PostgresMonitoringStoreTests));
}
