namespace EdgeNode.Fleet.Registry;

/// <summary>An enrolment or rotation: the node as registered, and its new secret, shown once and kept nowhere else.</summary>
public sealed record NodeEnrolmentResult(RegisteredNode Node, string Secret, NodeEnrolmentBundle Bundle);
