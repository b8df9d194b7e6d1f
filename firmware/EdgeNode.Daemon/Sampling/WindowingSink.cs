using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Calibration;
using EdgeNode.Daemon.Status;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// What the running node does with each sample: add it to the window in progress (raw), let the pollution
/// alerts see the particulate values at once rather than when the window closes (calibrated, so that a sensor known
/// to read high does not alert), and keep each sensor's state current for the status report.
/// </summary>
/// <param name="calibration">The fleet's set in force; none when null.</param>
public sealed class WindowingSink(WindowAggregator aggregator, PollutionAlertEvaluator alerts, SensorStatusBoard board, CalibrationInForce? calibration = null) : ISampleSink
{
    public void Reading(string sensor, IReadOnlyList<Measurement> measurements, DateTimeOffset at, TimeSpan standsFor)
    {
        aggregator.RecordReading(sensor, measurements, at, standsFor);
        alerts.Observe(calibration?.Apply(sensor, measurements) ?? measurements, at);
        board.Good(sensor, at);
    }

    public void Fault(string sensor, SensorFaultException fault, DateTimeOffset at)
    {
        aggregator.RecordFault(sensor, fault.Kind, at);
        board.Faulty(sensor, fault, at);
    }

    public void Passages(string sensor, IReadOnlyList<VehiclePassage> passages, DateTimeOffset listenedFrom, TimeSpan listenedFor)
    {
        board.Good(sensor, listenedFrom + listenedFor);
        // Listening without a fault is coverage even on an empty road: it tells "no vehicle" from "not listening".
        aggregator.RecordReading(sensor, [], listenedFrom, listenedFor);
        aggregator.RecordPassages(passages);
    }
}
