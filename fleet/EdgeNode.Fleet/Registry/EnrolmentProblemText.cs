using EdgeNode.Fleet.Localisation;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// An enrolment problem in the staff catalogue's words, each field named as the form's label does. The choice of key
/// lives here, beside the problem kinds, so that Registry uses the catalogue and the catalogue knows nothing of Registry.
/// </summary>
public static class EnrolmentProblemText
{
    public static string EnrolmentProblem(this StaffText text, EnrolmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problem);
        string field = text.EnrolmentField(problem.Field);
        return problem.Kind switch
        {
            EnrolmentProblemKind.InvalidId => text.InvalidNodeId(NodeId.MaximumLength),
            EnrolmentProblemKind.Required => text.FieldRequired(field),
            EnrolmentProblemKind.TooLong => text.FieldTooLong(field, NodeEnrolmentRequest.MaximumTextLength),
            EnrolmentProblemKind.ControlCharacter => text.FieldControlCharacter(field),
            EnrolmentProblemKind.LatitudeRange => text.LatitudeOutOfRange,
            EnrolmentProblemKind.LongitudeRange => text.LongitudeOutOfRange,
            EnrolmentProblemKind.CoordinatesPaired => text.CoordinatesNotPaired,
            _ => throw new ArgumentOutOfRangeException(
                nameof(problem), problem.Kind, $"No staff text for {nameof(EnrolmentProblemKind)}.{problem.Kind}: add a key to StaffText and its case to EnrolmentProblemText."),
        };
    }

    /// <summary>A request's property name as the enrolment form labels it; a field the form does not have keeps its name.</summary>
    public static string EnrolmentField(this StaffText text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return field switch
        {
            nameof(NodeEnrolmentRequest.Id) => text.Identifier,
            nameof(NodeEnrolmentRequest.Name) => text.Name,
            nameof(NodeEnrolmentRequest.Municipality) => text.Municipality,
            nameof(NodeEnrolmentRequest.LampPostId) => text.LampPostReference,
            _ => field,
        };
    }
}
