using System.Device.Gpio;

namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// The status LED on a GPIO pin (high = lit, through its series resistor to ground): shows the node's
/// <see cref="BlinkCode"/>, except while a firmware update runs (<see cref="SetUpdating"/>) or a self-test started
/// with the button runs or has just given its verdict. A new code starts at the next step of the pattern.
/// </summary>
public sealed class StatusLight : IDisposable
{
    /// <summary>How long the self-test's verdict stays on the LED before the status comes back.</summary>
    public static readonly TimeSpan VerdictShownFor = TimeSpan.FromSeconds(30);

    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private BlinkCode _status = BlinkCode.AllGood;
    private bool _updating;
    private (BlinkCode Code, DateTimeOffset Until)? _selfTest;

    public StatusLight(GpioController gpio, int pin, TimeProvider time)
    {
        _gpio = gpio;
        _pin = pin;
        _time = time;
        _gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
    }

    /// <summary>The code the LED shows now.</summary>
    public BlinkCode Showing
    {
        get
        {
            lock (_lock)
            {
                if (_selfTest is { } selfTest && selfTest.Until > _time.GetUtcNow())
                {
                    return selfTest.Code;
                }

                return _updating ? BlinkCode.Updating : _status;
            }
        }
    }

    /// <summary>The node's own state, from <see cref="StatusBlinkCodes"/>.</summary>
    public void ShowStatus(BlinkCode status)
    {
        lock (_lock)
        {
            _status = status;
        }
    }

    /// <summary>For the firmware update agent: true while an update is being installed, when the power must stay on.</summary>
    public void SetUpdating(bool updating)
    {
        lock (_lock)
        {
            _updating = updating;
        }
    }

    public void ShowSelfTestRunning()
    {
        lock (_lock)
        {
            _selfTest = (BlinkCode.SelfTestRunning, DateTimeOffset.MaxValue);
        }
    }

    public void ShowSelfTestVerdict(bool passed)
    {
        lock (_lock)
        {
            _selfTest = (passed ? BlinkCode.SelfTestPassed : BlinkCode.SelfTestFailed, _time.GetUtcNow() + VerdictShownFor);
        }
    }

    /// <summary>Blinks until cancelled, then leaves the LED dark.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                BlinkCode code = Showing;
                foreach ((bool on, TimeSpan duration) in BlinkPatterns.Of(code))
                {
                    _gpio.Write(_pin, on ? PinValue.High : PinValue.Low);
                    await Task.Delay(duration, _time, cancellationToken).ConfigureAwait(false);
                    if (Showing != code)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _gpio.Write(_pin, PinValue.Low);
        }
    }

    public void Dispose() => _gpio.ClosePin(_pin);
}
