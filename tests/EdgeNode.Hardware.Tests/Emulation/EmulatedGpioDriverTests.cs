using System.Device.Gpio;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Hardware.Tests.Emulation;

/// <summary>The emulated header under a real GpioController, as the node's code uses it.</summary>
public class EmulatedGpioDriverTests
{
    private readonly VirtualTimeProvider _time = new();
    private readonly EmulatedGpioDriver _driver;
    private readonly GpioController _gpio;

    public EmulatedGpioDriverTests()
    {
        _driver = new EmulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    [Fact]
    public void An_input_reads_its_pull_resistor_until_something_drives_it()
    {
        _gpio.OpenPin(27, PinMode.InputPullUp);
        Assert.Equal(PinValue.High, _gpio.Read(27));

        _driver.Drive(27, PinValue.Low);
        Assert.Equal(PinValue.Low, _gpio.Read(27));

        _driver.Drive(27, null);
        Assert.Equal(PinValue.High, _gpio.Read(27));
    }

    [Fact]
    public void Edges_reach_the_callbacks_registered_for_them()
    {
        _gpio.OpenPin(27, PinMode.InputPullUp);
        var seen = new List<PinEventTypes>();
        _gpio.RegisterCallbackForPinValueChangedEvent(27, PinEventTypes.Falling, (_, e) => seen.Add(e.ChangeType));

        _driver.Drive(27, PinValue.Low);
        _driver.Drive(27, PinValue.Low); // no change, no edge
        _driver.Drive(27, PinValue.High);
        _driver.Drive(27, PinValue.Low);

        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Falling], seen);
    }

    [Fact]
    public void Output_changes_are_recorded_on_the_clock()
    {
        DateTimeOffset start = _time.GetUtcNow();
        _gpio.OpenPin(17, PinMode.Output, PinValue.Low);
        _gpio.Write(17, PinValue.High);
        _time.Advance(TimeSpan.FromSeconds(2));
        _gpio.Write(17, PinValue.High);
        _gpio.Write(17, PinValue.Low);

        Assert.Equal([(start, PinValue.Low), (start, PinValue.High), (start.AddSeconds(2), PinValue.Low)], _driver.History(17));
        Assert.Equal(PinValue.Low, _driver.LevelOf(17));
    }

    [Fact]
    public void Pins_beyond_the_header_are_refused() =>
        Assert.ThrowsAny<ArgumentException>(() => _gpio.OpenPin(EmulatedGpioDriver.HeaderPinCount, PinMode.Output));
}
