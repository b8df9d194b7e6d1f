namespace EdgeNode.Protocol.Messages;

/// <summary>The node found its buffer file corrupt, set it aside and started a fresh one.</summary>
/// <param name="ReadToEnd">False means an unknown number of windows beyond <paramref name="WindowsSalvaged"/> was lost.</param>
public sealed record WireSetAside(DateTimeOffset DetectedAt, string Reason, int WindowsSalvaged, bool ReadToEnd);
