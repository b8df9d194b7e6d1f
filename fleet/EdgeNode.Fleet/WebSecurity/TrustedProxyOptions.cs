namespace EdgeNode.Fleet.WebSecurity;

/// <summary>Section <c>Fleet:Web</c>: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto the fleet believes.</summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Fleet:Web";

    /// <summary>Every loopback address: a proxy on the same machine, which is what the README describes.</summary>
    public const string Loopback = "127.0.0.0/8, ::1";

    /// <summary>
    /// IP addresses and CIDR networks ("10.0.0.5, 192.168.1.0/24, ::1"), separated by commas or spaces, or as a
    /// configuration list. Forwarded headers from any other address are ignored: the client is the connection's
    /// address. Empty: no proxy is trusted.
    /// </summary>
    public string TrustedProxies { get; set; } = Loopback;
}
