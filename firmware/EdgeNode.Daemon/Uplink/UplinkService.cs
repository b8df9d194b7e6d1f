using Microsoft.Extensions.Hosting;

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// The last stage: the link to the fleet, draining the buffer (a window leaves it only once the fleet has acknowledged
/// it) and sending alerts at once. Registered before the other stages, it is stopped after them, once the window in
/// progress at stop is stored.
/// </summary>
/// <param name="uplink">Null when no broker is configured: windows stay on the node.</param>
public sealed class UplinkService(NodeUplink? uplink) : BackgroundService
{
    /// <summary>The link, for the alerts stage; null when no broker is configured.</summary>
    public NodeUplink? Uplink => uplink;

    public UplinkStatus Status => uplink?.Status ?? UplinkStatus.Disabled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (uplink is null)
        {
            return;
        }

        await using (uplink)
        {
            await uplink.RunAsync(stoppingToken);
        }
    }
}
