using System.Globalization;
using EdgeNode.Fleet.Benchmarks;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Storage.Postgres;
using EdgeNode.Fleet.Storage.Sqlite;
using EdgeNode.TestSupport;
using Npgsql;

// Usage: dotnet run -c Release --project tests/EdgeNode.Fleet.Benchmarks -- [sqlite|postgres|all] [--rounds 5] [--nodes 1000]
//        [--nodes-per-batch 20] [--postgres "Host=…"]   (without --postgres a throw-away PostgreSQL 15 is started, fsync on)
string provider = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? "all";
int rounds = Option("--rounds", 5);
int nodes = Option("--nodes", 1000);
int nodesPerBatch = Option("--nodes-per-batch", 20);
string? externalPostgres = args.SkipWhile(arg => arg != "--postgres").Skip(1).FirstOrDefault();

var workload = new BacklogWorkload(nodes, nodesPerBatch);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Backlog: {nodes} nodes × {BacklogWorkload.WindowsPerNode} windows × {BacklogWorkload.MetricsPerWindow} metrics per round, {rounds} rounds = {(long)nodes * BacklogWorkload.WindowsPerNode * BacklogWorkload.MetricsPerWindow * rounds:N0} metric-windows; {Environment.ProcessorCount} cores"));

if (provider is "sqlite" or "all")
{
    foreach (string synchronous in new[] { "FULL", "NORMAL" })
    {
        string folder = Directory.CreateTempSubdirectory("edgenode-bench-").FullName;
        try
        {
            string file = Path.Combine(folder, "fleet.db");
            await using (var store = (SqliteFleetStore)FleetStoreFactory.Create(file))
            {
                store.Synchronous = synchronous;
                store.Timings = new CommitTimings();
                await IngestRun.RunAsync($"SQLite synchronous={synchronous}, new rows", store, store.Timings, workload, rounds, 1, Console.Out);
                await IngestRun.RunAsync($"SQLite synchronous={synchronous}, redelivery", store, store.Timings, workload, 1, 1, Console.Out);
            }

            long bytes = Directory.GetFiles(folder).Sum(path => new FileInfo(path).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    file size with WAL: {bytes / 1048576.0:F0} MiB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

if (provider is "postgres" or "all")
{
    PostgresServer? server = null;
    try
    {
        if (externalPostgres is null)
        {
            server = await PostgresServer.StartAsync();
        }

        foreach (int writers in new[] { 1, 2 })
        {
            string connectionString = server is null ? externalPostgres! : await server.CreateDatabaseAsync($"bench{writers}");
            await using (var store = (PostgresFleetStore)FleetStoreFactory.Create(connectionString))
            {
                // Stage timings only with one writer: the accumulator is not shared-safe, and stages overlap with two.
                store.Timings = writers == 1 ? new CommitTimings() : null;
                await IngestRun.RunAsync($"PostgreSQL, new rows", store, store.Timings, workload, rounds, writers, Console.Out);
                await IngestRun.RunAsync($"PostgreSQL, redelivery", store, store.Timings, workload, 1, writers, Console.Out);
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            long bytes = (long)(await size.ExecuteScalarAsync())!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    database size: {bytes / 1048576.0:F0} MiB"));
            if (externalPostgres is not null)
            {
                break;
            }
        }
    }
    finally
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

int Option(string name, int fallback) =>
    args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault() is string value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
