using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>The supervised broker's state in words: healthy when it runs (or is not ours to run).</summary>
internal sealed class BrokerHealthCheck(MosquittoSupervisor supervisor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        BrokerState state = supervisor.State;
        var data = new Dictionary<string, object> { ["phase"] = state.Phase.ToString(), ["since"] = state.Since };
        if (state.ProcessId is int pid)
        {
            data["pid"] = pid;
        }
        HealthCheckResult result = state.Phase switch
        {
            BrokerPhase.Running or BrokerPhase.External => HealthCheckResult.Healthy(state.Description, data),
            BrokerPhase.Starting => HealthCheckResult.Degraded(state.Description, data: data),
            _ => HealthCheckResult.Unhealthy(state.Description, data: data),
        };
        return Task.FromResult(result);
    }
}
