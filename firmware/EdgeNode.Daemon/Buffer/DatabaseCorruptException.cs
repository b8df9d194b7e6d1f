namespace EdgeNode.Daemon.Buffer;

/// <summary>The buffer file failed its integrity check, or holds something this firmware cannot use.</summary>
internal sealed class DatabaseCorruptException(string message) : Exception(message);
