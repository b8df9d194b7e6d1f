using System.Net;
using EdgeNode.Fleet.Staff;

namespace EdgeNode.Fleet.Health;

/// <summary>
/// Who may read /health's details (the broker's process id and ports, node ids, error texts): staff signed in, and
/// requests made on the server itself (the operator's curl, the demo). Not a request a reverse proxy on the same
/// machine relays: it arrives from loopback too, but carries the proxy's forwarding header, and the public behind it
/// is told only whether the fleet is healthy.
/// </summary>
internal static class HealthReaders
{
    /// <summary>Headers a reverse proxy adds (and the forwarded-headers middleware leaves for an untrusted one).</summary>
    private static readonly string[] RelayHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    public static bool MaySeeDetails(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && StaffRoles.All.Any(context.User.IsInRole))
        {
            return true;
        }

        IPAddress? address = context.Connection.RemoteIpAddress;
        return address is not null && IPAddress.IsLoopback(address) && !RelayHeaders.Any(context.Request.Headers.ContainsKey);
    }
}
