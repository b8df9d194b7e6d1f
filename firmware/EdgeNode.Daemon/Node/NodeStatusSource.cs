using System.Reflection;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Health;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Node;

/// <summary>The node's state as <c>edgenode status</c>, the status LED's neighbours and the fleet's health message see it.</summary>
public sealed class NodeStatusSource(IOptions<NodeOptions> node, TimeProvider time, ClockFollower clock, WindowBuffer buffer, SensorStatusBoard board, UplinkService uplink)
{
    private readonly NodeVitalsProbe _vitals = new(node.Value.DataDirectory);

    public static string FirmwareVersion { get; } =
        typeof(NodeStatusSource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public NodeStatus Current() =>
        new(node.Value.Id, FirmwareVersion, time.GetUtcNow(), clock.Follow(), _vitals.Read(), buffer.Status(), board.Snapshot(), uplink.Status);

    /// <summary>The status in the protocol's terms, for the uplink's health message.</summary>
    public HealthReport Health()
    {
        UplinkStatus link = uplink.Status;
        return HealthReports.From(Current(), link.LastSyncAt, link.AppliedConfigRevision);
    }
}
