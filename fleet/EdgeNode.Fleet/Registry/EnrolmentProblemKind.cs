namespace EdgeNode.Fleet.Registry;

/// <summary>What can be wrong with a <see cref="NodeEnrolmentRequest"/>.</summary>
public enum EnrolmentProblemKind
{
    /// <summary>The id breaks the node-id rule (<see cref="Protocol.Topics.NodeId"/>).</summary>
    InvalidId,
    Required,
    TooLong,
    ControlCharacter,
    LatitudeRange,
    LongitudeRange,

    /// <summary>One coordinate without the other.</summary>
    CoordinatesPaired,
}
