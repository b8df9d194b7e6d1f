namespace EdgeNode.Protocol.Messages;

/// <summary>Windows the node had to drop: the fleet shows the hole with its cause instead of a silent absence.</summary>
public sealed record WireGap(DateTimeOffset From, DateTimeOffset To, int WindowCount, WireGapCause Cause);
