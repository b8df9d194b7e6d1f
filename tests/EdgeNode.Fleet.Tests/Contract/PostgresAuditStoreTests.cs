using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>The audit contract against the real PostgreSQL server of this test run, a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditStoreTests(PostgresFixture postgres) : AuditStoreContract
{
    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync(nameof(PostgresAuditStoreTests));
}
