using EdgeNode.Hardware;
using EdgeNode.Sensors;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// One sensor's run of consecutive failures, shared by the sampling loops: each failure is delivered to the
/// windows, the first of a run and the recovery are logged (the repeats are in the windows' fault counts),
/// and the back-off grows with the run.
/// </summary>
internal sealed class FailureStreak(string sensor, ISampleSink sink, FaultBackoff backoff, TimeProvider time, ILogger logger)
{
    public int Count { get; private set; }

    /// <summary>Reports the failure and returns how long to wait before trying again.</summary>
    /// <param name="failure">A <see cref="SensorFaultException"/>, or a <see cref="DeviceAccessException"/> from opening the bus or port.</param>
    public TimeSpan Failed(Exception failure)
    {
        SensorFaultException fault = failure as SensorFaultException
            ?? ((DeviceAccessException)failure).ToSensorFault(sensor, sensor, identifying: true);
        Count++;
        sink.Fault(sensor, fault, time.GetUtcNow());
        if (Count == 1)
        {
            logger.LogWarning("Sensor {Sensor} fault {Kind}: {Message}", sensor, fault.Kind, fault.Message);
        }

        return backoff.Delay(Count);
    }

    public void Succeeded()
    {
        if (Count > 0)
        {
            logger.LogInformation("Sensor {Sensor} recovered after {Failures} failed attempts", sensor, Count);
        }

        Count = 0;
    }
}
