using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>
/// Open alerts and those cleared recently. Every staff user reads them; only a technician or an admin may acknowledge
/// one (the staff folder's policy already refuses a viewer's POST; the handler checks again so that the rule holds
/// whatever the folder's conventions become), and each acknowledgement is audited.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class AlertsModel(
    IMonitoringStore alerts,
    FleetStatusReader reader,
    IAuthorizationService authorization,
    IAuditLog audit,
    IOptions<AlertOptions> options,
    TimeProvider time,
    StaffText text,
    ILogger<AlertsModel> logger) : PageModel
{
    /// <summary>Who may acknowledge: a technician or an admin.</summary>
    public const string AcknowledgePolicy = StaffPolicies.Technician;

    /// <summary>The audit log's action for an acknowledgement.</summary>
    public const string AcknowledgeAction = "alert.acknowledge";

    private const int RecentLimit = 200;

    public IReadOnlyList<FleetAlert> Open { get; private set; } = [];

    public IReadOnlyList<FleetAlert> Cleared { get; private set; } = [];

    public IReadOnlyDictionary<string, NodeState> Nodes { get; private set; } = new Dictionary<string, NodeState>();

    public bool CanAcknowledge { get; private set; }

    public TimeSpan RecentWindow => options.Value.RecentlyClearedWindow;

    /// <summary>The alert just acknowledged, to say so after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Acknowledged { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAcknowledge = (await authorization.AuthorizeAsync(User, AcknowledgePolicy)).Succeeded;
        Open = await alerts.ReadOpenAlertsAsync(null, ct);
        Cleared = await alerts.ReadClearedAlertsAsync(null, time.GetUtcNow() - RecentWindow, RecentLimit, ct);
        Nodes = (await reader.ReadAsync(ct)).Nodes.ToDictionary(node => node.NodeId, StringComparer.Ordinal);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AcknowledgePolicy)).Succeeded)
        {
            return Forbid();
        }

        if (await alerts.FindAlertAsync(id, ct) is not { } alert)
        {
            return NotFound();
        }

        string who = User.Identity?.Name ?? "?";
        if (await alerts.AcknowledgeAlertAsync(id, who, time.GetUtcNow(), ct))
        {
            logger.LogInformation("Alert {AlertId} acknowledged by {User}", id, who);
            await audit.RecordAsync(who, AcknowledgeAction, alert.NodeId,
                text.AcknowledgedAudit(id, text.AlertKindName(alert.Kind), alert.Subject), ct);
        }

        return RedirectToPage(new { acknowledged = id });
    }
}
