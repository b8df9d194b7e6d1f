using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>The contract against a SQLite file in a fresh temporary directory, plus what only a file can do.</summary>
public sealed class SqliteFleetStoreTests : FleetStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    private string FilePath => _database.FilePath;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override Task DeleteDatabaseAsync() => _database.DeleteAsync();

    [Fact]
    public async Task Data_is_there_after_closing_and_reopening_the_file()
    {
        await Store.CommitAsync(Rows.Batch(Rows.Metric(), Rows.Metric(window: 1)), None);
        await Store.DisposeAsync();

        await using IFleetStore reopened = FleetStoreFactory.Create(FilePath);
        await reopened.InitialiseAsync(None);

        Assert.Equal(2, await reopened.CountMetricWindowsAsync(null, None));
        Assert.Equal(Rows.Metric(window: 1), (await reopened.ReadMetricWindowsAsync("node-001", "pm25", Rows.Start.AddMinutes(15), Rows.Start.AddHours(1), None))[0]);
    }

    [Fact]
    public async Task Two_stores_on_one_file_wait_for_each_other_instead_of_failing_busy()
    {
        // Two store instances stand for two processes: no shared in-process gate, only SQLite's lock and busy timeout.
        IFleetStore other = await OpenAsync();
        MetricWindowRow[] rows = [.. Enumerable.Range(0, 2_000).Select(window => Rows.Metric(window: window))];

        await Task.WhenAll(
            Task.Run(() => Store.CommitAsync(Rows.Batch(rows), None)),
            Task.Run(() => other.CommitAsync(Rows.Batch([.. rows.Select(row => row with { Mean = 1 })]), None)),
            Task.Run(() => Store.CommitAsync(Rows.Batch(Rows.Metric(node: "node-002")), None)));

        Assert.Equal(rows.Length + 1, await other.CountMetricWindowsAsync(null, None));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_the_schema_version_recorded()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        string? mode = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "SELECT max(version) FROM schema_version";
        long version = (long)(await command.ExecuteScalarAsync())!;

        Assert.Equal("wal", mode);
        Assert.Equal(EdgeNode.Fleet.Storage.Sqlite.SqliteSchema.LatestVersion, version);
    }
}
