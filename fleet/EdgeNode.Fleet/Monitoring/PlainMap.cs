using System.Globalization;
using System.Net;
using System.Text;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// The map without JavaScript: the nodes' positions drawn as SVG on a plain background (equirectangular over their
/// bounding box, corrected for latitude), each marker a link to its node page. Leaflet replaces it when scripts run.
/// </summary>
public static class PlainMap
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Margin = 24;

    public static string Render(IReadOnlyList<MapMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"plain-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"plain-map-title\">"));
        svg.Append(Invariant($"<title id=\"plain-map-title\">{StaffText.French.PlainMapTitle(markers.Count)}</title>"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#eef2f3\"/>"));
        if (markers.Count > 0)
        {
            double south = markers.Min(m => m.Latitude), north = markers.Max(m => m.Latitude);
            double west = markers.Min(m => m.Longitude), east = markers.Max(m => m.Longitude);

            // A degree of longitude shrinks with the cosine of the latitude; without this France would look stretched.
            double squeeze = Math.Cos((south + north) / 2 * Math.PI / 180);
            double spanX = Math.Max((east - west) * squeeze, 0.01);
            double spanY = Math.Max(north - south, 0.01);
            double scale = Math.Min((Width - 2 * Margin) / spanX, (Height - 2 * Margin) / spanY);
            double offsetX = (Width - spanX * scale) / 2;
            double offsetY = (Height - spanY * scale) / 2;
            foreach (MapMarker marker in markers)
            {
                double x = offsetX + (marker.Longitude - west) * squeeze * scale;
                double y = Height - offsetY - (marker.Latitude - south) * scale;
                svg.Append(Invariant($"<a href=\"{Encode(marker.Url)}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"7\" fill=\"{marker.Colour}\" stroke=\"#fff\" stroke-width=\"2\">"));
                svg.Append(Invariant($"<title>{Encode(marker.Name)} : {Encode(marker.Label)}</title></circle></a>"));
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
