using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Buffer;

/// <summary>A window waiting in memory for the writer, already encoded, with whoever awaits its commit.</summary>
internal sealed class PendingWindow(ClosedWindow window, byte[] payload)
{
    public ClosedWindow Window { get; } = window;

    public byte[] Payload { get; } = payload;

    public TaskCompletionSource<long> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
