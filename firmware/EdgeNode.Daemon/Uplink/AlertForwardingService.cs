using EdgeNode.Daemon.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// Pollution alerts, raised as samples arrive, go to the uplink's own queue, which it sends ahead of any window, so an
/// alert never waits behind the backlog. Stopped after sampling, it forwards the last alerts, then ends.
/// </summary>
public sealed class AlertForwardingService(PollutionAlertEvaluator alerts, UplinkService uplink, ILogger<AlertForwardingService> logger) : BackgroundService
{
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        alerts.Complete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (PollutionAlert alert in alerts.Alerts.ReadAllAsync(CancellationToken.None))
        {
            if (uplink.Uplink is { } link)
            {
                link.Alerts.TryWrite(alert);
                continue;
            }

            logger.LogWarning("Pollution alert {Transition}: {Metric} rolling mean {Mean:0.0} µg/m³, threshold {Threshold:0.0} ({Band}); no uplink configured to send it",
                alert.Transition, alert.Metric, alert.RollingMeanMicrogramsPerCubicMetre, alert.ThresholdMicrogramsPerCubicMetre, alert.Band);
        }
    }
}
