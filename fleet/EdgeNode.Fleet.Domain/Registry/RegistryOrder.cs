using System.Text;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// The one order nodes are listed in, whichever database keeps them: municipality, then name, accents and case
/// ignored ("Écoles" sorts with "ecoles", before "Mairie"), then id.
/// </summary>
/// <remarks>
/// Done here rather than by ORDER BY because SQLite's and PostgreSQL's collations differ; and with a table of the
/// letters French writes rather than Unicode decomposition, which the fleet's invariant-globalisation mode lacks.
/// </remarks>
public static class RegistryOrder
{
    private const string Accented = "àâäáãåçéèêëîïíìôöóòõùûüúÿýñ";
    private const string Plain = "aaaaaaceeeeiiiiooooouuuuyyn";

    public static IEnumerable<RegisteredNode> Sort(IEnumerable<RegisteredNode> nodes) =>
        nodes
            .OrderBy(node => Folded(node.Municipality), StringComparer.Ordinal)
            .ThenBy(node => Folded(node.Name), StringComparer.Ordinal)
            .ThenBy(node => node.Id, StringComparer.Ordinal);

    /// <summary>Lower case, French accents and ligatures spelt plain: "Saint-Étienne-Cœur" → "saint-etienne-coeur".</summary>
    public static string Folded(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char lower = char.ToLowerInvariant(c);
            int accented = Accented.IndexOf(lower, StringComparison.Ordinal);
            _ = lower switch
            {
                'œ' => folded.Append("oe"),
                'æ' => folded.Append("ae"),
                _ => folded.Append(accented >= 0 ? Plain[accented] : lower),
            };
        }

        return folded.ToString();
    }
}
