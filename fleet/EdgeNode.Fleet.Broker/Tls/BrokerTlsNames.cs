using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace EdgeNode.Fleet.Broker.Tls;

/// <summary>The host names and addresses the broker certificate is valid for (its subject alternative names).</summary>
public sealed class BrokerTlsNames
{
    private BrokerTlsNames(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
    {
        DnsNames = dnsNames;
        Addresses = addresses;
    }

    public IReadOnlyList<string> DnsNames { get; }

    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>Every name, for comparing with a certificate's and for log lines.</summary>
    public IReadOnlySet<string> All => new SortedSet<string>(DnsNames.Concat(Addresses.Select(address => address.ToString())), StringComparer.OrdinalIgnoreCase);

    /// <summary>The common name: the first DNS name, else the first address.</summary>
    public string Primary => DnsNames.Count > 0 ? DnsNames[0] : Addresses[0].ToString();

    /// <summary>
    /// Parses <see cref="LocalBrokerOptions.TlsNames"/> (comma separated); empty gives this machine's host name,
    /// localhost and 127.0.0.1.
    /// </summary>
    public static BrokerTlsNames Parse(string setting)
    {
        string[] entries = setting.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            entries = [.. new[] { Dns.GetHostName(), "localhost", "127.0.0.1" }.Distinct(StringComparer.OrdinalIgnoreCase)];
        }
        var dnsNames = new List<string>();
        var addresses = new List<IPAddress>();
        foreach (string entry in entries)
        {
            if (IPAddress.TryParse(entry, out IPAddress? address))
            {
                addresses.Add(address);
            }
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns)
            {
                dnsNames.Add(entry.ToLowerInvariant());
            }
            else
            {
                throw new ArgumentException(
                    $"Fleet:Broker:TlsNames holds '{entry}', which is neither a host name nor an IP address: give the names nodes use to reach the broker, separated by commas.");
            }
        }
        return new BrokerTlsNames(dnsNames, addresses);
    }

    /// <summary>The names a certificate carries, in the form of <see cref="All"/>.</summary>
    public static IReadOnlySet<string> Of(X509Certificate2 certificate)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (X509SubjectAlternativeNameExtension extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.UnionWith(extension.EnumerateDnsNames());
            names.UnionWith(extension.EnumerateIPAddresses().Select(address => address.ToString()));
        }
        return names;
    }

    public SubjectAlternativeNameBuilder ToBuilder()
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (string name in DnsNames)
        {
            builder.AddDnsName(name);
        }
        foreach (IPAddress address in Addresses)
        {
            builder.AddIpAddress(address);
        }
        return builder;
    }

    public override string ToString() => string.Join(", ", All);
}
