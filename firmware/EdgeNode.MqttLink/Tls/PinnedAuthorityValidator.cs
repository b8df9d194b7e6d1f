using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace EdgeNode.MqttLink.Tls;

/// <summary>
/// Accepts the broker's certificate only if its chain ends at one of our pinned authorities and it names
/// the host we asked for. The machine's trust store plays no part: a node trusts its fleet's CA, not every
/// public CA, and a public CA trusts nothing of ours. It keeps why it refused, in words for the connection state.
/// </summary>
internal sealed class PinnedAuthorityValidator(X509Certificate2Collection authorities)
{
    /// <summary>Why the last validation failed, in words for the log and the connection state.</summary>
    public string? Failure { get; private set; }

    /// <summary>Forgets the last refusal, before a new attempt.</summary>
    public void Clear() => Failure = null;

    public bool Validate(MqttClientCertificateValidationEventArgs presented) =>
        Validate(presented.Certificate, presented.Chain, presented.SslPolicyErrors);

    private bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return Fail("the broker presented no certificate");
        }
        // SslStream computed the name check against TargetHost (DNS or IP subject alternative names).
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return Fail($"the broker's certificate ({certificate.Subject}) does not name the host we connected to");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // Revocation is not checked: nodes are often offline, and with a private pinned CA the remedy
        // for a compromised broker key is re-issuing from that CA, not an OCSP round trip on a metered link.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // Intermediates the broker sent may be needed to reach our root; they are not trusted by this.
            foreach (X509ChainElement element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        X509Certificate2 leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (!chain.Build(leaf))
        {
            string reasons = string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation.Trim()).Distinct());
            return Fail($"the broker's certificate ({leaf.Subject}) does not chain to a trusted authority: {reasons}");
        }
        Failure = null;
        return true;
    }

    private bool Fail(string reason)
    {
        Failure = reason;
        return false;
    }
}
