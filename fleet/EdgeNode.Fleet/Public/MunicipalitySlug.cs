using System.Text;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// The URL name of a municipality: "Saint-Jean-de-Luz" is saint-jean-de-luz, "L'Île-Bouchard" is l-ile-bouchard.
/// Accents are folded by a table: the fleet runs with invariant globalization, where Unicode decomposition is not
/// available.
/// </summary>
public static class MunicipalitySlug
{
    private const string Accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyy";

    public static string From(string municipality)
    {
        var slug = new StringBuilder(municipality.Length);
        bool dash = false;
        foreach (char raw in municipality.ToLowerInvariant())
        {
            int accented = Accented.IndexOf(raw, StringComparison.Ordinal);
            string folded = accented >= 0 ? Plain[accented].ToString() : raw switch
            {
                'œ' => "oe",
                'æ' => "ae",
                _ => raw.ToString(),
            };
            foreach (char c in folded)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    if (dash && slug.Length > 0)
                    {
                        slug.Append('-');
                    }
                    slug.Append(c);
                    dash = false;
                }
                else
                {
                    dash = true;
                }
            }
        }
        return slug.ToString();
    }
}
