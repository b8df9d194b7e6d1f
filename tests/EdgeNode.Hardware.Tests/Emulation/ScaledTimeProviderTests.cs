using System.Diagnostics;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Hardware.Tests.Emulation;

public class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_hour_passes_in_about_a_second_at_3600()
    {
        var time = new ScaledTimeProvider(3600, Start);
        var watch = Stopwatch.StartNew();

        await Task.Delay(TimeSpan.FromHours(1), time);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        Assert.InRange(time.GetUtcNow() - Start, TimeSpan.FromHours(1), TimeSpan.FromHours(5));
    }

    [Fact]
    public async Task Concurrent_waits_do_not_add_up()
    {
        var time = new ScaledTimeProvider(3600, Start);

        // Six waits of 30 min: on a clock where waits add up, three hours would pass.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Delay(TimeSpan.FromMinutes(30), time)));

        Assert.InRange(time.GetUtcNow() - Start, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(150));
    }

    [Fact]
    public void A_factor_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(0.5, Start));
    }

    [Fact]
    public async Task A_clock_started_in_the_past_runs_fast_until_it_reaches_the_present_then_keeps_real_time()
    {
        // An hour behind at 3600: the present is reached after about one real second.
        var time = new ScaledTimeProvider(3600, DateTimeOffset.UtcNow.AddHours(-1), catchUp: true);
        Assert.False(time.CaughtUp);
        Assert.InRange(DateTimeOffset.UtcNow - time.GetUtcNow(), TimeSpan.FromTicks(1), TimeSpan.FromHours(1));

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.True(time.CaughtUp);
        Assert.InRange(time.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-2), TimeSpan.FromSeconds(2));
        DateTimeOffset before = time.GetUtcNow();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.InRange(time.GetUtcNow() - before, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_wait_that_spans_the_catch_up_ends_at_its_emulated_time_not_before()
    {
        // Ten minutes behind at 1000: the present is reached after about 0.6 s real. A wait that ends 2 s past the
        // present takes those 0.6 s and then 2 s at the real pace, however loaded the machine is when it starts.
        var time = new ScaledTimeProvider(1000, DateTimeOffset.UtcNow.AddMinutes(-10), catchUp: true);
        TimeSpan wait = DateTimeOffset.UtcNow - time.GetUtcNow() + TimeSpan.FromSeconds(2);
        DateTimeOffset target = time.GetUtcNow() + wait;
        var watch = Stopwatch.StartNew();

        await Task.Delay(wait, time);

        Assert.True(time.GetUtcNow() >= target, $"woke at {time.GetUtcNow():O}, before {target:O}");
        Assert.True(time.CaughtUp);
        // The upper bound only tells a clock that caught up from one that never did (602 s at the real pace); a
        // loaded machine can hold a timer callback back for many seconds.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task A_clock_that_starts_ahead_of_the_present_has_nothing_to_catch_up_and_keeps_its_pace()
    {
        var time = new ScaledTimeProvider(100, DateTimeOffset.UtcNow.AddHours(1), catchUp: true);
        DateTimeOffset before = time.GetUtcNow();

        // At least 100 ms real: 10 s at 100×, where a clock that had slowed to the real pace would move 0.1 s.
        await Task.Delay(TimeSpan.FromMilliseconds(100));

        Assert.False(time.CaughtUp);
        Assert.True(time.GetUtcNow() - before >= TimeSpan.FromSeconds(9), $"moved {time.GetUtcNow() - before} in 100 ms or more");
    }
}
