using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// What the running node does with each sample: add it to the window in progress, and let the pollution
/// alerts see the particulate values at once rather than when the window closes.
/// </summary>
public sealed class WindowingSink(WindowAggregator aggregator, PollutionAlertEvaluator alerts) : ISampleSink
{
    public void Reading(string sensor, IReadOnlyList<Measurement> measurements, DateTimeOffset at, TimeSpan standsFor)
    {
        aggregator.RecordReading(sensor, measurements, at, standsFor);
        alerts.Observe(measurements, at);
    }

    public void Fault(string sensor, SensorFaultException fault, DateTimeOffset at) => aggregator.RecordFault(sensor, fault.Kind, at);

    public void Passages(string sensor, IReadOnlyList<VehiclePassage> passages, DateTimeOffset listenedFrom, TimeSpan listenedFor)
    {
        // Listening without a fault is coverage even on an empty road: it tells "no vehicle" from "not listening".
        aggregator.RecordReading(sensor, [], listenedFrom, listenedFor);
        aggregator.RecordPassages(passages);
    }
}
