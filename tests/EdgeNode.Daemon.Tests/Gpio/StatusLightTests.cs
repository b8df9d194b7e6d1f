using System.Device.Gpio;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Daemon.Tests.Gpio;

/// <summary>The status LED's blink codes, as the emulated header records them on a virtual clock.</summary>
public class StatusLightTests
{
    private const int LedPin = 17;

    private readonly VirtualTimeProvider _time = new();
    private readonly EmulatedGpioDriver _driver;
    private readonly GpioController _gpio;

    public StatusLightTests()
    {
        _driver = new EmulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    [Theory]
    [InlineData(BlinkCode.AllGood, "0:H 0.1:L 5:H 5.1:L")]
    [InlineData(BlinkCode.SensorFault, "0:H 0.3:L 0.6:H 0.9:L 5:H 5.3:L 5.6:H 5.9:L")]
    [InlineData(BlinkCode.NoFleet, "0:H 0.3:L 0.6:H 0.9:L 1.2:H 1.5:L 5:H 5.3:L 5.6:H 5.9:L 6.2:H 6.5:L")]
    [InlineData(BlinkCode.Updating, "0:H 1:L 2:H 3:L 4:H 5:L 6:H 7:L 8:H 9:L")]
    public async Task Each_state_blinks_its_code(BlinkCode code, string expected)
    {
        using var light = new StatusLight(_gpio, LedPin, _time);
        if (code == BlinkCode.Updating)
        {
            light.ShowStatus(BlinkCode.SensorFault);
            light.SetUpdating(true); // an update outranks what the sensors say
        }
        else
        {
            light.ShowStatus(code);
        }

        Assert.Equal(expected, await RunFor(light, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_verdict_shows_for_30_s_then_the_status_comes_back()
    {
        using var light = new StatusLight(_gpio, LedPin, _time);
        light.ShowStatus(BlinkCode.AllGood);
        light.ShowSelfTestVerdict(passed: true);

        // Steady for 30 s, then the first all-good heartbeat ends 0.1 s later.
        Assert.Equal("0:H 30.1:L 35:H 35.1:L", await RunFor(light, TimeSpan.FromSeconds(40)));
    }

    [Fact]
    public async Task A_failed_self_test_flickers_unlike_any_status_code()
    {
        using var light = new StatusLight(_gpio, LedPin, _time);
        light.ShowSelfTestVerdict(passed: false);

        Assert.Equal("0:H 0.1:L 0.2:H 0.3:L 0.4:H 0.5:L", await RunFor(light, TimeSpan.FromSeconds(0.55)));
    }

    [Fact]
    public async Task The_LED_is_left_dark_when_the_node_stops()
    {
        using var light = new StatusLight(_gpio, LedPin, _time);
        light.ShowStatus(BlinkCode.NoFleet);
        await RunFor(light, TimeSpan.FromSeconds(0.4));

        Assert.Equal(PinValue.Low, _driver.LevelOf(LedPin));
    }

    /// <summary>Runs the LED until the virtual clock reaches <paramref name="span"/>; the trace of what it showed until then.</summary>
    private async Task<string> RunFor(StatusLight light, TimeSpan span)
    {
        DateTimeOffset start = _time.GetUtcNow();
        int before = _driver.History(LedPin).Count;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // real time: a hang fails instead of blocking
        _driver.OutputChanged += (_, _) =>
        {
            if (_time.GetUtcNow() - start >= span)
            {
                stop.Cancel();
            }
        };
        // A steady pattern writes nothing new; the verdict's end or this real-time bound ends it then.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, bound.Token);
        await light.RunAsync(either.Token);
        return PinHistory.Trace(_driver, LedPin, start, span, before);
    }
}
