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
}
