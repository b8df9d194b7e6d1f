using System.Diagnostics;
using System.Globalization;
using EdgeNode.EndToEnd.Benchmarks.Support;
using EdgeNode.Fleet.Ingest;
using EdgeNode.TestSupport;
using Npgsql;

namespace EdgeNode.EndToEnd.Benchmarks.Ingest;

/// <summary>
/// Fleet ingest throughput end to end: simulated nodes (one MQTT connection each) drain day-long backlog batches
/// through a real Mosquitto into the real fleet process, which commits into SQLite (file, synchronous=FULL) or a real
/// PostgreSQL 15 (fsync on). The rate is metric-windows acknowledged to the nodes per second, that is committed and
/// acked, measured over a sustained period after a warm-up; CPU per program says where the time went.
/// </summary>
internal static class IngestReport
{
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        string stores = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        int nodes = Option(args, "--nodes", 1000);
        int seconds = Option(args, "--seconds", 90);
        int warmup = Option(args, "--warmup", 20);
        int days = Option(args, "--days", 16);
        var fleetSettings = args.SkipWhile(a => a != "--fleet").Skip(1).TakeWhile(a => a.Contains('=')).ToDictionary(a => a[..a.IndexOf('=')], a => a[(a.IndexOf('=') + 1)..]);

        output.WriteLine(Invariant($"Encoding {nodes} nodes × {days} days of backlog ({BacklogBatches.RowsPerBatch} metric-windows per batch)…"));
        var clock = Stopwatch.StartNew();
        byte[][][] batches = new byte[nodes][][];
        Parallel.For(0, nodes, n => batches[n] = Enumerable.Range(0, days).Select(d => BacklogBatches.Encode(n, d)).ToArray());
        long payloadBytes = batches.Sum(n => n.Sum(b => (long)b.Length));
        output.WriteLine(Invariant($"  {clock.Elapsed.TotalSeconds:F1} s; average payload {payloadBytes / (nodes * days):N0} B"));
        MeasureClassifier(batches, output);

        if (stores is "sqlite" or "all")
        {
            using var folder = new TemporaryDirectory("edgenode-ingest-sqlite-");
            await RunOneAsync("SQLite (file, synchronous=FULL)", $"Data Source={folder.File("fleet.db")}", null, batches, seconds, warmup, fleetSettings, output);
        }
        if (stores is "postgres" or "all")
        {
            PostgresServer server = await PostgresServer.StartAsync();
            try
            {
                string connectionString = await server.CreateDatabaseAsync("ingest");
                await RunOneAsync("PostgreSQL 15 (fsync=on, synchronous_commit=on)", connectionString, await PostmasterAsync(connectionString), batches, seconds, warmup, fleetSettings, output);
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task RunOneAsync(string store, string connectionString, int? postmaster, byte[][][] batches, int seconds, int warmup, IReadOnlyDictionary<string, string> fleetSettings, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {store}, {batches.Length} nodes ==");
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using ChildProcess fleet = await FleetProcess.StartAsync(broker.Host, broker.Port, connectionString, fleetSettings);
        var tally = new IngestTally();
        var nodes = batches.Select((b, n) => new SimulatedNode(n, broker.Host, broker.Port, b, tally)).ToList();
        using var stop = new CancellationTokenSource();
        try
        {
            var connecting = Stopwatch.StartNew();
            foreach (SimulatedNode[] group in nodes.Chunk(50))
            {
                await Task.WhenAll(group.Select(n => n.ConnectAsync(stop.Token)));
            }
            output.WriteLine(Invariant($"  {nodes.Count} MQTT connections in {connecting.Elapsed.TotalSeconds:F1} s; draining…"));

            var draining = nodes.Select(n => Task.Run(() => n.DrainAsync(stop.Token))).ToList();
            var run = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(warmup));
            Cpu start = Cpu.Sample(broker, fleet, postmaster);
            long rows0 = tally.RowsAcked, batches0 = tally.BatchesAcked;
            TimeSpan t0 = run.Elapsed;
            long previous = rows0;
            for (int s = 10; s <= seconds && tally.NodesRanOut == 0; s += 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                long now = tally.RowsAcked;
                output.WriteLine(Invariant($"  t={run.Elapsed.TotalSeconds,5:F0} s  {(now - previous) / 10.0,9:N0} metric-windows/s over the last 10 s"));
                previous = now;
            }
            TimeSpan elapsed = run.Elapsed - t0;
            long rows = tally.RowsAcked - rows0, acked = tally.BatchesAcked - batches0;
            Cpu end = Cpu.Sample(broker, fleet, postmaster);
            output.WriteLine(Invariant($"  SUSTAINED: {rows / elapsed.TotalSeconds:N0} metric-windows/s ({rows:N0} committed and acked in {elapsed.TotalSeconds:F0} s after {warmup} s of warm-up; {acked / elapsed.TotalSeconds:F1} batches/s)"));
            output.WriteLine(Invariant($"  ack timeouts: {tally.AckTimeouts}; rejected batches: {tally.Rejected}; nodes out of backlog: {tally.NodesRanOut}"));
            Cpu used = end - start;
            double wall = elapsed.TotalSeconds;
            output.WriteLine(Invariant($"  CPU over the measured period (of {Environment.ProcessorCount} cores × {wall:F0} s = {Environment.ProcessorCount * wall:F0} core-s):"));
            output.WriteLine(Invariant($"    fleet process      {used.Fleet.TotalSeconds,6:F1} core-s ({used.Fleet.TotalSeconds / wall * 100,4:F0} % of one core)"));
            output.WriteLine(Invariant($"    mosquitto          {used.Broker.TotalSeconds,6:F1} core-s ({used.Broker.TotalSeconds / wall * 100,4:F0} %)"));
            if (postmaster is not null)
            {
                output.WriteLine(Invariant($"    postgres (all)     {used.Postgres.TotalSeconds,6:F1} core-s ({used.Postgres.TotalSeconds / wall * 100,4:F0} %)"));
            }
            output.WriteLine(Invariant($"    simulated nodes    {used.Nodes.TotalSeconds,6:F1} core-s ({used.Nodes.TotalSeconds / wall * 100,4:F0} %) (this process: {batches.Length} MQTT clients)"));
            await stop.CancelAsync();
            await Task.WhenAll(draining);
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        }
        string[] lines = fleet.Output.Split('\n');
        foreach (string line in lines.Where(l => l.Contains("Ingest timings", StringComparison.Ordinal)).Concat(lines.Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("Dead letter", StringComparison.Ordinal)).TakeLast(5)))
        {
            output.WriteLine($"  fleet: {line.TrimEnd()}");
        }
        await fleet.TerminateAsync();
    }

    /// <summary>Decoding and classifying alone, on one core: the fleet's share of the work that is not the database.</summary>
    private static void MeasureClassifier(byte[][][] batches, TextWriter output)
    {
        byte[][] payloads = batches.SelectMany(b => b.Take(1)).Take(1000).ToArray();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long rows = 0;
        for (int i = 0; i < 200; i++)
        {
            rows += MessageClassifier.Classify($"edge/{BacklogBatches.NodeId(i)}/up/batch", payloads[i], now).RowCount;
        }
        rows = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < payloads.Length; i++)
        {
            rows += MessageClassifier.Classify($"edge/{BacklogBatches.NodeId(i)}/up/batch", payloads[i], now).RowCount;
        }
        output.WriteLine(Invariant($"  MessageClassifier alone (inflate, decode, validate, rows), one thread: {rows / clock.Elapsed.TotalSeconds:N0} metric-windows/s ({clock.Elapsed.TotalMilliseconds / payloads.Length:F2} ms per batch)"));
    }

    private static async Task<int> PostmasterAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        int backend = (int)(await command.ExecuteScalarAsync())!;
        string stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is string value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Cpu(TimeSpan Broker, TimeSpan Fleet, TimeSpan Postgres, TimeSpan Nodes)
    {
        public static Cpu Sample(MosquittoBroker broker, ChildProcess fleet, int? postmaster) => new(
            broker.ProcessId is int b ? ProcessCpu.OfTree(b) : TimeSpan.Zero,
            fleet.ProcessId is int f ? ProcessCpu.OfTree(f) : TimeSpan.Zero,
            postmaster is int p ? ProcessCpu.OfTree(p) : TimeSpan.Zero,
            ProcessCpu.OfSelf());

        public static Cpu operator -(Cpu a, Cpu b) => new(a.Broker - b.Broker, a.Fleet - b.Fleet, a.Postgres - b.Postgres, a.Nodes - b.Nodes);
    }
}
