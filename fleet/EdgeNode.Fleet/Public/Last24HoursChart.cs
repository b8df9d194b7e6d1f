using System.Globalization;
using System.Net;
using System.Text;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// The last 24 hours as a small SVG drawn on the server (no JavaScript). Each pollutant has its own line style and
/// marker shape as well as its own colour, and a legend in words; the page puts a sentence and a table beside it for
/// anyone who cannot see it.
/// </summary>
public static class Last24HoursChart
{
    // Small enough a canvas that, scaled to a 360 px phone, its 12-unit labels stay near 10 px.
    private const int Width = 400;
    private const int Height = 170;
    private const int Left = 34;
    private const int Right = 8;
    private const int Top = 10;
    private const int Bottom = 22;

    /// <summary>Dark enough for 3:1 against white (WCAG 1.4.11), told apart by dash and marker too.</summary>
    private static readonly (string Colour, string Dash, string Marker)[] Styles =
    [
        ("#1f4e99", "", "circle"),
        ("#9a3b00", "8 4", "square"),
        ("#2d6a2d", "2 3", "triangle"),
    ];

    /// <param name="titleId">An id for the SVG's title, unique in the page, so that it can name the image.</param>
    public static string Render(IReadOnlyList<HourlySeries> series, PublicText text, Func<DateTimeOffset, DateTime> toLocal, string titleId)
    {
        double highest = series.SelectMany(s => s.Means).Where(m => m is not null).Select(m => m!.Value).DefaultIfEmpty(0).Max();
        double top = NiceCeiling(Math.Max(highest, 10));
        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - Bottom;
        double X(int hour) => Left + (plotWidth * (hour + 0.5) / HourlySeries.Hours);
        double Y(double value) => Top + plotHeight - (plotHeight * Math.Clamp(value, 0, top) / top);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{titleId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Encode(text.Last24Hours)} ({Encode(PublicText.Unit)})</title>");

        // Grid and the concentration axis: four steps from zero.
        for (int step = 0; step <= 4; step++)
        {
            double value = top * step / 4;
            string y = F(Y(value));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#949494\" stroke-width=\"{(step == 0 ? 1.5 : 0.5)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{(value == Math.Floor(value) ? F(value) : text.Number(value))}</text>");
        }
        IReadOnlyList<DateTimeOffset> hours = series.Count > 0 ? series[0].HourStarts : [];
        for (int hour = 0; hour < hours.Count; hour += 6)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(hour))}\" y=\"{Height - 8}\" text-anchor=\"middle\">{PublicText.Time(toLocal(hours[hour]))}</text>");
        }

        for (int i = 0; i < series.Count && i < Styles.Length; i++)
        {
            (string colour, string dash, string marker) = Styles[i];
            svg.Append(CultureInfo.InvariantCulture, $"<g fill=\"{colour}\" stroke=\"{colour}\">");

            // One polyline per run of measured hours: a gap in the data stays a gap on the chart.
            var run = new List<string>();
            for (int hour = 0; hour <= HourlySeries.Hours; hour++)
            {
                double? mean = hour < HourlySeries.Hours ? series[i].Means[hour] : null;
                if (mean is { } value)
                {
                    run.Add($"{F(X(hour))},{F(Y(value))}");
                    svg.Append(Marker(marker, X(hour), Y(value)));
                }
                else if (run.Count > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', run)}\" fill=\"none\" stroke-width=\"2\"{DashAttribute(dash)}/>");
                    run.Clear();
                }
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// The legend, as HTML beside the SVG so that it wraps and scales with the visitor's text size: each pollutant's
    /// line and marker, then its name.
    /// </summary>
    public static string Legend(IReadOnlyList<HourlySeries> series, PublicText text)
    {
        var html = new StringBuilder("<ul class=\"chart-legend\">");
        for (int i = 0; i < series.Count && i < Styles.Length; i++)
        {
            (string colour, string dash, string marker) = Styles[i];
            html.Append(CultureInfo.InvariantCulture, $"<li><svg viewBox=\"0 0 24 12\" width=\"24\" height=\"12\" aria-hidden=\"true\" focusable=\"false\"><g fill=\"{colour}\" stroke=\"{colour}\">");
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"24\" y1=\"6\" y2=\"6\" stroke-width=\"2\"{DashAttribute(dash)}/>{Marker(marker, 12, 6)}</g></svg> ");
            html.Append(Encode(text.PollutantName(series[i].Metric))).Append("</li>");
        }
        return html.Append("</ul>").ToString();
    }

    /// <summary>The sentence that says what the chart shows, one per pollutant.</summary>
    public static IReadOnlyList<string> Summaries(IReadOnlyList<HourlySeries> series, PublicText text) =>
        series.Where(s => !s.IsEmpty).Select(s =>
        {
            double[] values = s.Means.Where(m => m is not null).Select(m => m!.Value).ToArray();
            return text.ChartSummary(text.PollutantName(s.Metric), values.Min(), values.Max(), values.Average(), values.Length);
        }).ToList();

    private static string Marker(string shape, double x, double y) => shape switch
    {
        "circle" => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3.5\"/>",
        "square" => $"<rect x=\"{F(x - 3.5)}\" y=\"{F(y - 3.5)}\" width=\"7\" height=\"7\"/>",
        _ => $"<path d=\"M{F(x)} {F(y - 4.5)}L{F(x + 4.5)} {F(y + 3.5)}H{F(x - 4.5)}z\"/>",
    };

    private static string DashAttribute(string dash) => dash.Length == 0 ? "" : $" stroke-dasharray=\"{dash}\"";

    /// <summary>1, 2 or 5 times a power of ten, so that the axis reads 0, 5, 10, 15, 20 rather than 0, 4.3, 8.6…</summary>
    private static double NiceCeiling(double value)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double step in new[] { 1, 2, 4, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
