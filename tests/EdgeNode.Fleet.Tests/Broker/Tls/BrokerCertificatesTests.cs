using System.Net;
using System.Security.Cryptography.X509Certificates;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Tls;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker.Tls;

public sealed class BrokerCertificatesTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _data = new("edgenode-fleet-tls-");
    private readonly RecordingLogger<BrokerCertificates> _logger = new(output.WriteLine);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_first_start_makes_a_CA_and_a_broker_certificate_that_later_starts_reuse()
    {
        (BrokerTlsFiles files, bool issued) = Certificates().Ensure();
        using X509Certificate2 authority = Load(files.AuthorityFile);
        using X509Certificate2 broker = Load(files.CertificateFile);

        (BrokerTlsFiles again, bool issuedAgain) = Certificates().Ensure();
        using X509Certificate2 authorityAgain = Load(again.AuthorityFile);
        using X509Certificate2 brokerAgain = Load(again.CertificateFile);

        Assert.True(issued);
        Assert.False(issuedAgain);
        Assert.Equal(files, again);
        Assert.Equal(authority.Thumbprint, authorityAgain.Thumbprint);
        Assert.Equal(broker.Thumbprint, brokerAgain.Thumbprint);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Private_keys_are_readable_by_the_owner_only()
    {
        BrokerCertificates certificates = Certificates();
        (BrokerTlsFiles files, _) = certificates.Ensure();

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(files.KeyFile));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(certificates.Directory, BrokerCertificates.AuthorityKeyName)));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(certificates.Directory));
    }

    [Fact]
    public void The_CA_is_a_CA_and_the_broker_certificate_chains_to_it_with_the_configured_names()
    {
        (BrokerTlsFiles files, _) = Certificates(names: "broker.example.org, 192.0.2.10").Ensure();
        using X509Certificate2 authority = Load(files.AuthorityFile);
        using X509Certificate2 broker = X509Certificate2.CreateFromPemFile(files.CertificateFile, files.KeyFile);

        X509BasicConstraintsExtension constraints = authority.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(authority.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.True(authority.NotAfter > DateTime.UtcNow.AddYears(19));
        Assert.NotNull(broker.GetECDsaPublicKey());

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1"));
        Assert.True(chain.Build(broker), string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation)));
        Assert.True(broker.MatchesHostname("broker.example.org"));
        Assert.True(broker.MatchesHostname("192.0.2.10"));
        Assert.False(broker.MatchesHostname("localhost"));
        Assert.InRange(broker.NotAfter, DateTime.UtcNow.AddDays(700), DateTime.UtcNow.AddDays(740));
    }

    [Fact]
    public void By_default_the_broker_certificate_names_this_machine_localhost_and_127_0_0_1()
    {
        (BrokerTlsFiles files, _) = Certificates().Ensure();
        using X509Certificate2 broker = Load(files.CertificateFile);

        Assert.True(broker.MatchesHostname(Dns.GetHostName()));
        Assert.True(broker.MatchesHostname("localhost"));
        Assert.True(broker.MatchesHostname("127.0.0.1"));
    }

    [Fact]
    public void The_broker_certificate_is_renewed_near_its_end_and_the_CA_is_kept()
    {
        var clock = new FixedTime(DateTimeOffset.UtcNow);
        (BrokerTlsFiles files, _) = Certificates(time: clock).Ensure();
        string authority = File.ReadAllText(files.AuthorityFile);
        string broker = File.ReadAllText(files.CertificateFile);

        clock.Now = clock.Now.AddDays(365);
        (_, bool issuedAfterAYear) = Certificates(time: clock).Ensure();
        clock.Now = clock.Now.AddDays(2 * 365 - 365 - 20);
        (_, bool issuedNearTheEnd) = Certificates(time: clock).Ensure();

        Assert.False(issuedAfterAYear);
        Assert.True(issuedNearTheEnd);
        Assert.Equal(authority, File.ReadAllText(files.AuthorityFile));
        Assert.NotEqual(broker, File.ReadAllText(files.CertificateFile));
        using X509Certificate2 renewed = Load(files.CertificateFile);
        Assert.True(renewed.NotAfter > clock.Now.UtcDateTime.AddDays(365));
    }

    [Fact]
    public void Changing_the_names_issues_a_new_broker_certificate_from_the_same_CA()
    {
        (BrokerTlsFiles files, _) = Certificates(names: "a.example.org").Ensure();
        string authority = File.ReadAllText(files.AuthorityFile);

        (_, bool issued) = Certificates(names: "a.example.org, b.example.org").Ensure();

        Assert.True(issued);
        Assert.Equal(authority, File.ReadAllText(files.AuthorityFile));
        using X509Certificate2 broker = Load(files.CertificateFile);
        Assert.True(broker.MatchesHostname("b.example.org"));
    }

    [Fact]
    public void A_CA_whose_key_was_lost_is_not_replaced_silently()
    {
        BrokerCertificates certificates = Certificates();
        certificates.Ensure();
        File.Delete(Path.Combine(certificates.Directory, BrokerCertificates.AuthorityKeyName));

        InvalidOperationException refusal = Assert.Throws<InvalidOperationException>(() => Certificates().Ensure());

        Assert.Contains("key", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("every node", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_authority_handed_to_nodes_is_the_site_CA()
    {
        BrokerCertificates certificates = Certificates();

        string pem = certificates.AuthorityPem();

        using X509Certificate2 authority = X509Certificate2.CreateFromPem(pem);
        Assert.StartsWith("CN=EdgeNode site CA", authority.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
    }

    private static X509Certificate2 Load(string certificateFile) => X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));

    private BrokerCertificates Certificates(string names = "", TimeProvider? time = null) => new(
        Options.Create(new LocalBrokerOptions { TlsNames = names }),
        Options.Create(new FleetDataOptions { DataDirectory = _data.Path }),
        time ?? TimeProvider.System,
        _logger);
}
