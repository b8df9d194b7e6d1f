using System.Text;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>
/// Admins enrol nodes and manage their access (disable, enable, rotate, remove) through <see cref="NodeEnrolment"/>,
/// the same service as the command line. A new secret is shown on the answer to the POST only, never stored for later.
/// The nodes the broker has no account for (as the registry's last reconciliation found) are listed first: rotating
/// their credential is what gives them one.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class EnrolmentModel(NodeEnrolment enrolment, INodeRegistryStore registry, RegistryReconciliationStatus reconciliation) : PageModel
{
    private IReadOnlyList<RegisteredNode> _nodes = [];

    public IReadOnlyList<RegisteredNode> Nodes
    {
        get => _nodes;
        private set
        {
            _nodes = value;
            var listed = value.Select(node => node.Id).ToHashSet(StringComparer.Ordinal);
            NodesWithoutAccount = [.. reconciliation.NodesWithoutAccount.Where(listed.Contains)];
        }
    }

    /// <summary>Ids of listed nodes the broker has no account for: they need a new secret (<see cref="OnPostRotateAsync"/>).</summary>
    public IReadOnlyList<string> NodesWithoutAccount { get; private set; } = [];

    /// <summary>Just enrolled or rotated: shown once, on this answer only.</summary>
    public NodeEnrolmentResult? Issued { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public EnrolmentForm Form { get; set; } = new();

    private string Actor => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken ct) => Nodes = await registry.ListAsync(ct);

    public Task<IActionResult> OnPostEnrolAsync(CancellationToken ct) =>
        IssueAsync(() => enrolment.EnrolAsync(InFrench(Form.ToRequest()), Actor, ct), ct);

    public Task<IActionResult> OnPostRotateAsync(string nodeId, CancellationToken ct) =>
        IssueAsync(() => enrolment.RotateAsync(nodeId, Actor, ct), ct);

    public Task<IActionResult> OnPostDisableAsync(string nodeId, CancellationToken ct) =>
        ChangeAsync(() => enrolment.DisableAsync(nodeId, Actor, ct), StaffText.French.NodeDisabled(nodeId), ct);

    public Task<IActionResult> OnPostEnableAsync(string nodeId, CancellationToken ct) =>
        ChangeAsync(() => enrolment.EnableAsync(nodeId, Actor, ct), StaffText.French.NodeEnabled(nodeId), ct);

    public Task<IActionResult> OnPostRemoveAsync(string nodeId, CancellationToken ct) =>
        ChangeAsync(() => enrolment.RemoveAsync(nodeId, Actor, ct), StaffText.French.NodeRemoved(nodeId), ct);

    /// <summary>A link that downloads <paramref name="content"/> as a file without another request (works without JavaScript).</summary>
    public static string Download(string content, string mediaType) =>
        $"data:{mediaType};base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(content))}";

    private async Task<IActionResult> IssueAsync(Func<Task<NodeEnrolmentResult>> issue, CancellationToken ct)
    {
        try
        {
            Issued = await issue();
        }
        catch (Exception exception) when (Refusal(exception) is { } problems)
        {
            return await RefusedAsync(problems, ct);
        }

        Nodes = await registry.ListAsync(ct);
        Form = new EnrolmentForm();
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string done, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (Exception exception) when (Refusal(exception) is { } problems)
        {
            return await RefusedAsync(problems, ct);
        }

        Message = done;
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<string> problems, CancellationToken ct)
    {
        Problems = problems;
        Nodes = await registry.ListAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The request, or its problems in the staff's words (enrolment would refuse it in English).</summary>
    /// <exception cref="InvalidEnrolmentException">The request has problems, worded in French.</exception>
    private static NodeEnrolmentRequest InFrench(NodeEnrolmentRequest request) =>
        request.Check() is { Count: > 0 } problems ? throw new InvalidEnrolmentException([.. problems.Select(StaffText.French.EnrolmentProblem)]) : request;

    private static IReadOnlyList<string>? Refusal(Exception exception) => exception switch
    {
        InvalidEnrolmentException invalid => invalid.Problems,
        NodeAlreadyRegisteredException taken => [StaffText.French.AlreadyEnrolled(taken.NodeId)],
        UnknownNodeException unknown => [StaffText.French.NotEnrolled(unknown.NodeId)],
        BrokerCommandRefusedException or TimeoutException or InvalidOperationException => [StaffText.French.BrokerRefused(exception.Message)],
        _ => null,
    };

    /// <summary>The enrolment form's fields.</summary>
    public sealed class EnrolmentForm
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string Municipality { get; set; } = "";

        public string LampPostId { get; set; } = "";

        /// <summary>Text, read here: "45.27" and "45,27" both mean what a French or English writer meant, whatever the page's culture.</summary>
        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        /// <exception cref="InvalidEnrolmentException">A coordinate is not a number.</exception>
        public NodeEnrolmentRequest ToRequest()
        {
            var problems = new List<string>();
            double? latitude = Degrees(Latitude, nameof(Latitude), problems);
            double? longitude = Degrees(Longitude, nameof(Longitude), problems);
            return problems.Count > 0
                ? throw new InvalidEnrolmentException(problems)
                : new NodeEnrolmentRequest((Id ?? "").Trim(), Name ?? "", Municipality ?? "", LampPostId ?? "", latitude, longitude);
        }

        private static double? Degrees(string? text, string field, List<string> problems)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double degrees))
            {
                return degrees;
            }

            problems.Add(StaffText.French.NotDegrees(field, text));
            return null;
        }
    }
}
