using EdgeNode.Fleet.Registry;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>What the fleet knows about one node right now: the input of <see cref="FleetStatusClassifier"/>.</summary>
/// <param name="Registered">Null for a node that sends but is not (or no longer) in the registry.</param>
/// <param name="Health">The latest health report, or null when none was received or it could not be read.</param>
/// <param name="HealthUnreadable">True when a report was stored but is not a health report this fleet can read.</param>
/// <param name="HealthReceivedAt">When the latest health report says it was made (null without one).</param>
/// <param name="LastDataAt">End of the newest data window received from the node, or null.</param>
/// <remarks>
/// Health and data times are the node's own stamps: a node back-filling a week sends a week-old stamp now. What the
/// fleet itself saw is apart: <see cref="LastReceivedAt"/> and <see cref="WatchedSince"/>.
/// </remarks>
public sealed record NodeObservation(
    string NodeId,
    RegisteredNode? Registered,
    HealthReport? Health,
    bool HealthUnreadable,
    DateTimeOffset? HealthReceivedAt,
    DateTimeOffset? LastDataAt)
{
    /// <summary>When this fleet instance last received any message from the node, by the fleet's clock; null when it has not since it started.</summary>
    public DateTimeOffset? LastReceivedAt { get; init; }

    /// <summary>
    /// Since when the node could have reached the fleet: its enrolment. A node cannot be late before two sync intervals
    /// have passed since then. Null: unknown (not registered), stamps alone decide.
    /// </summary>
    /// <remarks>
    /// Not the fleet's own start: an open silence alert would then be cleared at each restart and raised again two
    /// intervals later.
    /// </remarks>
    public DateTimeOffset? WatchedSince { get; init; }

    /// <summary>The latest of health and data, or null when the node was never heard from.</summary>
    public DateTimeOffset? LastSeen =>
        HealthReceivedAt is { } health && LastDataAt is { } data ? (health > data ? health : data) : HealthReceivedAt ?? LastDataAt;
}
