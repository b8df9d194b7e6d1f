using System.Device.Gpio;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Hardware.Emulation;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Tests.Gpio;

/// <summary>The button on the emulated header: a finger drives the pin to ground, the self-test runs, the LED says how it went.</summary>
public class SelfTestButtonTests
{
    private const int LedPin = 17;
    private const int ButtonPin = 27;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly VirtualTimeProvider _time = new();
    private readonly EmulatedGpioDriver _driver;
    private readonly GpioController _gpio;

    public SelfTestButtonTests()
    {
        _driver = new EmulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    [Theory]
    [InlineData(true, BlinkCode.SelfTestPassed)]
    [InlineData(false, BlinkCode.SelfTestFailed)]
    public async Task A_bouncing_press_runs_the_self_test_once_and_the_LED_shows_the_verdict(bool passes, BlinkCode shown)
    {
        using var light = new StatusLight(_gpio, LedPin, _time);
        int runs = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var verdict = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var button = new SelfTestButton(_gpio, ButtonPin, light, async _ =>
        {
            Interlocked.Increment(ref runs);
            started.SetResult();
            await finish.Task;
            return passes;
        }, _time, NullLogger.Instance);
        button.Finished += verdict.SetResult;

        Assert.Equal(PinValue.High, _gpio.Read(ButtonPin)); // released: the internal pull-up holds it high
        _driver.Drive(ButtonPin, PinValue.Low);
        _driver.Drive(ButtonPin, PinValue.High); // contact bounce
        _driver.Drive(ButtonPin, PinValue.Low);
        await started.Task.WaitAsync(Patience);
        Assert.Equal(BlinkCode.SelfTestRunning, light.Showing);
        _driver.Drive(ButtonPin, PinValue.High);
        _driver.Drive(ButtonPin, PinValue.Low); // pressed again while it runs
        finish.SetResult();

        Assert.Equal(passes, await verdict.Task.WaitAsync(Patience));
        Assert.Equal(shown, light.Showing);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_self_test_that_throws_is_shown_as_failed()
    {
        using var light = new StatusLight(_gpio, LedPin, _time);
        var verdict = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var button = new SelfTestButton(_gpio, ButtonPin, light, _ => throw new IOException("bus gone"), _time, NullLogger.Instance);
        button.Finished += verdict.SetResult;

        _driver.Drive(ButtonPin, PinValue.Low);

        Assert.False(await verdict.Task.WaitAsync(Patience));
        Assert.Equal(BlinkCode.SelfTestFailed, light.Showing);
    }
}
