using System.Diagnostics;
using System.Globalization;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Benchmarks;

/// <summary>One measured run: fresh store, a warm-up batch, then batches until the row target, timing only CommitAsync.</summary>
internal static class IngestRun
{
    public static async Task<double> RunAsync(string label, IFleetStore store, CommitTimings? timings, BacklogWorkload workload, int rounds, int writers, TextWriter output)
    {
        await store.InitialiseAsync(CancellationToken.None);

        // Warm-up: JIT, pool, staging tables. Round -1 is a different day, so it does not turn the run into updates.
        foreach (IngestBatch warmUp in workload.Batches(-1, 1).Take(1))
        {
            await store.CommitAsync(warmUp, CancellationToken.None);
        }

        timings?.Reset();
        long rows = 0;
        long commits = 0;
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            workload.Batches(0, rounds),
            new ParallelOptions { MaxDegreeOfParallelism = writers },
            async (batch, ct) =>
            {
                await store.CommitAsync(batch, ct);
                Interlocked.Add(ref rows, batch.Metrics.Count);
                Interlocked.Increment(ref commits);
            });
        wall.Stop();

        double perSecond = rows / wall.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-44} {rows,10:N0} rows in {commits,4} commits of {workload.RowsPerBatch:N0}, {writers} writer(s): {wall.Elapsed.TotalSeconds,7:F1} s = {perSecond,9:N0} metric-windows/s"));
        if (timings is not null)
        {
            foreach ((string stage, TimeSpan spent) in timings.ByStage.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {stage,-48} {spent.TotalSeconds,7:F2} s  {spent / wall.Elapsed,6:P0}  {spent.TotalMilliseconds / commits,7:F1} ms/commit"));
            }
        }

        return perSecond;
    }
}
