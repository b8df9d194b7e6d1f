using System.Device.Gpio;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Uplink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// The status LED follows the node's state, and the button runs a self-test on the running node; each only when its
/// pin is set (<c>Gpio:StatusLedPin</c>, <c>Gpio:ButtonPin</c>). Real time whatever the emulated clock does, as it is for eyes and fingers.
/// </summary>
public sealed class StatusLightService(GpioOptions options, Func<GpioController> openGpio, SensorStatusBoard board, Func<UplinkStatus> uplink, ILogger<StatusLightService> logger)
    : BackgroundService
{
    /// <summary>How often the status LED follows the node's state.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private SelfTestButton? _button;

    /// <summary>The status LED, once started; null when <c>Gpio:StatusLedPin</c> is not set. The update agent sets "updating" on it.</summary>
    public StatusLight? Light { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Light = options.StatusLedPin is { } ledPin ? new StatusLight(openGpio(), ledPin, TimeProvider.System) : null;
        _button = options.ButtonPin is { } buttonPin
            ? new SelfTestButton(openGpio(), buttonPin, Light, _ => Task.FromResult(LiveSelfTest()), TimeProvider.System, logger)
            : null;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using SelfTestButton? button = _button;
        using StatusLight? light = Light;
        if (light is null && button is null)
        {
            return;
        }

        Task blinking = light?.RunAsync(stoppingToken) ?? Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                light?.ShowStatus(StatusBlinkCodes.From(board.Snapshot(), uplink()));
                await Task.Delay(Interval, TimeProvider.System, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await blinking;
    }

    /// <summary>
    /// The self-test the button runs while the service holds the sensors (the serial ports are opened exclusively, so
    /// <c>edgenode selftest</c> cannot run beside it): every fitted sensor has given a good reading and has no fault.
    /// </summary>
    private bool LiveSelfTest()
    {
        IReadOnlyList<SensorState> sensors = board.Snapshot();
        foreach (SensorState sensor in sensors.Where(s => s.LastFault is not null || s.LastGoodAt is null))
        {
            logger.LogWarning("Self-test: {Sensor} {State}", sensor.Sensor, sensor.LastFaultMessage ?? "has not given a reading yet");
        }

        return sensors.All(s => s.LastFault is null && s.LastGoodAt is not null);
    }
}
