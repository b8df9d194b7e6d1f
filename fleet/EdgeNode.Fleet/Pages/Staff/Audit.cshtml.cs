using EdgeNode.Fleet.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>The audit log, newest first, a page at a time; every staff user may read it.</summary>
public sealed class AuditModel(IAuditLog audit) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(long? before, CancellationToken ct) => Entries = await audit.ReadAsync(PageSize, before, ct);
}
