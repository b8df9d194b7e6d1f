using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Benchmarks;

/// <summary>
/// Batches shaped like a fleet catching up after an outage: every node sends its backlog of
/// <see cref="WindowsPerNode"/> fifteen-minute windows × <see cref="Metrics"/> metrics, and the ingest groups several
/// nodes' messages into one commit. Deterministic, so that runs compare.
/// </summary>
internal sealed class BacklogWorkload(int nodes, int nodesPerBatch)
{
    public const int WindowsPerNode = 24;

    private static readonly (string Sensor, string Metric)[] Metrics =
    [
        ("sds011", "pm25"), ("sds011", "pm10"), ("bme280", "temperature"), ("bme280", "humidity"), ("bme280", "pressure"),
        ("scd4x", "co2"), ("no2", "no2"), ("pms5003", "pm1"), ("pms5003", "pm25"), ("pms5003", "pm10"),
    ];

    private static readonly DateTimeOffset FirstDay = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int MetricsPerWindow => Metrics.Length;

    public int RowsPerBatch => nodesPerBatch * WindowsPerNode * Metrics.Length;

    /// <summary>Batches for <paramref name="rounds"/> rounds of backlog; round r covers windows 24r … 24r+23 of every node.</summary>
    public IEnumerable<IngestBatch> Batches(int firstRound, int rounds)
    {
        for (int round = firstRound; round < firstRound + rounds; round++)
        {
            for (int firstNode = 0; firstNode < nodes; firstNode += nodesPerBatch)
            {
                var batch = new IngestBatch();
                for (int node = firstNode; node < Math.Min(nodes, firstNode + nodesPerBatch); node++)
                {
                    AddBacklog(batch, node, round);
                }

                yield return batch;
            }
        }
    }

    private static void AddBacklog(IngestBatch batch, int node, int round)
    {
        string nodeId = $"node-{node:0000}";
        for (int window = 0; window < WindowsPerNode; window++)
        {
            DateTimeOffset start = FirstDay.AddMinutes(15 * (round * WindowsPerNode + window));
            for (int m = 0; m < Metrics.Length; m++)
            {
                double value = ((node * 31) + (window * 7) + m) % 97 / 3.0;
                batch.Metrics.Add(new MetricWindowRow(
                    nodeId, Metrics[m].Sensor, Metrics[m].Metric, start, 900, 0, false, 30, value, value - 1, value + 1, value, 1.0, 0, null, 3));
            }
        }
    }
}
