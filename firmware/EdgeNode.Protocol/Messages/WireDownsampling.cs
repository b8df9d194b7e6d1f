namespace EdgeNode.Protocol.Messages;

/// <summary>The node merged windows into longer ones to stay within its storage quota during an outage.</summary>
public sealed record WireDownsampling(DateTimeOffset From, DateTimeOffset To, int WindowsMerged, int FromSeconds, int WindowsProduced, int ToSeconds);
