using EdgeNode.Hardware;
using EdgeNode.Sensors;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Listens to the traffic sensor without pause, in slices, and delivers each slice's passages. A failure
/// is reported and retried after a growing back-off, on the radar opened afresh when the connection was lost
/// (<see cref="ConnectionLost"/>); an empty road is not a failure. An error that is no sensor fault is logged and
/// retried the same way, never the end of the loop.
/// </summary>
public sealed class TrafficSamplingLoop(
    string sensor,
    Func<CancellationToken, Task<IVehicleCounter>> open,
    TimeSpan slice,
    ISampleSink sink,
    SamplingHeartbeat heartbeat,
    FaultBackoff backoff,
    TimeProvider time,
    ILogger logger)
{
    private readonly FailureStreak _failures = new(sensor, sink, backoff, time, logger);
    private readonly UnexpectedErrors _errors = new(sensor, backoff, logger);
    private IVehicleCounter? _device;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                TimeSpan wait = TimeSpan.Zero;
                try
                {
                    _device ??= await open(cancellationToken).ConfigureAwait(false);
                    DateTimeOffset from = time.GetUtcNow();
                    IReadOnlyList<VehiclePassage> passages = await _device.ListenAsync(slice, cancellationToken).ConfigureAwait(false);
                    // The wall clock may have been set back meanwhile: the slice then counts as no listening time.
                    TimeSpan listened = time.GetUtcNow() - from;
                    sink.Passages(sensor, passages, from, listened > TimeSpan.Zero ? listened : TimeSpan.Zero);
                    _failures.Succeeded();
                    _errors.Succeeded();
                }
                catch (Exception e) when (e is SensorFaultException or DeviceAccessException)
                {
                    if (ConnectionLost.Means(e))
                    {
                        _device?.Dispose();
                        _device = null;
                    }

                    wait = _failures.Failed(e);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    wait = _errors.Failed(e);
                }

                heartbeat.Beat(sensor, wait + slice + slice);
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
            _device?.Dispose();
        }
    }
}
