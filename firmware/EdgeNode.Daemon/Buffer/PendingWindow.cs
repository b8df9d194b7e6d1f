using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Buffer;

/// <summary>A window waiting in memory for the writer, already encoded, with whoever awaits its commit.</summary>
internal sealed class PendingWindow(ClosedWindow window, byte[] payload, BootStamp? stamp)
{
    public ClosedWindow Window { get; } = window;

    public byte[] Payload { get; } = payload;

    /// <summary>Where an Unconfirmed window started on its boot's monotonic clock; null otherwise.</summary>
    public BootStamp? Stamp { get; } = stamp;

    public TaskCompletionSource<long> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
