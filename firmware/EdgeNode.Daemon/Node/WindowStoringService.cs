using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Node;

/// <summary>
/// The third stage: every window the aggregator closes goes into the durable buffer, dated as the clock allows. It ends
/// when the aggregation stage completes its channel, after the window in progress at stop, not when asked to stop.
/// </summary>
public sealed class WindowStoringService(WindowAggregator aggregator, WindowBuffer buffer, ClockFollower clock, ILogger<WindowStoringService> logger) : BackgroundService
{
    /// <summary>Looks at the clock before sampling starts, so that the first window is marked as it should be.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        clock.Follow();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (ClosedWindow window in aggregator.ClosedWindows.ReadAllAsync(CancellationToken.None))
        {
            // Looked at first, so that a synchronisation is acted on as soon as a window closes after it.
            clock.Follow();
            BootStamp? stamp = null;
            if (window.Time == WindowTimeQuality.Unconfirmed)
            {
                stamp = clock.StampOf(window);
                if (stamp is null)
                {
                    logger.LogWarning("The window starting {Start:u} (clock not synchronised) cannot be placed on the time since boot: the clock was stepped by about a window's length. It stays flagged Unconfirmed.", window.Start);
                }
            }

            buffer.Append(window, stamp);
        }
    }
}
