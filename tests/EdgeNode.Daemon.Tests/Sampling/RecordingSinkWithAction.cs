using EdgeNode.Daemon.Sampling;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Sampling;

/// <summary>Passes everything to a sink and runs a scripted change of the world before each delivery.</summary>
internal sealed class RecordingSinkWithAction(ISampleSink inner, Action beforeEach) : ISampleSink
{
    public void Reading(string sensor, IReadOnlyList<Measurement> measurements, DateTimeOffset at, TimeSpan standsFor)
    {
        beforeEach();
        inner.Reading(sensor, measurements, at, standsFor);
    }

    public void Fault(string sensor, SensorFaultException fault, DateTimeOffset at)
    {
        beforeEach();
        inner.Fault(sensor, fault, at);
    }

    public void Passages(string sensor, IReadOnlyList<VehiclePassage> passages, DateTimeOffset listenedFrom, TimeSpan listenedFor)
    {
        beforeEach();
        inner.Passages(sensor, passages, listenedFrom, listenedFor);
    }
}
