using EdgeNode.Daemon.Sampling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Systemd;

/// <summary>
/// Feeds the watchdog at half its interval, on the real clock as systemd counts it, unless no sampling loop makes
/// progress (a hung process, which a restart cures); one late loop is a stalled sensor, said once here and shown
/// stale in the status, not a reason to restart the node.
/// </summary>
public sealed class WatchdogService(SystemdWatchdog watchdog, SamplingHeartbeat heartbeat, ILogger<WatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan period = watchdog.Interval is { } interval ? interval / 2 : TimeSpan.FromSeconds(30);
        IReadOnlyList<string> wereLate = [];
        bool wasHung = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<string> late = heartbeat.LateLoops();
                bool hung = heartbeat.IsHung;
                if (!hung)
                {
                    watchdog.Feed();
                }
                else if (!wasHung)
                {
                    logger.LogError("No sampling loop has made progress for over {Minutes} min ({Loops}): the process is hung; the watchdog is no longer fed so that systemd restarts the service",
                        SamplingHeartbeat.RealTimeFloor.TotalMinutes, string.Join(", ", late));
                }

                foreach (string loop in late.Except(wereLate))
                {
                    logger.LogWarning("Sensor {Sensor}: its sampling loop has stalled; its readings are reported stale until it moves again", loop);
                }

                foreach (string loop in wereLate.Except(late))
                {
                    logger.LogInformation("Sensor {Sensor}: its sampling loop moves again", loop);
                }

                wereLate = late;
                wasHung = hung;
                await Task.Delay(period, TimeProvider.System, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
