using EdgeNode.Daemon.NodeHardware;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// The first stage of the node's flow: a sampling loop per fitted sensor, delivering to the <see cref="ISampleSink"/>.
/// The loops run once <see cref="StartAsync"/> returns; on stop they get <see cref="LoopsStopWithin"/> to end.
/// </summary>
/// <param name="observers">Told when a sensor is identified; the emulated node puts its start faults on the wire then.</param>
public sealed class SamplingService(
    SensorsFound sensors, ISampleSink sink, SamplingHeartbeat heartbeat, TimeProvider time, IEnumerable<ISensorIdentifiedObserver> observers, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>Short enough that a slice's listening and passages reach the aggregator within its late-arrival grace.</summary>
    public static readonly TimeSpan RadarSlice = TimeSpan.FromSeconds(5);

    /// <summary>Real time the sampling loops get to end on stop (a sensor asked to sleep gets less); well inside systemd's TimeoutStopSec=60.</summary>
    public static readonly TimeSpan LoopsStopWithin = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggers.CreateLogger<SamplingService>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ISensorIdentifiedObserver[] _observers = [.. observers];
    private Task[] _loops = [];

    /// <summary>How often a sensor is expected to report, for its status.</summary>
    public static TimeSpan ExpectedInterval(FittedSensor sensor) => sensor.OpenVehicleCounter is not null ? RadarSlice : Schedule(sensor.Name).Interval;

    /// <summary>Starts the loops before returning, so that the node has started once it samples.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = [.. sensors.All.Select(RunLoop)];
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await _stop.CancelAsync();
        await StopLoopsAsync();
    }

    public override void Dispose()
    {
        _stop.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Waits for the loops to end, but no longer than <see cref="LoopsStopWithin"/> of real time: a loop held by a
    /// driver call that ignores cancellation must not cost the window in progress, which is stored next.
    /// </summary>
    private async Task StopLoopsAsync()
    {
        try
        {
            await Task.WhenAll(_loops).WaitAsync(LoopsStopWithin, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            string stuck = string.Join(", ", sensors.All.Where((_, i) => !_loops[i].IsCompleted).Select(s => s.Name));
            _logger.LogWarning("Sampling of {Sensors} did not stop within {Seconds} s; storing the window in progress without waiting for it", stuck, LoopsStopWithin.TotalSeconds);
        }
    }

    private Task RunLoop(FittedSensor sensor)
    {
        ILogger logger = loggers.CreateLogger($"EdgeNode.Sensor.{sensor.Name}");
        return sensor.OpenVehicleCounter is { } openCounter
            ? new TrafficSamplingLoop(sensor.Name, Identifying(sensor.Name, openCounter), RadarSlice, sink, heartbeat, FaultBackoff.Default, time, logger).RunAsync(_stop.Token)
            : new EnvironmentalSamplingLoop(sensor.Name, Identifying(sensor.Name, sensor.OpenEnvironmental!), Schedule(sensor.Name), sink, heartbeat, FaultBackoff.Default, time, logger).RunAsync(_stop.Token);
    }

    /// <summary><paramref name="open"/>, telling the observers when it succeeds.</summary>
    private Func<CancellationToken, Task<T>> Identifying<T>(string sensor, Func<CancellationToken, Task<T>> open) => async cancellationToken =>
    {
        T device = await open(cancellationToken).ConfigureAwait(false);
        foreach (ISensorIdentifiedObserver observer in _observers)
        {
            observer.Identified(sensor);
        }

        return device;
    };

    private static SamplingSchedule Schedule(string sensor) =>
        sensor is SensorWiring.Sds011 or SensorWiring.Pms5003 ? SamplingSchedule.DutyCycledParticulates : SamplingSchedule.EveryMinute;
}
