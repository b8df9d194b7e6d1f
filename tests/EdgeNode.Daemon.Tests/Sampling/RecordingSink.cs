using System.Collections.Concurrent;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Sampling;

/// <summary>
/// Records what the loops deliver, and stops them once the clock passes <paramref name="stopAt"/> or
/// <paramref name="stopWhen"/> holds.
/// </summary>
internal sealed class RecordingSink(TimeProvider time, DateTimeOffset stopAt, Func<RecordingSink, bool>? stopWhen = null) : ISampleSink
{
    public CancellationTokenSource Stop { get; } = new();

    public ConcurrentQueue<(string Sensor, IReadOnlyList<Measurement> Values, DateTimeOffset At, TimeSpan StandsFor)> Readings { get; } = new();

    public ConcurrentQueue<(string Sensor, SensorFaultKind Kind, DateTimeOffset At)> Faults { get; } = new();

    public ConcurrentQueue<VehiclePassage> Passages { get; } = new();

    /// <summary>Each slice the traffic sensor listened to without fault.</summary>
    public ConcurrentQueue<(string Sensor, DateTimeOffset From, TimeSpan For)> Listening { get; } = new();

    /// <summary>Called between deliveries too, for loops that may deliver nothing for a long time.</summary>
    public void CheckClock()
    {
        if (time.GetUtcNow() >= stopAt || stopWhen?.Invoke(this) == true)
        {
            Stop.Cancel();
        }
    }

    public void Reading(string sensor, IReadOnlyList<Measurement> measurements, DateTimeOffset at, TimeSpan standsFor)
    {
        Readings.Enqueue((sensor, measurements, at, standsFor));
        CheckClock();
    }

    public void Fault(string sensor, SensorFaultException fault, DateTimeOffset at)
    {
        Faults.Enqueue((sensor, fault.Kind, at));
        CheckClock();
    }

    void ISampleSink.Passages(string sensor, IReadOnlyList<VehiclePassage> passages, DateTimeOffset listenedFrom, TimeSpan listenedFor)
    {
        Listening.Enqueue((sensor, listenedFrom, listenedFor));
        foreach (VehiclePassage p in passages)
        {
            Passages.Enqueue(p);
        }

        CheckClock();
    }
}
