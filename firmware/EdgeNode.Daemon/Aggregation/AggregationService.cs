using Microsoft.Extensions.Hosting;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// The second stage: closes windows on time even when nothing is reported, into <see cref="WindowAggregator.ClosedWindows"/>.
/// Stopped after sampling (the host stops services in reverse order of registration), it then closes the window in
/// progress as a partial one and completes the channel, which ends the storing stage.
/// </summary>
public sealed class AggregationService(WindowAggregator aggregator) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await aggregator.RunAsync(stoppingToken);
        }
        finally
        {
            aggregator.Stop();
        }
    }
}
