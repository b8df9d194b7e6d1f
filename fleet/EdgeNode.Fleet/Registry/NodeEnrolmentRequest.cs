using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Registry;

/// <summary>What staff say about a node they enrol; <see cref="Problems"/> checks it before anything is created.</summary>
public sealed record NodeEnrolmentRequest(
    string Id,
    string Name,
    string Municipality,
    string LampPostId = "",
    double? Latitude = null,
    double? Longitude = null)
{
    /// <summary>Longest name or municipality kept: enough for "Groupe scolaire Jules-Ferry, entrée rue de la Gare".</summary>
    public const int MaximumTextLength = 120;

    /// <summary>Every problem, each naming the field, in English; empty when the request can be enrolled.</summary>
    public IReadOnlyList<string> Problems() => [.. Check().Select(problem => problem.English)];

    /// <summary>Every problem, for a reader to word in their language; empty when the request can be enrolled.</summary>
    public IReadOnlyList<EnrolmentProblem> Check()
    {
        var problems = new List<EnrolmentProblem>();
        if (!NodeId.IsValid(Id, out string idProblem))
        {
            problems.Add(new(nameof(Id), EnrolmentProblemKind.InvalidId, $"Id: {idProblem}"));
        }

        RequireText(problems, nameof(Name), Name, required: true);
        RequireText(problems, nameof(Municipality), Municipality, required: true);
        RequireText(problems, nameof(LampPostId), LampPostId, required: false);
        if (Latitude is { } latitude && !(latitude is >= -90 and <= 90))
        {
            problems.Add(new(nameof(Latitude), EnrolmentProblemKind.LatitudeRange, "Latitude: must be between -90 and 90 degrees (WGS 84)."));
        }

        if (Longitude is { } longitude && !(longitude is >= -180 and <= 180))
        {
            problems.Add(new(nameof(Longitude), EnrolmentProblemKind.LongitudeRange, "Longitude: must be between -180 and 180 degrees (WGS 84)."));
        }

        if (Latitude.HasValue != Longitude.HasValue)
        {
            problems.Add(new($"{nameof(Latitude)}, {nameof(Longitude)}", EnrolmentProblemKind.CoordinatesPaired, "Latitude and Longitude: give both, or neither."));
        }

        return problems;
    }

    private static void RequireText(List<EnrolmentProblem> problems, string field, string? value, bool required)
    {
        if (value is null || (required && string.IsNullOrWhiteSpace(value)))
        {
            problems.Add(new(field, EnrolmentProblemKind.Required, $"{field}: is required."));
        }
        else if (value.Length > MaximumTextLength)
        {
            problems.Add(new(field, EnrolmentProblemKind.TooLong, $"{field}: at most {MaximumTextLength} characters."));
        }
        else if (value.Any(char.IsControl))
        {
            problems.Add(new(field, EnrolmentProblemKind.ControlCharacter, $"{field}: contains a control character."));
        }
    }
}
