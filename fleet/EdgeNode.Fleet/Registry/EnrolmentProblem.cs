namespace EdgeNode.Fleet.Registry;

/// <summary>
/// One thing wrong with a <see cref="NodeEnrolmentRequest"/>: the field (the request's property name), what is wrong,
/// and <see cref="English"/>, the command line's words; the staff panel words it in French from the kind.
/// </summary>
public sealed record EnrolmentProblem(string Field, EnrolmentProblemKind Kind, string English)
{
    public override string ToString() => English;
}
