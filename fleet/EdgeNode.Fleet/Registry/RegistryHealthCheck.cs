using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// "registry" on /health: whether the node registry and the broker's accounts were last found in step. Healthy
/// "in step (N nodes)", N read from the registry at each request, so that an enrolment, a disabling or a removal (made
/// in the panel or by the command line in another process, both of which change registry and broker together) shows
/// at once rather than at the next comparison; Degraded before the first comparison, or naming the nodes the broker has no account for;
/// Unhealthy once no comparison has succeeded for <see cref="RegistryReconciliationOptions.StaleAfter"/>, since the
/// fleet would then not see, nor repair, an account that should not be there.
/// </summary>
internal sealed class RegistryHealthCheck(
    RegistryReconciliationStatus status,
    INodeRegistryStore registry,
    IOptions<RegistryReconciliationOptions> options,
    TimeProvider time) : IHealthCheck
{
    /// <summary>Ids named in the description at most; the enrolment page lists them all.</summary>
    private const int NamedAtMost = 20;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        HealthCheckResult result = Check();
        if (result.Status != HealthStatus.Healthy || status.LastSuccess is not { } last || status.NotChecked is not null)
        {
            return result;
        }

        string latest = status.Failure is { } failure ? $"; the latest comparison failed: {failure}" : "";
        try
        {
            IReadOnlyList<RegisteredNode> nodes = await registry.ListAsync(cancellationToken);
            int disabled = nodes.Count(node => !node.Enabled);
            string count = disabled > 0 ? $"{nodes.Count} nodes, {disabled} disabled" : $"{nodes.Count} nodes";
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"in step ({count}){latest}"), result.Data);
        }
        catch (Storage.FleetStoreException)
        {
            // The storage check says what is wrong with the database; here, the count the comparison saw.
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"in step ({last.NodeCount} nodes at the last comparison){latest}"), result.Data);
        }
    }

    private HealthCheckResult Check()
    {
        if (status.NotChecked is { } reason)
        {
            return HealthCheckResult.Healthy($"not compared with the broker's accounts: {reason}");
        }

        RegistryReconciliation? last = status.LastSuccess;
        string? failure = status.Failure;
        var data = new Dictionary<string, object>();
        if (last is not null)
        {
            data["lastSuccess"] = last.At;
        }

        TimeSpan since = time.GetUtcNow() - (last?.At ?? status.WatchingSince);
        if (since > options.Value.StaleAfter)
        {
            string why = failure ?? "no comparison has run";
            return HealthCheckResult.Unhealthy(
                last is null
                    ? $"never compared with the broker's accounts since the fleet started {Duration(since)} ago: {why}"
                    : $"not compared with the broker's accounts for {Duration(since)}: {why}",
                data: data);
        }

        if (last is null)
        {
            return HealthCheckResult.Degraded(failure is null ? "not compared with the broker's accounts yet" : $"not compared with the broker's accounts yet: {failure}", data: data);
        }

        IReadOnlyList<string> missing = status.NodesWithoutAccount;
        data["nodesWithoutAccount"] = missing.Count;
        string latest = failure is null ? "" : $"; the latest comparison failed: {failure}";
        if (missing.Count > 0)
        {
            string named = string.Join(", ", missing.Take(NamedAtMost)) + (missing.Count > NamedAtMost ? $" and {missing.Count - NamedAtMost} more" : "");
            return HealthCheckResult.Degraded(
                missing.Count == 1
                    ? $"no broker account for node {named}: rotate its credential to give it one{latest}"
                    : $"no broker account for nodes {named}: rotate their credential to give them one{latest}",
                data: data);
        }

        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"in step ({last.NodeCount} nodes){latest}"), data);
    }

    private static string Duration(TimeSpan span) => span.TotalHours >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min");
}
