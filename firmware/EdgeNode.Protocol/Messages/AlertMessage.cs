using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Messages;

/// <summary>A pollution alert raised or cleared, sent on <c>up/alert</c> the moment it happens.</summary>
/// <param name="AlertId">Chosen by the node, echoed in the fleet's ack.</param>
/// <param name="Band">The band the rolling mean is in now.</param>
/// <param name="Raised">True when the threshold was crossed upwards, false when the alert cleared.</param>
public sealed record AlertMessage(
    string NodeId,
    ulong AlertId,
    WireMetric Metric,
    WireBand Band,
    bool Raised,
    double RollingMean,
    double Threshold,
    int RollingSeconds,
    DateTimeOffset At);
