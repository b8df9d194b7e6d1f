using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>Past its quota a sender's dead letters become counts; other senders, valid data and the next period are untouched.</summary>
public sealed class DeadLetterQuotaTests
{
    private static readonly DateTimeOffset TenOClock = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    private static IngestItem Letter(string? node, int bytes, AckMessage? ack = null) =>
        IngestItem.Dead(new DeadLetter(TenOClock, $"edge/{node ?? "X"}/up/batch", node, new byte[bytes], "refused"), ack);

    [Fact]
    public void Beyond_the_count_a_dead_letter_becomes_a_drop_that_keeps_the_ack_and_says_its_size()
    {
        var quota = new DeadLetterQuota(new DeadLetterOptions { MaxPerNodePerPeriod = 3 });
        var ack = new AckMessage("mairie-1", AckSubject.Batch, 9, AckOutcome.Rejected, "refused");

        IngestItem[] admitted = [.. Enumerable.Range(0, 5).Select(i => quota.Admit(Letter("mairie-1", 100 + i, ack), TenOClock.AddMinutes(i), out _))];

        Assert.All(admitted[..3], item => Assert.NotNull(item.DeadLetter));
        Assert.All(admitted[3..], item => Assert.Null(item.DeadLetter));
        Assert.Equal(new DeadLetterDrop("mairie-1", TenOClock, 1, 104), admitted[4].Drop);
        Assert.All(admitted, item => Assert.Equal(ack, item.Ack));
    }

    [Fact]
    public void Beyond_the_bytes_as_stored_a_dead_letter_becomes_a_drop()
    {
        var quota = new DeadLetterQuota(new DeadLetterOptions { MaxBytesPerNodePerPeriod = 3 * DeadLetter.MaximumStoredPayloadBytes });

        // 300 KB payloads are stored as 64 KiB: three fit, the fourth does not.
        IngestItem[] admitted = [.. Enumerable.Range(0, 4).Select(i => quota.Admit(Letter("mairie-1", 300 * 1024), TenOClock, out _))];

        Assert.Equal(3, admitted.Count(item => item.DeadLetter is not null));
        Assert.Equal(300 * 1024, admitted[3].Drop?.Bytes);
    }

    [Fact]
    public void Only_the_first_drop_of_a_period_asks_for_a_log_line_and_the_next_period_starts_afresh()
    {
        var quota = new DeadLetterQuota(new DeadLetterOptions { MaxPerNodePerPeriod = 1 });
        quota.Admit(Letter("mairie-1", 1), TenOClock, out bool firstKept);
        quota.Admit(Letter("mairie-1", 1), TenOClock.AddMinutes(1), out bool firstDropped);
        quota.Admit(Letter("mairie-1", 1), TenOClock.AddMinutes(2), out bool secondDropped);

        IngestItem nextHour = quota.Admit(Letter("mairie-1", 1), TenOClock.AddHours(1), out _);

        Assert.False(firstKept);
        Assert.True(firstDropped);
        Assert.False(secondDropped);
        Assert.NotNull(nextHour.DeadLetter);
    }

    [Fact]
    public void Senders_have_their_own_quota_and_valid_data_passes_untouched()
    {
        var quota = new DeadLetterQuota(new DeadLetterOptions { MaxPerNodePerPeriod = 1 });
        quota.Admit(Letter("mairie-1", 1), TenOClock, out _);
        var valid = new IngestItem([], [], null, null, null, new AckMessage("mairie-1", AckSubject.Batch, 1, AckOutcome.Stored, null));

        Assert.Same(valid, quota.Admit(valid, TenOClock, out _));
        Assert.NotNull(quota.Admit(Letter("mairie-2", 1), TenOClock, out _).DeadLetter);
        Assert.NotNull(quota.Admit(Letter(null, 1), TenOClock, out _).DeadLetter);
        Assert.Equal(new DeadLetterDrop(null, TenOClock, 1, 1), quota.Admit(Letter(null, 1), TenOClock, out _).Drop);
    }
}
