namespace EdgeNode.Daemon.Buffer;

/// <summary>What the buffer file holds, for the status report.</summary>
internal sealed record DatabaseFigures(long BytesUsed, int UnsentWindows, DateTimeOffset? OldestUnsentStart, int Gaps, int Downsamplings, int SetAside, int Unconfirmed, int Restamped);
