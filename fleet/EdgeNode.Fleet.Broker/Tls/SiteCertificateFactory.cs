using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeNode.Fleet.Broker.Tls;

/// <summary>
/// Makes the site CA and the broker certificates it signs: ECDSA P-256 with SHA-256 throughout, the curve Mosquitto's
/// OpenSSL, our client and the nodes' firmware signing already share.
/// </summary>
internal static class SiteCertificateFactory
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>Long-lived, because every enrolled node trusts it: replacing it means re-enrolling the trust of every node.</summary>
    public static readonly TimeSpan AuthorityValidity = TimeSpan.FromDays(20 * 365);

    /// <summary>Short enough to limit a leaked key's use, long enough that renewal (automatic) is rare.</summary>
    public static readonly TimeSpan BrokerValidity = TimeSpan.FromDays(2 * 365);

    /// <summary>Clocks of the machines that check it may be a little behind.</summary>
    private static readonly TimeSpan Backdating = TimeSpan.FromHours(1);

    /// <summary>A self-signed CA that may sign end-entity certificates only (path length 0).</summary>
    public static X509Certificate2 CreateAuthority(string siteName, DateTimeOffset now)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN=EdgeNode site CA ({Escape(siteName)}), O=EdgeNode"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), now - Backdating, now + AuthorityValidity, NewSerialNumber())
            .CopyWithPrivateKey(key);
    }

    /// <summary>A TLS server certificate for <paramref name="names"/>, signed by <paramref name="authority"/> (which must hold its private key).</summary>
    public static X509Certificate2 CreateBrokerCertificate(X509Certificate2 authority, BrokerTlsNames names, DateTimeOffset now)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(names.Primary)}, O=EdgeNode"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(names.ToBuilder().Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        // Never valid beyond the CA that vouches for it.
        DateTimeOffset notAfter = new[] { now + BrokerValidity, new DateTimeOffset(authority.NotAfter.ToUniversalTime(), TimeSpan.Zero) }.Min();
        using X509Certificate2 certificate = request.Create(authority, now - Backdating, notAfter, NewSerialNumber());
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to <paramref name="authority"/> alone (the machine's store is not consulted).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        return chain.Build(certificate);
    }

    /// <summary>Positive 16-byte serial numbers, random as RFC 5280 (section 4.1.2.2) and the CA/Browser Forum ask.</summary>
    private static byte[] NewSerialNumber()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    /// <summary>Keeps a host name from being read as more than one attribute of a distinguished name.</summary>
    private static string Escape(string value) =>
        new(value.Select(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or ' ' or '_' ? character : '_').ToArray());
}
