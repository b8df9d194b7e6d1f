using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Storage.Postgres;
using EdgeNode.Fleet.Storage.Sqlite;

namespace EdgeNode.Fleet.Tests.Factory;

public sealed class FleetStoreFactoryTests
{
    [Theory]
    [InlineData("Data Source=/var/lib/edgenode/fleet.db")]
    [InlineData("data source=fleet.sqlite;Mode=ReadWriteCreate")]
    [InlineData("/var/lib/edgenode/fleet.db")]
    [InlineData("fleet.sqlite3")]
    public async Task A_data_source_or_a_db_path_means_sqlite(string connectionString)
    {
        await using IFleetStore store = FleetStoreFactory.Create(connectionString);

        Assert.IsType<SqliteFleetStore>(store);
    }

    [Fact]
    public async Task A_bare_path_becomes_that_file()
    {
        await using IFleetStore store = FleetStoreFactory.Create(" /var/lib/edgenode/fleet.db ");

        Assert.Equal("/var/lib/edgenode/fleet.db", ((SqliteFleetStore)store).FilePath);
    }

    [Theory]
    [InlineData("Host=db.example;Database=edgenode;Username=fleet;Password=secret")]
    [InlineData("Server=10.0.0.5;Port=5433;Database=edgenode")]
    public async Task A_host_means_postgresql_and_nothing_is_contacted_yet(string connectionString)
    {
        await using IFleetStore store = FleetStoreFactory.Create(connectionString);

        Assert.IsType<PostgresFleetStore>(store);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("fleet")]
    [InlineData("postgres://fleet:secret@db.example/edgenode")]
    [InlineData("User=fleet;Password=secret")]
    [InlineData("Data Source=x;;=;'")]
    public void Anything_else_is_refused_naming_the_setting_and_not_echoing_secrets(string? connectionString)
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(() => FleetStoreFactory.Create(connectionString));

        Assert.Contains("Fleet:Storage:ConnectionString", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
    }
}
