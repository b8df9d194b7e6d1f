namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// A window handed to <see cref="WindowBuffer.AppendAsync"/> was not stored: storage kept failing until the memory
/// queue overflowed, or the buffer was closed first. The loss is recorded as a gap for the fleet.
/// </summary>
public sealed class WindowDroppedException(string message) : Exception(message);
