using System.Net;
using System.Net.Sockets;

namespace EdgeNode.Fleet.WebSecurity;

/// <summary>Reads <see cref="TrustedProxyOptions.TrustedProxies"/>: an address is a network of one.</summary>
public static class TrustedProxyList
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\n', '\r'];

    /// <returns>False, with the first entry that is neither an address nor a network, when one is not.</returns>
    public static bool TryParse(string? text, out IReadOnlyList<IPNetwork> networks, out string? invalid)
    {
        var found = new List<IPNetwork>();
        networks = found;
        invalid = null;
        foreach (string entry in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPAddress.TryParse(entry, out IPAddress? address) && !entry.Contains('/', StringComparison.Ordinal))
            {
                found.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32));
            }
            else if (IPNetwork.TryParse(entry, out IPNetwork network))
            {
                found.Add(network);
            }
            else
            {
                invalid = entry;
                return false;
            }
        }

        return true;
    }
}
