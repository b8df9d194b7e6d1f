using System.Collections.Concurrent;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// When each node's latest message reached this fleet instance, by the fleet's own clock. A node's stamps say when it
/// measured, not when it spoke: a node back-filling a week speaks now with week-old stamps. Kept in memory, so it only
/// ever spares a node that is speaking; after a restart, or with several instances sharing ingest, the stamps decide
/// as before.
/// </summary>
public sealed class NodeActivity
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);

    public void Heard(string nodeId, DateTimeOffset at) =>
        _lastHeard.AddOrUpdate(nodeId, at, (_, previous) => at > previous ? at : previous);

    public DateTimeOffset? LastHeard(string nodeId) => _lastHeard.TryGetValue(nodeId, out DateTimeOffset at) ? at : null;
}
