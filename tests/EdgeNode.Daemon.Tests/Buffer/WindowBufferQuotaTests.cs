using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>The quota keeper against a real file with the smallest quota allowed (64 KiB, half of it schema).</summary>
public sealed class WindowBufferQuotaTests : IDisposable
{
    private const long SmallQuotaBytes = 64 * 1024;

    private readonly BufferFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Appends until <paramref name="until"/> holds; returns how many windows went in.</summary>
    private static async Task<int> AppendUntil(WindowBuffer buffer, Func<int, ClosedWindow> window, Func<bool> until, int first = 0)
    {
        for (int n = first; n < first + 5000; n++)
        {
            await buffer.AppendAsync(window(n));
            if (until())
            {
                return n - first + 1;
            }
        }

        throw new Xunit.Sdk.XunitException("The quota never came into play.");
    }

    /// <summary>No silent loss: the outbox covers the whole span, each window starting where the previous ended.</summary>
    private static void AssertCoversWithoutHoles(IReadOnlyList<StoredWindow> outbox, DateTimeOffset from, DateTimeOffset to)
    {
        Assert.Equal(from, outbox[0].Window.Start);
        for (int i = 1; i < outbox.Count; i++)
        {
            Assert.Equal(outbox[i - 1].Window.End, outbox[i].Window.Start);
        }

        Assert.Equal(to, outbox[^1].Window.End);
    }

    [Fact]
    public async Task Past_the_quota_the_oldest_quarters_merge_into_an_hour_by_the_merge_rules()
    {
        await using WindowBuffer buffer = WindowBuffer.Open(_folder.Options(SmallQuotaBytes));
        ClosedWindow[] quarters = WindowMergerTests.FourQuarters();
        foreach (ClosedWindow quarter in quarters)
        {
            await buffer.AppendAsync(quarter);
        }

        // Then quarters from 09:00 on, until the keeper has to act.
        int more = await AppendUntil(buffer, n => SampleWindows.Quarterly(n), () => buffer.Downsamplings().Count > 0, first: 36);

        ClosedWindow hour = buffer.PeekOldest(1)[0].Window;
        Assert.Equal(quarters[0].Start, hour.Start);
        Assert.Equal(TimeSpan.FromHours(1), hour.Length);
        Assert.Equal(WindowTimeQuality.Restamped, hour.Time);
        Assert.True(hour.Partial);
        Assert.Equal(["bme280", "sds011"], hour.Sensors.Select(s => s.Sensor));
        Assert.Equal(0.6875, hour.Sensors[0].Coverage, 12);
        Assert.Equal(2, hour.Sensors[0].Faults);
        Assert.Equal(SensorFaultKind.Stuck, hour.Sensors[0].LastFault);
        Assert.Equal(
            [new MetricSummary(Metric.TemperatureCelsius, 30, 410.0 / 30, 7, 21, 19.5), new MetricSummary(Metric.RelativeHumidityPercent, 10, 80, 78, 82, 79)],
            hour.Sensors[0].Metrics);
        Assert.Equal(0.375, hour.Sensors[1].Coverage, 12);
        Assert.Equal(new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 6, 7, 4, 9, 7.5), Assert.Single(hour.Sensors[1].Metrics));
        Assert.Equal((6, 3), (hour.Traffic!.Approaching, hour.Traffic.Receding));
        Assert.Equal(SampleWindows.Bins((3, 4), (4, 6)), hour.Traffic.SpeedHistogram);
        Assert.Equal(47.5, hour.Traffic.V85KilometresPerHour!.Value, 12);

        BufferDownsampling record = Assert.Single(buffer.Downsamplings());
        Assert.Equal(quarters[0].Start, record.From);
        Assert.Equal((SampleWindows.Quarter, TimeSpan.FromHours(1)), (record.FromLength, record.ToLength));
        Assert.Equal(4 * record.WindowsProduced, record.WindowsMerged);
        Assert.Equal(quarters[0].Start.AddHours(record.WindowsProduced), record.To);
        Assert.Empty(buffer.Gaps());
        AssertCoversWithoutHoles(buffer.PeekOldest(10_000), quarters[0].Start, SampleWindows.Quarterly(36 + more - 1).End);
        Assert.InRange(buffer.Status().BytesUsed!.Value, 0, SmallQuotaBytes);
    }

    [Fact]
    public async Task Under_lasting_pressure_hours_merge_into_four_hour_blocks_and_every_minute_stays_covered()
    {
        await using WindowBuffer buffer = WindowBuffer.Open(_folder.Options(SmallQuotaBytes));
        Func<int, ClosedWindow> large = n => SampleWindows.Large(SampleWindows.Monday + (n * SampleWindows.Quarter), SampleWindows.Quarter, n);

        int appended = await AppendUntil(buffer, large, () => buffer.Downsamplings().Any(d => d.FromLength == TimeSpan.FromHours(1)));

        BufferDownsampling toBlocks = buffer.Downsamplings().Single(d => d.FromLength == TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(4), toBlocks.ToLength);
        Assert.Equal(SampleWindows.Monday, toBlocks.From);
        Assert.Equal(4 * toBlocks.WindowsProduced, toBlocks.WindowsMerged);
        IReadOnlyList<StoredWindow> outbox = buffer.PeekOldest(10_000);
        Assert.Equal(TimeSpan.FromHours(4), outbox[0].Window.Length);
        // Metric counts add up through both merges: sensor0 had 10 samples per quarter, 16 quarters in a block.
        Assert.Equal(160, outbox[0].Window.Sensors[0].Metrics[0].Count);
        Assert.Empty(buffer.Gaps());
        AssertCoversWithoutHoles(outbox, SampleWindows.Monday, large(appended - 1).End);
        Assert.InRange(buffer.Status().BytesUsed!.Value, 0, SmallQuotaBytes);
    }

    [Fact]
    public async Task When_no_group_can_merge_the_oldest_windows_are_dropped_and_recorded_as_a_gap()
    {
        await using WindowBuffer buffer = WindowBuffer.Open(_folder.Options(SmallQuotaBytes));
        // Three quarters an hour, the :45 one missing: no hour is ever complete, so nothing may merge.
        Func<int, ClosedWindow> holed = n => SampleWindows.Quarterly((n / 3 * 4) + (n % 3));

        int appended = await AppendUntil(buffer, holed, () => buffer.Gaps().Count > 0);

        BufferGap gap = Assert.Single(buffer.Gaps());
        IReadOnlyList<StoredWindow> outbox = buffer.PeekOldest(10_000);
        Assert.Equal(GapCause.QuotaExceeded, gap.Cause);
        Assert.Equal(appended, gap.WindowCount + outbox.Count);
        Assert.Equal(holed(0).Start, gap.From);
        Assert.Equal(holed(gap.WindowCount - 1).End, gap.To);
        Assert.Equal(holed(gap.WindowCount).Start, outbox[0].Window.Start);
        Assert.Empty(buffer.Downsamplings());
    }

    [Fact]
    public async Task Reports_last_across_a_restart_until_marked_reported()
    {
        long gapId;
        long downsamplingId;
        await using (WindowBuffer buffer = WindowBuffer.Open(_folder.Options(SmallQuotaBytes)))
        {
            await AppendUntil(buffer, n => SampleWindows.Quarterly(n), () => buffer.Downsamplings().Count > 0);
            await AppendUntil(buffer, n => SampleWindows.Small(SampleWindows.Monday.AddDays(400 + n), TimeSpan.FromDays(1), n), () => buffer.Gaps().Count > 0);
            gapId = buffer.Gaps()[0].Id;
            downsamplingId = buffer.Downsamplings()[0].Id;
        }

        await using WindowBuffer reopened = WindowBuffer.Open(_folder.Options(SmallQuotaBytes));
        Assert.Equal(1, reopened.Status().GapsPendingReport);
        Assert.Equal(1, reopened.MarkGapsReported([gapId]));
        Assert.Equal(1, reopened.MarkDownsamplingsReported([downsamplingId]));

        Assert.Empty(reopened.Gaps());
        Assert.DoesNotContain(reopened.Downsamplings(), d => d.Id == downsamplingId);
        Assert.Equal(0, reopened.Status().GapsPendingReport);
    }
}
