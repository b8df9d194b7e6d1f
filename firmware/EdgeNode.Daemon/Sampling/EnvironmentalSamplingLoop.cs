using EdgeNode.Hardware;
using EdgeNode.Sensors;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Reads one air sensor on its schedule for as long as the node runs. A sensor that sleeps is woken, left
/// to warm up (those samples are never taken), read, and put back to sleep. A failure is reported and
/// retried after a growing back-off, on the sensor opened afresh when the connection was lost
/// (<see cref="ConnectionLost"/>); nothing a sensor does stops the loop, and nothing stops another loop. An error
/// that is no sensor fault (a bug) is logged and retried the same way: a loop that ended would leave its sensor
/// silently unread until the service restarts. Stopping is bounded: a sensor that does not confirm sleeping is given
/// <see cref="SleepOnStopBudget"/>, not its whole answer time-out.
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

    /// <summary>
    /// Real time the stopping loop gives a sensor to confirm sleeping: well inside systemd's stop time-out, so that
    /// the window in progress is stored whatever the sensor does. One that does not hear it sleeps at the next start.
    /// </summary>
    public static readonly TimeSpan SleepOnStopBudget = TimeSpan.FromSeconds(1);

    private readonly FailureStreak _failures = new(sensor, sink, backoff, time, logger);
    private readonly UnexpectedErrors _errors = new(sensor, backoff, logger);
    private IEnvironmentalSensor? _device;

    // From the wake command until the sleep is confirmed: a sensor that may be running is put to sleep on stop.
    private bool _mayBeAwake;

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
            if (_mayBeAwake)
            {
                using var budget = new CancellationTokenSource(SleepOnStopBudget);
                await SleepQuietlyAsync(budget.Token).ConfigureAwait(false);
            }

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
            _errors.Succeeded();
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
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return _errors.Failed(e);
        }
    }

    private void Close()
    {
        _device?.Dispose();
        _device = null;
    }

    private async Task ReadAwakeAsync(IDutyCycledSensor sleeper, CancellationToken cancellationToken)
    {
        _mayBeAwake = true;
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
            // whole window although the fan ran a seventh of the time. A process stalled on a loaded machine can make
            // the awake period outlast the cycle: the next wake is then due at once, and the last value holds for nothing.
            DateTimeOffset nextPeriodFirstReading = readings[0].At + schedule.Interval;
            if (nextPeriodFirstReading < readings[^1].At)
            {
                nextPeriodFirstReading = readings[^1].At;
            }

            for (int i = 0; i < readings.Count; i++)
            {
                DateTimeOffset nextDue = i + 1 < readings.Count ? readings[i + 1].At : nextPeriodFirstReading;
                sink.Reading(sensor, readings[i].Values, readings[i].At, nextDue - readings[i].At);
            }
        }
        finally
        {
            // Cancelled by a stop, the sleep is left to the loop's end, within its budget.
            if (!cancellationToken.IsCancellationRequested)
            {
                await SleepQuietlyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sleeping is best effort: a sensor that does not hear it will be woken (or found faulty) next cycle.</summary>
    private async Task SleepQuietlyAsync(CancellationToken cancellationToken)
    {
        if (_device is not IDutyCycledSensor sleeper)
        {
            return;
        }

        try
        {
            await sleeper.SleepAsync(cancellationToken).ConfigureAwait(false);
            _mayBeAwake = false;
        }
        catch (Exception e) when (e is SensorFaultException or DeviceAccessException or ObjectDisposedException or OperationCanceledException)
        {
            logger.LogDebug("Sensor {Sensor} did not confirm sleeping: {Message}", sensor, e.Message);
        }
    }
}
