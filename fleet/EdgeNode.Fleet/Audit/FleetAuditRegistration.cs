using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeNode.Fleet.Audit;

public static class FleetAuditRegistration
{
    /// <summary>The audit log (<see cref="IAuditLog"/>) over the fleet's database.</summary>
    public static IHostApplicationBuilder AddFleetAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        return builder;
    }
}
