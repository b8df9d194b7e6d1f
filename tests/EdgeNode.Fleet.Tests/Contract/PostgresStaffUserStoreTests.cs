using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>The staff-user contract against the real PostgreSQL server of this test run, a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStaffUserStoreTests(PostgresFixture postgres) : StaffUserStoreContract
{
    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync(nameof(PostgresStaffUserStoreTests));
}
