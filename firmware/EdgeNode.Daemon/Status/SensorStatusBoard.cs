using System.Collections.Concurrent;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Status;

/// <summary>The latest state of each sensor, kept current by the sampling loops for the status report.</summary>
public sealed class SensorStatusBoard
{
    private readonly ConcurrentDictionary<string, SensorState> _states = new();

    public void Good(string sensor, DateTimeOffset at) =>
        _states.AddOrUpdate(sensor, _ => new SensorState(sensor, at, null, null, null), (_, s) => s with { LastGoodAt = at, LastFault = null });

    public void Faulty(string sensor, SensorFaultException fault, DateTimeOffset at) =>
        _states.AddOrUpdate(sensor, _ => new SensorState(sensor, null, fault.Kind, fault.Message, at),
            (_, s) => s with { LastFault = fault.Kind, LastFaultMessage = fault.Message, LastFaultAt = at });

    public IReadOnlyList<SensorState> Snapshot() => _states.Values.OrderBy(s => s.Sensor, StringComparer.Ordinal).ToArray();
}
