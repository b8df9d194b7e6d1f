using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Sampling;

/// <summary>Where the sampling loops deliver what they read: the aggregator, in the running node.</summary>
public interface ISampleSink
{
    /// <param name="sensor">The sensor's configured name, e.g. "bme280".</param>
    /// <param name="standsFor">How much time this one reading represents, for the window's coverage.</param>
    void Reading(string sensor, IReadOnlyList<Measurement> measurements, DateTimeOffset at, TimeSpan standsFor);

    void Fault(string sensor, SensorFaultException fault, DateTimeOffset at);

    /// <summary>The traffic sensor listened from <paramref name="listenedFrom"/> for <paramref name="listenedFor"/> and saw these passages (perhaps none).</summary>
    void Passages(string sensor, IReadOnlyList<VehiclePassage> passages, DateTimeOffset listenedFrom, TimeSpan listenedFor);
}
