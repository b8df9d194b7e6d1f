using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Registry;

/// <summary>An enrolment problem in the staff panel's words, each naming the form's field as its label does.</summary>
public static class EnrolmentProblemText
{
    public static string InFrench(EnrolmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string field = Field(problem.Field);
        return problem.Kind switch
        {
            EnrolmentProblemKind.InvalidId =>
                $"Identifiant : seulement des minuscules a-z, des chiffres et des tirets (ni au début ni à la fin), {NodeId.MaximumLength} caractères au plus.",
            EnrolmentProblemKind.Required => $"{field} : obligatoire.",
            EnrolmentProblemKind.TooLong => $"{field} : {NodeEnrolmentRequest.MaximumTextLength} caractères au plus.",
            EnrolmentProblemKind.ControlCharacter => $"{field} : contient un caractère de contrôle (retour à la ligne, tabulation…).",
            EnrolmentProblemKind.LatitudeRange => "Latitude : entre -90 et 90 degrés (WGS 84).",
            EnrolmentProblemKind.LongitudeRange => "Longitude : entre -180 et 180 degrés (WGS 84).",
            _ => "Latitude et longitude : donnez les deux, ou aucune.",
        };
    }

    /// <summary>The refusal of an id already enrolled, and of one nobody enrolled.</summary>
    public static string AlreadyEnrolled(string nodeId) =>
        $"Un nœud est déjà enrôlé sous l'identifiant « {nodeId} » : choisissez-en un autre, ou donnez un nouveau secret à ce nœud.";

    public static string NotEnrolled(string nodeId) => $"Aucun nœud n'est enrôlé sous l'identifiant « {nodeId} ».";

    private static string Field(string field) => field switch
    {
        nameof(NodeEnrolmentRequest.Id) => "Identifiant",
        nameof(NodeEnrolmentRequest.Name) => "Nom",
        nameof(NodeEnrolmentRequest.Municipality) => "Commune",
        nameof(NodeEnrolmentRequest.LampPostId) => "Référence du lampadaire",
        _ => field,
    };
}
