using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeNode.Fleet.Storage;

/// <summary>Ready when the store answers a cheap query (the dead-letter count, a small table).</summary>
internal sealed class FleetStoreHealthCheck(IFleetStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CountDeadLettersAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is FleetStoreException or System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("the fleet store does not answer", exception);
        }
    }
}
