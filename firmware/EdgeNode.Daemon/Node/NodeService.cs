using EdgeNode.Daemon.Aggregation;
using System.Reflection;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Calibration;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.Health;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Sampling;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Hardware.Clock;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Daemon.Windows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Node;

/// <summary>
/// The node's life: a sampling loop per fitted sensor feeding the window aggregator and the pollution
/// alerts, every closed window stored durably, systemd's watchdog fed only while sampling makes progress. It has
/// started (and systemd, through the host's lifetime, is told READY=1) once the buffer is open and the loops run. On
/// stop the window in progress is stored as a partial window.
/// </summary>
public sealed class NodeService(
    INodeHardware hardware,
    NodeOptions node,
    SensorWiring wiring,
    WindowAggregationOptions aggregation,
    PollutionAlertOptions alertOptions,
    UplinkOptions uplinkOptions,
    SystemdWatchdog watchdog,
    ILoggerFactory loggers,
    GpioOptions? gpio = null) : BackgroundService
{
    // Short enough that a slice's listening and passages reach the aggregator within its late-arrival grace.
    private static readonly TimeSpan RadarSlice = TimeSpan.FromSeconds(5);

    /// <summary>How often status.json is rewritten; <c>edgenode status</c> calls a status older than three of these stale.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromMinutes(1);

    /// <summary>Real time the sampling loops get to end on stop (a sensor asked to sleep gets less); well inside systemd's TimeoutStopSec=60.</summary>
    public static readonly TimeSpan LoopsStopWithin = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggers.CreateLogger<NodeService>();

    // Set once the node samples: until then the host has not started, and systemd is not told READY=1.
    private readonly TaskCompletionSource _sampling = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // FollowClock runs from the status loop and before each window is stored; one at a time.
    private readonly Lock _clockLock = new();
    private bool _restamped;
    private bool _sawUnsynchronised;

    // Wall minus monotonic while the clock was last seen unsynchronised: against the synchronised one, the step NTP made.
    private TimeSpan? _unsynchronisedOffset;

    /// <summary>
    /// A sensor's driver was opened: the sensor was found and identified. Raised again after each reopening; the
    /// emulated node puts its start faults on the wire then (<see cref="Emulation.RuntimeFaults.Identified"/>).
    /// </summary>
    public event Action<string>? SensorIdentified;

    /// <summary>The buffer, once the service has started; for status and for the tests.</summary>
    public WindowBuffer? Buffer { get; private set; }

    /// <summary>The link to the fleet, once started; null when no broker is configured.</summary>
    public NodeUplink? Uplink { get; private set; }

    /// <summary>Returns once the buffer is open and the sampling loops run, or start-up failed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(_sampling.Task, ExecuteTask ?? Task.CompletedTask).WaitAsync(cancellationToken);
    }

    /// <summary>The status LED, once started; null when <c>Gpio:StatusLedPin</c> is not set. The update agent sets "updating" on it.</summary>
    public StatusLight? StatusLight { get; private set; }

    /// <summary>How often the status LED follows the node's state.</summary>
    public static readonly TimeSpan StatusLightInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeProvider time = hardware.Time;
        var boot = new BootClock(hardware.BootId, time);
        Directory.CreateDirectory(node.DataDirectory);
        Directory.CreateDirectory(node.EffectiveStatusDirectory);
        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(node.DataDirectory, "buffer.db"), BootId = boot.BootId }, time, loggers.CreateLogger<WindowBuffer>());
        Buffer = buffer;
        var clock = new ClockFollowing(boot, buffer, new UnconfirmedWindowStamper(boot));

        I2cScanResult scan = I2cScanResult.Of(hardware, wiring.I2cBusId);
        IReadOnlyList<FittedSensor> sensors = FittedSensors.For(hardware, wiring, SensorWiring.Bme280AddressFrom(scan.Addresses));
        aggregation.VehicleCounterFitted = sensors.Any(s => s.OpenVehicleCounter is not null);
        var aggregator = new WindowAggregator(aggregation, time);
        foreach (FittedSensor sensor in sensors)
        {
            aggregator.Expect(sensor.Name);
        }

        FollowClock(aggregator, clock);
        var alerts = new PollutionAlertEvaluator(alertOptions);
        var board = new SensorStatusBoard(time);
        foreach (FittedSensor sensor in sensors)
        {
            board.Expect(sensor.Name, sensor.OpenVehicleCounter is not null ? RadarSlice : Schedule(sensor.Name).Interval);
        }

        var calibration = new CalibrationInForce();
        var sink = new WindowingSink(aggregator, alerts, board, calibration);
        var heartbeat = new SamplingHeartbeat(time, TimeProvider.System);
        var vitals = new NodeVitalsProbe(node.DataDirectory);
        NodeStatus CurrentStatus() => new(node.Id, FirmwareVersion, time.GetUtcNow(), FollowClock(aggregator, clock), vitals.Read(), buffer.Status(), board.Snapshot(), Uplink?.Status ?? UplinkStatus.Disabled);
        string trafficSensor = sensors.FirstOrDefault(s => s.OpenVehicleCounter is not null)?.Name ?? SensorWiring.Radar;
        await using NodeUplink? uplink = uplinkOptions.Enabled
            ? new NodeUplink(uplinkOptions, node.Id, buffer, trafficSensor, node.DataDirectory, time, () => HealthReports.From(CurrentStatus(), Uplink?.Status.LastSyncAt, Uplink?.Status.AppliedConfigRevision ?? 0), loggers, calibration)
            : null;
        Uplink = uplink;

        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task[] loops = sensors.Select(s => RunLoop(s, sink, heartbeat, time, stopSampling.Token)).ToArray();
        Task closing = aggregator.RunAsync(stopSampling.Token);
        Task storing = StoreWindowsAsync(aggregator, clock);
        Task alerting = ReportAlertsAsync(alerts, uplink);
        Task reporting = WriteStatusAsync(CurrentStatus, time, stopSampling.Token);
        Task syncing = uplink?.RunAsync(stopSampling.Token) ?? Task.CompletedTask;
        using StatusLight? light = gpio?.StatusLedPin is { } ledPin ? new StatusLight(hardware.OpenGpio(), ledPin, TimeProvider.System) : null;
        StatusLight = light;
        using SelfTestButton? button = gpio?.ButtonPin is { } buttonPin
            ? new SelfTestButton(hardware.OpenGpio(), buttonPin, light, _ => Task.FromResult(LiveSelfTest(board)), TimeProvider.System, _logger)
            : null;
        Task lighting = light is null ? Task.CompletedTask : ShowStatusAsync(light, () => StatusBlinkCodes.From(board.Snapshot(), Uplink?.Status ?? UplinkStatus.Disabled), stopSampling.Token);

        _logger.LogInformation("Node {Node} sampling {Count} sensors ({Sensors}) on {Hardware}; windows of {Minutes} min in {Buffer}",
            node.Id, sensors.Count, string.Join(", ", sensors.Select(s => s.Name)), hardware.Name, aggregation.WindowLength.TotalMinutes, buffer.Status().DatabasePath);
        _sampling.TrySetResult();
        await FeedWatchdogAsync(heartbeat, stoppingToken);

        await stopSampling.CancelAsync();
        await StopLoopsAsync(sensors, loops);
        await closing;
        aggregator.Stop();
        alerts.Complete();
        await Task.WhenAll(storing, alerting, reporting, lighting);
        await syncing;
        _logger.LogInformation("Node {Node} stopped; windows waiting in the buffer: {Unsent}", node.Id, buffer.Status().UnsentWindows);
    }

    /// <summary>
    /// Waits for the loops to end, but no longer than <see cref="LoopsStopWithin"/> of real time: a loop held by a
    /// driver call that ignores cancellation must not cost the window in progress, which is stored next.
    /// </summary>
    private async Task StopLoopsAsync(IReadOnlyList<FittedSensor> sensors, Task[] loops)
    {
        try
        {
            await Task.WhenAll(loops).WaitAsync(LoopsStopWithin, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            string stuck = string.Join(", ", sensors.Where((_, i) => !loops[i].IsCompleted).Select(s => s.Name));
            _logger.LogWarning("Sampling of {Sensors} did not stop within {Seconds} s; storing the window in progress without waiting for it", stuck, LoopsStopWithin.TotalSeconds);
        }
    }

    private Task RunLoop(FittedSensor sensor, ISampleSink sink, SamplingHeartbeat heartbeat, TimeProvider time, CancellationToken token)
    {
        ILogger logger = loggers.CreateLogger($"EdgeNode.Sensor.{sensor.Name}");
        return sensor.OpenVehicleCounter is { } openCounter
            ? new TrafficSamplingLoop(sensor.Name, Identifying(sensor.Name, openCounter), RadarSlice, sink, heartbeat, FaultBackoff.Default, time, logger).RunAsync(token)
            : new EnvironmentalSamplingLoop(sensor.Name, Identifying(sensor.Name, sensor.OpenEnvironmental!), Schedule(sensor.Name), sink, heartbeat, FaultBackoff.Default, time, logger).RunAsync(token);
    }

    /// <summary><paramref name="open"/>, raising <see cref="SensorIdentified"/> when it succeeds.</summary>
    private Func<CancellationToken, Task<T>> Identifying<T>(string sensor, Func<CancellationToken, Task<T>> open) => async cancellationToken =>
    {
        T device = await open(cancellationToken).ConfigureAwait(false);
        SensorIdentified?.Invoke(sensor);
        return device;
    };

    private sealed record ClockFollowing(BootClock Boot, WindowBuffer Buffer, UnconfirmedWindowStamper Stamper);

    /// <summary>
    /// Windows recorded while the clock is not synchronised carry <see cref="WindowTimeQuality.Unconfirmed"/>, so
    /// the fleet never takes a guessed time for a measured one, and are stored with their start on this boot's
    /// monotonic clock. Once the clock is synchronised (now, or at start: the daemon may have been restarted in
    /// the same boot) the buffer re-stamps them from it, and every such window stored later as it is stored.
    /// </summary>
    private ClockSynchronisation FollowClock(WindowAggregator aggregator, ClockFollowing following)
    {
        lock (_clockLock)
        {
            ClockSynchronisation clock = hardware.ReadClockSynchronisation();
            WindowTimeQuality quality = clock == ClockSynchronisation.Synchronised ? WindowTimeQuality.Synchronised : WindowTimeQuality.Unconfirmed;
            if (aggregator.TimeQuality != quality)
            {
                _logger.Log(quality == WindowTimeQuality.Synchronised ? LogLevel.Information : LogLevel.Warning,
                    "System clock {State}; windows are marked {Quality}", clock, quality);
                aggregator.TimeQuality = quality;
            }

            if (clock == ClockSynchronisation.Synchronised && !_restamped)
            {
                // Once per run: wall minus monotonic does not change after synchronisation except by NTP's slewing.
                _restamped = true;
                TimeSpan offset = following.Boot.WallOffset();
                int restamped = following.Buffer.Restamp(following.Boot.BootId, offset);
                if (restamped > 0 || _sawUnsynchronised)
                {
                    TimeSpan step = offset - _unsynchronisedOffset.GetValueOrDefault(offset);
                    _logger.LogInformation("Clock synchronised; {Count} windows re-stamped by {Step}",
                        restamped, (step < TimeSpan.Zero ? "-" : "+") + step.Duration().ToString("c", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else if (clock != ClockSynchronisation.Synchronised)
            {
                _sawUnsynchronised = true;
                _unsynchronisedOffset = following.Boot.WallOffset();
            }

            return clock;
        }
    }

    private static string FirmwareVersion { get; } =
        typeof(NodeService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private async Task WriteStatusAsync(Func<NodeStatus> currentStatus, TimeProvider time, CancellationToken token)
    {
        bool warned = false;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(StatusInterval, time, token);
                try
                {
                    StatusFile.Write(node.EffectiveStatusDirectory, currentStatus());
                    warned = false;
                }
                catch (IOException e) when (!warned)
                {
                    // A full or read-only card must not stop sampling; the buffer reports the same trouble.
                    warned = true;
                    _logger.LogWarning("Cannot write {File} in {Directory}: {Message}", StatusFile.FileName, node.EffectiveStatusDirectory, e.Message);
                }
                catch (IOException)
                {
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The self-test the button runs while the service holds the sensors (the serial ports are opened exclusively, so
    /// <c>edgenode selftest</c> cannot run beside it): every fitted sensor has given a good reading and has no fault.
    /// </summary>
    private bool LiveSelfTest(SensorStatusBoard board)
    {
        IReadOnlyList<SensorState> sensors = board.Snapshot();
        foreach (SensorState sensor in sensors.Where(s => s.LastFault is not null || s.LastGoodAt is null))
        {
            _logger.LogWarning("Self-test: {Sensor} {State}", sensor.Sensor, sensor.LastFaultMessage ?? "has not given a reading yet");
        }

        return sensors.All(s => s.LastFault is null && s.LastGoodAt is not null);
    }

    /// <summary>The LED follows the node's state; real time whatever the emulated clock does, as it is for eyes.</summary>
    private static async Task ShowStatusAsync(StatusLight light, Func<BlinkCode> status, CancellationToken token)
    {
        Task blinking = light.RunAsync(token);
        try
        {
            while (!token.IsCancellationRequested)
            {
                light.ShowStatus(status());
                await Task.Delay(StatusLightInterval, TimeProvider.System, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }

        await blinking;
    }

    private static SamplingSchedule Schedule(string sensor) =>
        sensor is SensorWiring.Sds011 or SensorWiring.Pms5003 ? SamplingSchedule.DutyCycledParticulates : SamplingSchedule.EveryMinute;

    private async Task StoreWindowsAsync(WindowAggregator aggregator, ClockFollowing following)
    {
        await foreach (ClosedWindow window in aggregator.ClosedWindows.ReadAllAsync())
        {
            // Looked at first, so that a synchronisation is acted on as soon as a window closes after it.
            FollowClock(aggregator, following);
            BootStamp? stamp = null;
            if (window.Time == WindowTimeQuality.Unconfirmed)
            {
                stamp = following.Stamper.StampOf(window);
                if (stamp is null)
                {
                    _logger.LogWarning("The window starting {Start:u} (clock not synchronised) cannot be placed on the time since boot: the clock was stepped by about a window's length. It stays flagged Unconfirmed.", window.Start);
                }
            }

            following.Buffer.Append(window, stamp);
        }
    }

    private async Task ReportAlertsAsync(PollutionAlertEvaluator alerts, NodeUplink? uplink)
    {
        await foreach (PollutionAlert alert in alerts.Alerts.ReadAllAsync())
        {
            if (uplink is not null)
            {
                uplink.Alerts.TryWrite(alert);
                continue;
            }
            _logger.LogWarning("Pollution alert {Transition}: {Metric} rolling mean {Mean:0.0} µg/m³, threshold {Threshold:0.0} ({Band}); no uplink configured to send it",
                alert.Transition, alert.Metric, alert.RollingMeanMicrogramsPerCubicMetre, alert.ThresholdMicrogramsPerCubicMetre, alert.Band);
        }
    }

    /// <summary>
    /// Feeds the watchdog at half its interval, on the real clock as systemd counts it, unless no sampling loop makes
    /// progress (a hung process, which a restart cures); one late loop is a stalled sensor, said once here and shown
    /// stale in the status, not a reason to restart the node. Returns when the service stops.
    /// </summary>
    private async Task FeedWatchdogAsync(SamplingHeartbeat heartbeat, CancellationToken stoppingToken)
    {
        TimeSpan period = watchdog.Interval is { } interval ? interval / 2 : TimeSpan.FromSeconds(30);
        IReadOnlyList<string> wereLate = [];
        bool wasHung = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<string> late = heartbeat.LateLoops();
                bool hung = heartbeat.IsHung;
                if (!hung)
                {
                    watchdog.Feed();
                }
                else if (!wasHung)
                {
                    _logger.LogError("No sampling loop has made progress for over {Minutes} min ({Loops}): the process is hung; the watchdog is no longer fed so that systemd restarts the service",
                        SamplingHeartbeat.RealTimeFloor.TotalMinutes, string.Join(", ", late));
                }

                foreach (string loop in late.Except(wereLate))
                {
                    _logger.LogWarning("Sensor {Sensor}: its sampling loop has stalled; its readings are reported stale until it moves again", loop);
                }

                foreach (string loop in wereLate.Except(late))
                {
                    _logger.LogInformation("Sensor {Sensor}: its sampling loop moves again", loop);
                }

                wereLate = late;
                wasHung = hung;
                await Task.Delay(period, TimeProvider.System, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
