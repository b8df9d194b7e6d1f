namespace EdgeNode.Fleet.Tests.Contract;

public sealed class SqliteNodeRegistryStoreTests : NodeRegistryStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override Task DeleteDatabaseAsync() => _database.DeleteAsync();
}
