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
        Assert.InRange(DateTimeOffset.UtcNow - time.GetUtcNow(), TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.True(time.CaughtUp);
        Assert.InRange(time.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-2), TimeSpan.FromSeconds(2));
        var before = time.GetUtcNow();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.InRange(time.GetUtcNow() - before, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_wait_that_spans_the_catch_up_ends_at_its_emulated_time_not_before()
    {
        // 30 s behind at 100: caught up after about 0.3 s real. A wait of 60 emulated seconds from the start
        // reaches 30 s past the present: about 0.3 s fast, then 30 s at the real pace.
        var time = new ScaledTimeProvider(100, DateTimeOffset.UtcNow.AddSeconds(-30), catchUp: true);
        DateTimeOffset target = time.GetUtcNow().AddSeconds(10);

        // 10 emulated seconds lie wholly in the fast part: a tenth of a second.
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10), time);
        Assert.True(time.GetUtcNow() >= target);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(3));

        // 22 more emulated seconds reach 2 s past the present: finishing the fast part, then about 2 s real.
        DateTimeOffset second = time.GetUtcNow().AddSeconds(22);
        watch.Restart();
        await Task.Delay(TimeSpan.FromSeconds(22), time);
        Assert.True(time.GetUtcNow() >= second);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
        Assert.True(time.CaughtUp);
    }

    [Fact]
    public void A_clock_that_starts_in_the_present_has_nothing_to_catch_up()
    {
        var time = new ScaledTimeProvider(100, DateTimeOffset.UtcNow.AddHours(1), catchUp: true);
        Assert.False(time.CaughtUp);
        Assert.True(time.GetUtcNow() > DateTimeOffset.UtcNow.AddHours(1));
    }
}
