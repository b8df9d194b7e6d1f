using EdgeNode.Hardware;
using EdgeNode.Sensors;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Listens to the traffic sensor without pause, in slices, and delivers each slice's passages. A failure
/// is reported and retried after a growing back-off, on the radar opened afresh when the connection was lost
/// (<see cref="ConnectionLost"/>); an empty road is not a failure.
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
                    sink.Passages(sensor, passages, from, time.GetUtcNow() - from);
                    _failures.Succeeded();
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
