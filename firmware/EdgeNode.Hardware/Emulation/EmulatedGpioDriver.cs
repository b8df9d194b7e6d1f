using System.Collections.Concurrent;
using System.Device.Gpio;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// The Raspberry Pi's GPIO header (BCM 0–27) emulated under a <see cref="GpioController"/>, as
/// <see cref="EmulatedI2cBus"/> emulates the I2C bus: the node's code drives it through the controller exactly as it
/// drives the Pi's, tests and <c>--emulate</c> see every output change stamped on the shared clock, and drive the
/// inputs as a finger on a button would. An input reads its pull resistor's level unless something drives it.
/// </summary>
public sealed class EmulatedGpioDriver(TimeProvider time) : GpioDriver
{
    /// <summary>BCM GPIO 0–27 on the 40-pin header.</summary>
    public const int HeaderPinCount = 28;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _outputs = [];
    private readonly Dictionary<int, PinValue> _driven = [];
    private readonly ConcurrentDictionary<int, List<(DateTimeOffset At, PinValue Value)>> _history = new();
    private readonly List<(int Pin, PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = [];

    /// <summary>An output pin changed level: the emulated peripherals wired to it follow.</summary>
    public event Action<int, PinValue>? OutputChanged;

    protected override int PinCount => HeaderPinCount;

    /// <summary>Every level written to an output pin that changed it, with when, oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, PinValue Value)> History(int pinNumber) =>
        _history.TryGetValue(pinNumber, out List<(DateTimeOffset At, PinValue Value)>? history) ? [.. history] : [];

    /// <summary>The level a pin shows now, as a meter on the header would read it.</summary>
    public PinValue LevelOf(int pinNumber)
    {
        lock (_lock)
        {
            return LevelLocked(pinNumber);
        }
    }

    /// <summary>Drives an input from outside (a button to ground drives <see cref="PinValue.Low"/>); null lets it go to its pull level.</summary>
    public void Drive(int pinNumber, PinValue? level)
    {
        List<PinChangeEventHandler> toCall = [];
        PinEventTypes edge;
        lock (_lock)
        {
            PinValue before = LevelLocked(pinNumber);
            if (level is { } value)
            {
                _driven[pinNumber] = value;
            }
            else
            {
                _driven.Remove(pinNumber);
            }

            PinValue after = LevelLocked(pinNumber);
            if (before == after)
            {
                return;
            }

            edge = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            toCall.AddRange(_callbacks.Where(c => c.Pin == pinNumber && (c.Types & edge) != 0).Select(c => c.Handler));
        }

        foreach (PinChangeEventHandler handler in toCall)
        {
            handler(this, new PinValueChangedEventArgs(edge, pinNumber));
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pinNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pinNumber, HeaderPinCount);
        lock (_lock)
        {
            _modes.TryAdd(pinNumber, PinMode.Input);
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            _modes.Remove(pinNumber);
            _callbacks.RemoveAll(c => c.Pin == pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return _modes.GetValueOrDefault(pinNumber, PinMode.Input);
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_lock)
        {
            PinValue before = _outputs.GetValueOrDefault(pinNumber, PinValue.Low);
            bool first = !_outputs.ContainsKey(pinNumber);
            _outputs[pinNumber] = value;
            if (!first && before == value)
            {
                return;
            }

            _history.GetOrAdd(pinNumber, _ => []).Add((time.GetUtcNow(), value));
        }

        OutputChanged?.Invoke(pinNumber, value);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var changed = new ManualResetEventSlim();
        PinEventTypes seen = PinEventTypes.None;
        void OnChange(object sender, PinValueChangedEventArgs e)
        {
            seen = e.ChangeType;
            changed.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnChange);
        try
        {
            changed.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, OnChange);
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            _callbacks.Add((pinNumber, eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Handler == callback);
        }
    }

    private PinValue LevelLocked(int pinNumber)
    {
        PinMode mode = _modes.GetValueOrDefault(pinNumber, PinMode.Input);
        if (mode == PinMode.Output)
        {
            return _outputs.GetValueOrDefault(pinNumber, PinValue.Low);
        }

        return _driven.TryGetValue(pinNumber, out PinValue driven) ? driven
            : mode == PinMode.InputPullUp ? PinValue.High
            : PinValue.Low;
    }
}
