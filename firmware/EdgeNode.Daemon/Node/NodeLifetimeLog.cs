using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.NodeHardware;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Node;

/// <summary>
/// The two lines an operator looks for: the node samples (once every stage has started, registered last for that),
/// and the node has stopped (once every stage has stopped), with what waits in the buffer.
/// </summary>
public sealed class NodeLifetimeLog(
    IOptions<NodeOptions> node, INodeHardware hardware, SensorsFound sensors, IOptions<WindowAggregationOptions> aggregation, WindowBuffer buffer,
    IHostApplicationLifetime lifetime, ILogger<NodeLifetimeLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Node {Node} sampling {Count} sensors ({Sensors}) on {Hardware}; windows of {Minutes} min in {Buffer}",
            node.Value.Id, sensors.All.Count, string.Join(", ", sensors.All.Select(s => s.Name)), hardware.Name, aggregation.Value.WindowLength.TotalMinutes, buffer.Status().DatabasePath);
        lifetime.ApplicationStopped.Register(() =>
            logger.LogInformation("Node {Node} stopped; windows waiting in the buffer: {Unsent}", node.Value.Id, buffer.Status().UnsentWindows));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
