using System.Net;
using System.Net.Sockets;

namespace EdgeNode.Fleet.WebSecurity;

/// <summary>Who a request counts against in the per-client rate limits (public pages and staff sign-in).</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's IPv4 address, or its IPv6 /64: one subscriber line or host gets a whole /64, so limiting each of
    /// its 2^64 addresses apart would limit nothing. The address is the one forwarded headers left (the client's,
    /// behind a trusted proxy).
    /// </summary>
    public static string RateLimitKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IPAddress? address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address)
            ? new IPNetwork(Prefix64(address), 64).ToString()
            : address.ToString();
    }

    private static IPAddress Prefix64(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }
}
