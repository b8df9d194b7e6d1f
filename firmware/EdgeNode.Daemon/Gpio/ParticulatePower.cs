using System.Device.Gpio;

namespace EdgeNode.Daemon.Gpio;

/// <summary>
/// The transistor (or logic-level MOSFET) that switches the 5 V supply of the particulate sensors, on a GPIO pin
/// (high = powered). Both PM sensors may hang on it: it stays on while either is awake and goes off when both
/// sleep, so their fans and lasers run only during the duty cycle's reading time.
/// </summary>
public sealed class ParticulatePower
{
    private readonly GpioController _gpio;
    private readonly Lock _lock = new();
    private int _awake;

    public ParticulatePower(GpioController gpio, int pin)
    {
        _gpio = gpio;
        Pin = pin;
        if (!_gpio.IsPinOpen(pin))
        {
            _gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
        }
    }

    public int Pin { get; }

    /// <summary>A sensor wakes; returns true when this switched the power on (the sensor then boots).</summary>
    public bool Acquire()
    {
        lock (_lock)
        {
            if (_awake++ > 0)
            {
                return false;
            }

            _gpio.Write(Pin, PinValue.High);
            return true;
        }
    }

    /// <summary>A sensor sleeps; the last one to sleep switches the power off.</summary>
    public void Release()
    {
        lock (_lock)
        {
            if (_awake > 0 && --_awake == 0)
            {
                _gpio.Write(Pin, PinValue.Low);
            }
        }
    }
}
