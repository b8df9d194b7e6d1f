namespace EdgeNode.MqttLink;

/// <summary>The broker answered SUBACK with a failure reason code (0x80 or above) for at least one filter, e.g. an ACL forbids it.</summary>
public sealed class MqttSubscriptionRefusedException(IReadOnlyList<string> refusedFilters)
    : Exception($"The broker refused the subscription to {string.Join(", ", refusedFilters)} (SUBACK failure): check the broker's ACL for this client.")
{
    public IReadOnlyList<string> RefusedFilters { get; } = refusedFilters;
}
