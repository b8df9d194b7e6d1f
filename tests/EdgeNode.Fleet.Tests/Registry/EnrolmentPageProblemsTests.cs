using System.Net;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Registry;

/// <summary>The enrolment form refuses what cannot be enrolled in the panel's language, naming each field as its label does.</summary>
public sealed class EnrolmentPageProblemsTests : IAsyncDisposable
{
    private readonly StaffFleet _fleet = new();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task A_request_with_problems_is_refused_in_french_field_by_field_and_nothing_is_enrolled()
    {
        using StaffClient admin = await _fleet.SignedInAsync();

        using HttpResponseMessage refused = await admin.PostFormAsync("/staff/enrolment?handler=Enrol",
            ("Form.Id", "Gare/1"), ("Form.Name", " "), ("Form.Municipality", "Saint-Jean"), ("Form.LampPostId", "LP\t12"), ("Form.Latitude", "95"), ("Form.Longitude", ""));
        using HttpResponseMessage notDegrees = await admin.PostFormAsync("/staff/enrolment?handler=Enrol",
            ("Form.Id", "gare-1"), ("Form.Name", "Gare"), ("Form.Municipality", "Saint-Jean"), ("Form.Latitude", "nord"), ("Form.Longitude", "1.5"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        string page = await StaffClient.TextAsync(refused);
        Assert.Contains("Identifiant : seulement des minuscules a-z, des chiffres et des tirets", page, StringComparison.Ordinal);
        Assert.Contains("Nom : obligatoire.", page, StringComparison.Ordinal);
        Assert.Contains("Référence du lampadaire : contient un caractère de contrôle", page, StringComparison.Ordinal);
        Assert.Contains("Latitude : entre -90 et 90 degrés (WGS 84).", page, StringComparison.Ordinal);
        Assert.Contains("Latitude et longitude : donnez les deux, ou aucune.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is required", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notDegrees.StatusCode);
        Assert.Contains("Latitude : « nord » n'est pas un nombre de degrés", await StaffClient.TextAsync(notDegrees), StringComparison.Ordinal);
        Assert.Empty(await _fleet.Services.GetRequiredService<INodeRegistryStore>().ListAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_problem_has_its_french_words(EnrolmentProblemKind kind)
    {
        string french = StaffText.French.EnrolmentProblem(new EnrolmentProblem(nameof(NodeEnrolmentRequest.Name), kind, "English"));

        Assert.DoesNotContain("English", french, StringComparison.Ordinal);
        Assert.Equal(1, Enum.GetValues<EnrolmentProblemKind>().Count(other =>
            StaffText.French.EnrolmentProblem(new EnrolmentProblem(nameof(NodeEnrolmentRequest.Name), other, "English")) == french));
    }

    public static TheoryData<EnrolmentProblemKind> Kinds => [.. Enum.GetValues<EnrolmentProblemKind>()];
}
