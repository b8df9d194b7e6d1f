namespace EdgeNode.Fleet.Storage;

/// <summary>
/// Dead letters not kept because their sender was over its quota (<see cref="DeadLetterOptions"/>), counted per sender
/// and quota period. The stores add up the counts committed for the same sender and period.
/// </summary>
/// <param name="NodeId">The sender named by the topic; null when not even that could be read.</param>
/// <param name="PeriodStart">The start of the quota period the messages arrived in.</param>
/// <param name="Bytes">The payloads' length as received.</param>
public sealed record DeadLetterDrop(string? NodeId, DateTimeOffset PeriodStart, long Messages, long Bytes);
