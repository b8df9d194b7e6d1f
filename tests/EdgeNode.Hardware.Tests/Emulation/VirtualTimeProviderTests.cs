using System.Diagnostics;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Hardware.Tests.Emulation;

public class VirtualTimeProviderTests
{
    [Fact]
    public async Task A_long_delay_completes_at_once_and_moves_the_clock_by_its_length()
    {
        var time = new VirtualTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        long startTimestamp = time.GetTimestamp();
        var watch = Stopwatch.StartNew();

        await Task.Delay(TimeSpan.FromHours(6), time);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(start.AddHours(6), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(6), time.GetElapsedTime(startTimestamp));
    }

    [Fact]
    public async Task A_cancelled_delay_is_cancelled()
    {
        var time = new VirtualTimeProvider();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(1), time, cancel.Token));
    }
}
