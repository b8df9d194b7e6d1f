using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeNode.Fleet.Health;

/// <summary>
/// /health as plain text an operator reads with curl: the overall status, then one line per check with what it said
/// ("broker: Unhealthy: Mosquitto is not installed: apt-get install mosquitto"). 503 when anything is unhealthy.
/// Anyone may ask whether the fleet is healthy; the lines per check only staff and the server itself see
/// (<see cref="HealthReaders"/>).
/// </summary>
public static class FleetHealthEndpoint
{
    public static IEndpointConventionBuilder MapFleetHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        StringBuilder text = new StringBuilder().AppendLine(report.Status.ToString());
        if (!HealthReaders.MaySeeDetails(context))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(text.ToString());
        }

        foreach ((string name, HealthReportEntry entry) in report.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(": ").Append(entry.Description);
            }
            text.AppendLine();
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
