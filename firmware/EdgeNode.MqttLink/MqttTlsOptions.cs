using System.Security.Cryptography.X509Certificates;

namespace EdgeNode.MqttLink;

/// <summary>
/// TLS with a pinned certificate authority: the broker's chain must end at one of
/// <paramref name="TrustedAuthorities"/> (the machine's own trust store is not consulted), and the
/// certificate must name <paramref name="TargetHost"/>, or <see cref="MqttClientOptions.Host"/> when null.
/// There is deliberately no "trust anything" switch.
/// </summary>
public sealed record MqttTlsOptions(X509Certificate2Collection TrustedAuthorities, string? TargetHost = null)
{
    /// <summary>Trusts the certificates in a PEM file, such as the site CA a fleet hands its nodes.</summary>
    public static MqttTlsOptions FromPemFile(string caFile, string? targetHost = null)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caFile);
        return new MqttTlsOptions(authorities, targetHost);
    }
}
