using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Tests.Buffer;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Daemon.Windows;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.TestSupport;

namespace EdgeNode.Daemon.Tests.Uplink;

public sealed class BatchAssemblerTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("edgenode-assembler-");
    private WindowBuffer _buffer = null!;

    public Task InitializeAsync()
    {
        _buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = _data.File("buffer.db"), BootId = "boot-now" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _buffer.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Windows_waiting_for_the_clock_are_held_back_only_when_asked()
    {
        await _buffer.AppendAsync(SampleWindows.Quarterly(0));
        await _buffer.AppendAsync(SampleWindows.Quarterly(1) with { Time = WindowTimeQuality.Unconfirmed }, new BootStamp("boot-now", TimeSpan.FromMinutes(20)));
        await _buffer.AppendAsync(SampleWindows.Quarterly(2) with { Time = WindowTimeQuality.Unconfirmed }, new BootStamp("boot-before", TimeSpan.FromMinutes(5)));
        var assembler = new BatchAssembler(_buffer, "n1", "ops243", TimeProvider.System);

        OutgoingBatch patient = assembler.Next(10, holdBackUndated: true)!;
        OutgoingBatch all = assembler.Next(10, holdBackUndated: false)!;

        // This boot's undated window waits; an earlier boot's can never be dated, so it goes flagged.
        IReadOnlyList<WireWindow> patientWindows = EdgeCodec.DecodeBatch(patient.Payload).Windows;
        Assert.Equal([SampleWindows.Quarterly(0).Start, SampleWindows.Quarterly(2).Start], patientWindows.Select(w => w.Start));
        Assert.Equal(WireTimeQuality.Unconfirmed, patientWindows[1].Time);
        Assert.Equal(3, all.WindowIds.Count);
    }

    [Fact]
    public async Task Forgetting_a_batch_deletes_its_windows_and_only_them()
    {
        for (int n = 0; n < 5; n++)
        {
            await _buffer.AppendAsync(SampleWindows.Quarterly(n));
        }
        var assembler = new BatchAssembler(_buffer, "n1", "ops243", TimeProvider.System);

        OutgoingBatch first = assembler.Next(3)!;
        assembler.Forget(first);

        Assert.Equal(2, _buffer.Status().UnsentWindows);
        OutgoingBatch second = assembler.Next(3)!;
        Assert.NotEqual(first.BatchId, second.BatchId);
        Assert.Equal([SampleWindows.Quarterly(3).Start, SampleWindows.Quarterly(4).Start], EdgeCodec.DecodeBatch(second.Payload).Windows.Select(w => w.Start));
    }

    [Fact]
    public void An_empty_outbox_gives_no_batch() =>
        Assert.Null(new BatchAssembler(_buffer, "n1", "ops243", TimeProvider.System).Next(10));
}
