using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgresNodeRegistryStoreTests(PostgresFixture postgres) : NodeRegistryStoreContract
{
    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync(nameof(PostgresNodeRegistryStoreTests));
}
