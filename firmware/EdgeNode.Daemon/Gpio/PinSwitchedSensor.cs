using System.Device.Gpio;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// A particulate sensor whose duty cycle also works its pins: the power switch (<see cref="ParticulatePower"/>) on
/// before waking and off after sleeping, and the PMS5003's SET pin high while awake and low (sleep: fan and laser
/// off) otherwise, besides the serial sleep command, which a sensor with a loose SET wire still obeys. The sampling
/// loop's warm-up (30 s for both sensors) starts after the wake, so it covers the sensor's start after power-on.
/// </summary>
public sealed class PinSwitchedSensor : IDutyCycledSensor
{
    /// <summary>How long a sensor just powered on is given to boot before it is sent the wake command.</summary>
    public static readonly TimeSpan PowerOnBoot = TimeSpan.FromSeconds(1);

    private readonly IDutyCycledSensor _inner;
    private readonly GpioController? _gpio;
    private readonly int? _setPin;
    private readonly ParticulatePower? _power;
    private readonly TimeProvider _time;
    private bool _holdsPower;

    public PinSwitchedSensor(IDutyCycledSensor inner, GpioController? gpio, int? setPin, ParticulatePower? power, TimeProvider time)
    {
        _inner = inner;
        _gpio = gpio;
        _setPin = setPin;
        _power = power;
        _time = time;
        if (setPin is { } pin && gpio is not null && !gpio.IsPinOpen(pin))
        {
            // Opened once for the node's life: the sensor is reopened after a lost connection, the pin stays.
            gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
        }
    }

    public string Description => _inner.Description;

    public IReadOnlyList<Metric> Metrics => _inner.Metrics;

    public TimeSpan WarmUp => _inner.WarmUp;

    public async Task WakeAsync(CancellationToken cancellationToken = default)
    {
        if (_power is not null && !_holdsPower)
        {
            _holdsPower = true;
            if (_power.Acquire())
            {
                await Task.Delay(PowerOnBoot, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        SetPin(PinValue.High);
        await _inner.WakeAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SleepAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _inner.SleepAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SetPin(PinValue.Low);
            ReleasePower();
        }
    }

    public Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default) => _inner.ReadAsync(cancellationToken);

    public void Dispose()
    {
        _inner.Dispose();
        ReleasePower();
    }

    private void SetPin(PinValue level)
    {
        if (_setPin is { } pin && _gpio is not null)
        {
            _gpio.Write(pin, level);
        }
    }

    private void ReleasePower()
    {
        if (_holdsPower)
        {
            _holdsPower = false;
            _power!.Release();
        }
    }
}
