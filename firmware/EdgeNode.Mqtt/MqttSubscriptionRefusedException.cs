namespace EdgeNode.Mqtt;

/// <summary>The broker answered SUBACK 0x80 (failure) for at least one filter, e.g. an ACL forbids it.</summary>
public sealed class MqttSubscriptionRefusedException(IReadOnlyList<string> refusedFilters)
    : Exception($"The broker refused the subscription to {string.Join(", ", refusedFilters)} (SUBACK 0x80): check the broker's ACL for this client.")
{
    public IReadOnlyList<string> RefusedFilters { get; } = refusedFilters;
}
