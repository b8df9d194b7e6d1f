using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Broker.Tls;

/// <summary>
/// The supervised broker's TLS files, in "{Fleet:DataDirectory}/broker/tls". On first start it makes the site CA and a
/// broker certificate the CA signs; later starts reuse both. The broker certificate is renewed when it nears its end
/// or no longer names what <see cref="LocalBrokerOptions.TlsNames"/> lists; the CA never is without an operator,
/// since every enrolled node trusts it. With <see cref="LocalBrokerOptions.TlsCertificateFile"/> set, the files of a
/// real CA are used as they are, and nothing is generated.
/// </summary>
public sealed class BrokerCertificates(IOptions<LocalBrokerOptions> options, IOptions<FleetDataOptions> data, TimeProvider time, ILogger<BrokerCertificates> logger)
{
    public const string AuthorityCertificateName = "site-ca.pem";
    public const string AuthorityKeyName = "site-ca.key";
    public const string BrokerCertificateName = "broker.pem";
    public const string BrokerKeyName = "broker.key";

    /// <summary>A CA this close to its end is announced at every start: replacing it means giving every node the new one.</summary>
    private static readonly TimeSpan AuthorityWarning = TimeSpan.FromDays(365);

    private readonly LocalBrokerOptions _options = options.Value;
    private readonly Lock _gate = new();

    public string Directory => Path.Combine(data.Value.BrokerDirectory, "tls");

    /// <summary>Makes or renews what is missing or due, and says which files Mosquitto and the nodes get.</summary>
    /// <returns>The files, and whether the broker certificate was issued just now (a running broker must restart to use it).</returns>
    public (BrokerTlsFiles Files, bool Issued) Ensure()
    {
        lock (_gate)
        {
            return _options.TlsCertificateFile.Length > 0 ? (UseRealAuthority(), false) : EnsureSiteAuthority();
        }
    }

    /// <summary>The CA certificate (PEM) nodes must trust, making it first if needed: what enrolment hands out.</summary>
    public string AuthorityPem() => File.ReadAllText(Ensure().Files.AuthorityFile);

    /// <summary>The CA file the broker certificate chains to, whether it exists yet or not (for the fleet's own sessions).</summary>
    public string AuthorityFile => _options.TlsCertificateFile.Length > 0
        ? _options.TlsCaFile
        : Path.Combine(Directory, AuthorityCertificateName);

    /// <summary>
    /// The name the fleet's own sessions, which reach the broker at 127.0.0.1, check the broker certificate against:
    /// 127.0.0.1 when the certificate names it (the site CA's does by default), else the name it is issued for, since a
    /// real CA's certificate never names a loopback address. Either way the broker must show a certificate the pinned CA
    /// signed for that name, as it must to a node.
    /// </summary>
    public string LoopbackTlsName()
    {
        const string Loopback = "127.0.0.1";
        if (_options.TlsCertificateFile.Length == 0)
        {
            BrokerTlsNames names = BrokerTlsNames.Parse(_options.TlsNames);
            return names.All.Contains(Loopback) ? Loopback : names.Primary;
        }
        try
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificateFromFile(_options.TlsCertificateFile);
            return BrokerTlsNames.Of(certificate).Contains(Loopback) ? Loopback : certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            // The supervisor reports the unreadable file when it prepares the broker; the fleet's session then fails with it.
            return Loopback;
        }
    }

    private (BrokerTlsFiles Files, bool Issued) EnsureSiteAuthority()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The fleet keeps its keys with Unix file modes: run it on Linux.");
        }
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var files = new BrokerTlsFiles(
            Path.Combine(Directory, BrokerCertificateName), Path.Combine(Directory, BrokerKeyName), Path.Combine(Directory, AuthorityCertificateName));
        DateTimeOffset now = time.GetUtcNow();
        using X509Certificate2 authority = LoadOrCreateAuthority(files.AuthorityFile, Path.Combine(Directory, AuthorityKeyName), now);
        BrokerTlsNames names = BrokerTlsNames.Parse(_options.TlsNames);
        string? reason = WhyIssueBrokerCertificate(files, authority, names, now);
        if (reason is null)
        {
            return (files, false);
        }
        using X509Certificate2 certificate = SiteCertificateFactory.CreateBrokerCertificate(authority, names, now);
        using ECDsa key = certificate.GetECDsaPrivateKey()!;
        PrivateFile.WriteSecret(files.KeyFile, key.ExportPkcs8PrivateKeyPem());
        PrivateFile.WritePublic(files.CertificateFile, certificate.ExportCertificatePem());
        logger.LogInformation("Issued the broker certificate for {Names} ({Reason}), valid until {NotAfter:yyyy-MM-dd}, thumbprint {Thumbprint}",
            names, reason, certificate.NotAfter.ToUniversalTime(), certificate.Thumbprint);
        return (files, true);
    }

    private X509Certificate2 LoadOrCreateAuthority(string certificateFile, string keyFile, DateTimeOffset now)
    {
        // The certificate is written last: without it no node can have been given this CA, so a key alone is a
        // left-over of an interrupted first start, and a new CA is safe to make.
        if (!File.Exists(certificateFile))
        {
            X509Certificate2 created = SiteCertificateFactory.CreateAuthority(System.Net.Dns.GetHostName(), now);
            using (ECDsa key = created.GetECDsaPrivateKey()!)
            {
                PrivateFile.WriteSecret(keyFile, key.ExportPkcs8PrivateKeyPem());
            }
            PrivateFile.WritePublic(certificateFile, created.ExportCertificatePem());
            logger.LogInformation("Created the site CA {Subject}, valid until {NotAfter:yyyy-MM-dd}, thumbprint {Thumbprint}: nodes are given {File} at enrolment",
                created.Subject, created.NotAfter.ToUniversalTime(), created.Thumbprint, certificateFile);
            return created;
        }
        if (!File.Exists(keyFile))
        {
            throw new InvalidOperationException(
                $"The site CA's key {keyFile} is missing, while its certificate {certificateFile} is there and nodes may trust it. " +
                "Restore the key from a backup; or, to start a new CA, move the whole directory away, restart, and give every node the new CA.");
        }
        X509Certificate2 authority = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        DateTimeOffset notAfter = new(authority.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (notAfter <= now)
        {
            authority.Dispose();
            throw new InvalidOperationException(
                $"The site CA {certificateFile} expired on {notAfter:yyyy-MM-dd}: nodes can no longer verify the broker. " +
                "Move the directory away, restart to make a new CA, and give every node the new CA.");
        }
        if (notAfter - now < AuthorityWarning)
        {
            logger.LogWarning("The site CA {File} expires on {NotAfter:yyyy-MM-dd}; it is never renewed silently: plan a new CA and give it to every node before then",
                certificateFile, notAfter);
        }
        return authority;
    }

    /// <summary>Null when the broker certificate on disk is fine, else why a new one is needed (for the log).</summary>
    private string? WhyIssueBrokerCertificate(BrokerTlsFiles files, X509Certificate2 authority, BrokerTlsNames names, DateTimeOffset now)
    {
        if (!File.Exists(files.CertificateFile) || !File.Exists(files.KeyFile))
        {
            return "none yet";
        }
        X509Certificate2 current;
        try
        {
            current = X509Certificate2.CreateFromPemFile(files.CertificateFile, files.KeyFile);
        }
        catch (CryptographicException exception)
        {
            return $"the files on disk do not load: {exception.Message}";
        }
        using (current)
        {
            DateTimeOffset notAfter = new(current.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            if (notAfter - now < _options.TlsRenewBefore)
            {
                return $"the current one expires on {notAfter:yyyy-MM-dd}";
            }
            if (!SiteCertificateFactory.ChainsTo(current, authority, now))
            {
                return "the current one is not signed by the site CA";
            }
            if (!BrokerTlsNames.Of(current).SetEquals(names.All))
            {
                return $"the current one names {string.Join(", ", BrokerTlsNames.Of(current))}";
            }
        }
        return null;
    }

    private BrokerTlsFiles UseRealAuthority()
    {
        if (_options.TlsKeyFile.Length == 0 || _options.TlsCaFile.Length == 0)
        {
            throw new InvalidOperationException(
                "Fleet:Broker:TlsCertificateFile is set, so Fleet:Broker:TlsKeyFile (its private key) and Fleet:Broker:TlsCaFile (the root CA nodes trust) must be set too.");
        }
        foreach (string file in new[] { _options.TlsCertificateFile, _options.TlsKeyFile, _options.TlsCaFile })
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"The broker TLS file {file} does not exist (Fleet:Broker:Tls… settings).");
            }
        }
        using X509Certificate2 certificate = X509Certificate2.CreateFromPemFile(_options.TlsCertificateFile, _options.TlsKeyFile);
        DateTimeOffset notAfter = new(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (notAfter - time.GetUtcNow() < _options.TlsRenewBefore)
        {
            logger.LogWarning("The broker certificate {File} expires on {NotAfter:yyyy-MM-dd}: renew it with its CA and restart the fleet",
                _options.TlsCertificateFile, notAfter);
        }
        return new BrokerTlsFiles(_options.TlsCertificateFile, _options.TlsKeyFile, _options.TlsCaFile);
    }
}
