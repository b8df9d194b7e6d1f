using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// A push button from a GPIO pin to ground, read with the pin's internal pull-up (released = high, pressed = low).
/// A press held for <see cref="Debounce"/> runs the self-test and shows it on the <see cref="StatusLight"/>:
/// running, then the verdict. Contact bounce and presses while a self-test runs start nothing more.
/// </summary>
public sealed class SelfTestButton : IDisposable
{
    /// <summary>Longer than a push button's contact bounce (a few ms), shorter than any deliberate press.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly StatusLight? _light;
    private readonly Func<CancellationToken, Task<bool>> _selfTest;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private int _busy;

    public SelfTestButton(GpioController gpio, int pin, StatusLight? light, Func<CancellationToken, Task<bool>> selfTest, TimeProvider time, ILogger logger)
    {
        _gpio = gpio;
        _pin = pin;
        _light = light;
        _selfTest = selfTest;
        _time = time;
        _logger = logger;
        _gpio.OpenPin(pin, PinMode.InputPullUp);
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling, OnFalling);
    }

    /// <summary>Raised with the verdict once a self-test started by the button has finished and is shown.</summary>
    public event Action<bool>? Finished;

    public void Dispose()
    {
        _stop.Cancel();
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnFalling);
        _gpio.ClosePin(_pin);
        _stop.Dispose();
    }

    private void OnFalling(object sender, PinValueChangedEventArgs e)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) == 0)
        {
            // Off the driver's event thread: the self-test takes seconds.
            _ = Task.Run(HandlePressAsync);
        }
    }

    private async Task HandlePressAsync()
    {
        try
        {
            await Task.Delay(Debounce, _time, _stop.Token).ConfigureAwait(false);
            if (_gpio.Read(_pin) == PinValue.High)
            {
                return; // a glitch or a bounce on release, not a press
            }

            _light?.ShowSelfTestRunning();
            _logger.LogInformation("Self-test started with the button on GPIO {Pin}", _pin);
            bool passed;
            try
            {
                passed = await _selfTest(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "The self-test started with the button failed to run");
                passed = false;
            }

            _light?.ShowSelfTestVerdict(passed);
            _logger.LogInformation("Self-test started with the button: {Verdict}", passed ? "passed" : "a fault was found (edgenode status says which)");
            Finished?.Invoke(passed);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }
}
