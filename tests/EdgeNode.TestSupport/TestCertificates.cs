using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeNode.TestSupport;

/// <summary>
/// A throwaway CA and a server certificate it signs, for 127.0.0.1 and localhost: the one place tests make certificates
/// (the MQTT client's TLS tests and the TLS cost benchmark).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 server, ECDsa serverKey)
    {
        Authority = authority;
        Server = server;
        ServerKey = serverKey;
    }

    public X509Certificate2 Authority { get; }
    public X509Certificate2 Server { get; }
    public ECDsa ServerKey { get; }

    public static TestCertificates Create(string authorityName = "EdgeNode Test CA")
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest($"CN={authorityName}", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        X509Certificate2 authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        byte[] serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        X509Certificate2 server = serverRequest.Create(authority, now.AddDays(-1), now.AddDays(30), serial);
        return new TestCertificates(authority, server, serverKey);
    }

    /// <summary>Writes ca.pem, server.pem and server.key (PKCS#8) for Mosquitto; returns the listener lines.</summary>
    public string WriteMosquittoFiles(string directory)
    {
        string ca = Path.Combine(directory, "ca.pem");
        string certificate = Path.Combine(directory, "server.pem");
        string key = Path.Combine(directory, "server.key");
        File.WriteAllText(ca, Authority.ExportCertificatePem());
        File.WriteAllText(certificate, Server.ExportCertificatePem());
        File.WriteAllText(key, ServerKey.ExportPkcs8PrivateKeyPem());
        return $"cafile {ca}\ncertfile {certificate}\nkeyfile {key}";
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        ServerKey.Dispose();
    }
}
