using EdgeNode.Fleet.AirQuality;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// How a band looks: the EEA's own colours (airindex.eea.europa.eu), a shape of its own so that colour is never the
/// only cue, and a text colour chosen for a contrast of at least 4.5:1 on that background (black on the three light
/// colours and on Poor's red, 6.5:1 or more; white on the two dark ones, 8:1 or more).
/// </summary>
public static class BandStyle
{
    public static string Background(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => "#50F0E6",
        AirQualityBand.Fair => "#50CCAA",
        AirQualityBand.Moderate => "#F0E641",
        AirQualityBand.Poor => "#FF5050",
        AirQualityBand.VeryPoor => "#960032",
        _ => "#7D2181",
    };

    public static string CssClass(AirQualityBand band) => $"band band-{(int)band + 1}";

    /// <summary>An inline 16×16 SVG shape, hidden from screen readers (the band's name is written next to it).</summary>
    public static string Icon(AirQualityBand band)
    {
        string shape = band switch
        {
            AirQualityBand.Good => "<circle cx=\"8\" cy=\"8\" r=\"6.5\"/>",
            AirQualityBand.Fair => "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\"/>",
            AirQualityBand.Moderate => "<path d=\"M8 1.5 15 14.5H1z\"/>",
            AirQualityBand.Poor => "<path d=\"M8 1 15 8 8 15 1 8z\"/>",
            AirQualityBand.VeryPoor => "<path d=\"M4.5 1.5h7L15 8l-3.5 6.5h-7L1 8z\"/>",
            _ => "<path d=\"M3 1 8 6 13 1 15 3 10 8 15 13 13 15 8 10 3 15 1 13 6 8 1 3z\"/>",
        };
        return $"<svg class=\"band-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">{shape}</svg>";
    }
}
