using EdgeNode.Hardware;
using EdgeNode.Sensors;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Reads one air sensor on its schedule for as long as the node runs. A sensor that sleeps is woken, left
/// to warm up (those samples are never taken), read, and put back to sleep. A failure is reported and
/// retried after a growing back-off, on the sensor opened afresh when the connection was lost
/// (<see cref="ConnectionLost"/>); nothing a sensor does stops the loop, and nothing stops another loop.
/// </summary>
public sealed class EnvironmentalSamplingLoop(
    string sensor,
    Func<CancellationToken, Task<IEnvironmentalSensor>> open,
    SamplingSchedule schedule,
    ISampleSink sink,
    SamplingHeartbeat heartbeat,
    FaultBackoff backoff,
    TimeProvider time,
    ILogger logger)
{
    // A sensor that says it is still warming up (an SCD4x's first 5 s) is asked again this soon.
    private static readonly TimeSpan WarmingUpRetry = TimeSpan.FromSeconds(5);

    private readonly FailureStreak _failures = new(sensor, sink, backoff, time, logger);
    private IEnvironmentalSensor? _device;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                DateTimeOffset cycleStart = time.GetUtcNow();
                TimeSpan wait = await SampleOnceAsync(cycleStart, cancellationToken).ConfigureAwait(false);
                heartbeat.Beat(sensor, (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) + schedule.Interval + schedule.ReadingTime);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await SleepQuietlyAsync().ConfigureAwait(false);
            _device?.Dispose();
        }
    }

    /// <summary>One cycle: open if needed, wake and warm up if needed, read. Returns how long to wait before the next.</summary>
    private async Task<TimeSpan> SampleOnceAsync(DateTimeOffset cycleStart, CancellationToken cancellationToken)
    {
        try
        {
            _device ??= await open(cancellationToken).ConfigureAwait(false);
            if (_device is IDutyCycledSensor sleeper)
            {
                await ReadAwakeAsync(sleeper, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                sink.Reading(sensor, await _device.ReadAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow(), schedule.Interval);
            }

            _failures.Succeeded();
            return schedule.Interval - (time.GetUtcNow() - cycleStart);
        }
        catch (SensorFaultException e) when (e.Kind == SensorFaultKind.WarmingUp)
        {
            // Getting ready is not a failure; the windows only count readings that failed.
            return WarmingUpRetry;
        }
        catch (Exception e) when (e is SensorFaultException or DeviceAccessException)
        {
            if (ConnectionLost.Means(e))
            {
                Close();
            }

            return _failures.Failed(e);
        }
    }

    private void Close()
    {
        _device?.Dispose();
        _device = null;
    }

    private async Task ReadAwakeAsync(IDutyCycledSensor sleeper, CancellationToken cancellationToken)
    {
        await sleeper.WakeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(sleeper.WarmUp, time, cancellationToken).ConfigureAwait(false);
            var readings = new List<(IReadOnlyList<Measurement> Values, DateTimeOffset At)>();
            DateTimeOffset until = time.GetUtcNow() + schedule.ReadingTime;
            do
            {
                readings.Add((await sleeper.ReadAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow()));
                if (time.GetUtcNow() + schedule.ReadingSpacing > until)
                {
                    break;
                }

                await Task.Delay(schedule.ReadingSpacing, time, cancellationToken).ConfigureAwait(false);
            }
            while (true);

            // A value holds until the next reading is due: the next of this awake period, and for the last
            // one the first of the next period, once that has warmed up. So a healthy duty cycle covers its
            // whole window although the fan ran a seventh of the time.
            DateTimeOffset nextPeriodFirstReading = readings[0].At + schedule.Interval;
            for (int i = 0; i < readings.Count; i++)
            {
                DateTimeOffset nextDue = i + 1 < readings.Count ? readings[i + 1].At : nextPeriodFirstReading;
                sink.Reading(sensor, readings[i].Values, readings[i].At, nextDue - readings[i].At);
            }
        }
        finally
        {
            await SleepQuietlyAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sleeping is best effort: a sensor that does not hear it will be woken (or found faulty) next cycle.</summary>
    private async Task SleepQuietlyAsync()
    {
        if (_device is not IDutyCycledSensor sleeper)
        {
            return;
        }

        try
        {
            await sleeper.SleepAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SensorFaultException or DeviceAccessException or ObjectDisposedException)
        {
            logger.LogDebug("Sensor {Sensor} did not confirm sleeping: {Message}", sensor, e.Message);
        }
    }
}
