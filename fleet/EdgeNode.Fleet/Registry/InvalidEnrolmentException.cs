namespace EdgeNode.Fleet.Registry;

/// <summary>An enrolment request with problems; nothing was created.</summary>
public sealed class InvalidEnrolmentException(IReadOnlyList<string> problems)
    : Exception("The node cannot be enrolled: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
