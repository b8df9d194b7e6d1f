using System.Globalization;
using System.Net;
using System.Text;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// A line chart drawn on the server as SVG: no JavaScript, light, printable, readable by a screen reader through its
/// title and description. The mean is the line; the minimum–maximum range of each window is the shaded band; a gap
/// longer than three windows breaks the line instead of drawing across missing data.
/// </summary>
public static class SvgChart
{
    public const int Width = 720;
    public const int Height = 220;
    private const int Left = 56;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    /// <param name="points">In time order.</param>
    /// <param name="windowSeconds">The windows' length, to tell a gap from a step.</param>
    /// <param name="raw">
    /// The same windows' means before calibration, drawn as a dashed line, when a calibration changed them; null or
    /// empty draws none.
    /// </param>
    public static string Render(string title, string unit, IReadOnlyList<ChartPoint> points, DateTimeOffset from, DateTimeOffset to, int windowSeconds,
        IReadOnlyList<ChartPoint>? raw = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        raw ??= [];
        var svg = new StringBuilder();
        string description = points.Count == 0
            ? $"{StaffText.French.ChartNoData}."
            : StaffText.French.ChartSummary(points.Count, points.Average(p => p.Mean), points.Min(p => p.Minimum), points.Max(p => p.Maximum), unit);
        if (raw.Count > 0)
        {
            description += " " + StaffText.French.ChartRawSummary(raw.Average(p => p.Mean), unit);
        }
        svg.Append(Invariant($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{Id(title)}-t {Id(title)}-d\">"));
        svg.Append(Invariant($"<title id=\"{Id(title)}-t\">{Encode(title)}</title><desc id=\"{Id(title)}-d\">{Encode(description)}</desc>"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fafafa\" stroke=\"#bbb\"/>"));

        List<ChartPoint> shown = Thin(points, from, to);
        List<ChartPoint> rawShown = Thin(raw, from, to);
        double low = shown.Count == 0 ? 0 : Math.Min(shown.Min(p => p.Minimum), rawShown.Count == 0 ? double.MaxValue : rawShown.Min(p => p.Mean));
        double high = shown.Count == 0 ? 1 : Math.Max(shown.Max(p => p.Maximum), rawShown.Count == 0 ? double.MinValue : rawShown.Max(p => p.Mean));
        (double axisLow, double axisHigh, double step) = NiceScale(Math.Min(low, 0 <= low && low < high * 0.5 ? 0 : low), high);

        double X(DateTimeOffset at) => Left + (Width - Left - Right) * Math.Clamp((at - from) / (to - from), 0, 1);
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - (value - axisLow) / (axisHigh - axisLow));

        for (double tick = axisLow; tick <= axisHigh + step / 2; tick += step)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"#e3e3e3\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{tick:0.##}</text>"));
        }

        for (int i = 0; i <= 4; i++)
        {
            DateTimeOffset at = from + (to - from) * i / 4;
            string anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            svg.Append(Invariant($"<text x=\"{X(at):0.#}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"{anchor}\">{Encode(TickLabel(at, to - from))}</text>"));
        }

        svg.Append(Invariant($"<text x=\"4\" y=\"{Top + 10}\" font-size=\"11\">{Encode(unit)}</text>"));
        TimeSpan gap = TimeSpan.FromSeconds(Math.Max(1, windowSeconds) * 3);
        foreach (List<ChartPoint> run in Runs(shown, gap))
        {
            if (run.Count == 1)
            {
                svg.Append(Invariant($"<circle cx=\"{X(run[0].At):0.#}\" cy=\"{Y(run[0].Mean):0.#}\" r=\"2.5\" fill=\"#1f618d\"/>"));
                continue;
            }

            string upper = string.Join(" ", run.Select(p => Invariant($"{X(p.At):0.#},{Y(p.Maximum):0.#}")));
            string lower = string.Join(" ", Enumerable.Reverse(run).Select(p => Invariant($"{X(p.At):0.#},{Y(p.Minimum):0.#}")));
            svg.Append(Invariant($"<polygon class=\"range\" points=\"{upper} {lower}\" fill=\"#aed6f1\" fill-opacity=\"0.6\"/>"));
            svg.Append(Invariant($"<polyline class=\"mean\" points=\"{string.Join(" ", run.Select(p => Invariant($"{X(p.At):0.#},{Y(p.Mean):0.#}")))}\" fill=\"none\" stroke=\"#1f618d\" stroke-width=\"1.5\"/>"));
        }

        foreach (List<ChartPoint> run in Runs(rawShown, gap).Where(run => run.Count > 1))
        {
            svg.Append(Invariant($"<polyline class=\"raw\" points=\"{string.Join(" ", run.Select(p => Invariant($"{X(p.At):0.#},{Y(p.Mean):0.#}")))}\" fill=\"none\" stroke=\"#b9770e\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"));
        }

        if (points.Count == 0)
        {
            svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" font-size=\"13\" text-anchor=\"middle\">{StaffText.French.ChartNoData}</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// At most one point per horizontal pixel: 30 days of 15-minute windows is 2,880 points for 650 pixels. Each kept
    /// point averages its pixel's means and keeps the extremes, so a short peak still shows in the band.
    /// </summary>
    public static List<ChartPoint> Thin(IReadOnlyList<ChartPoint> points, DateTimeOffset from, DateTimeOffset to)
    {
        int columns = Width - Left - Right;
        if (points.Count <= columns || to <= from)
        {
            return [.. points];
        }

        return [.. points
            .GroupBy(p => (int)Math.Clamp((p.At - from) / (to - from) * columns, 0, columns))
            .Select(g => new ChartPoint(g.First().At, g.Average(p => p.Mean), g.Min(p => p.Minimum), g.Max(p => p.Maximum)))];
    }

    private static IEnumerable<List<ChartPoint>> Runs(List<ChartPoint> points, TimeSpan gap)
    {
        var run = new List<ChartPoint>();
        foreach (ChartPoint point in points)
        {
            if (run.Count > 0 && point.At - run[^1].At > gap)
            {
                yield return run;
                run = [];
            }

            run.Add(point);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>An axis from a round number to a round number with four or five steps of 1, 2 or 5 × 10ⁿ.</summary>
    private static (double Low, double High, double Step) NiceScale(double low, double high)
    {
        if (!(high > low))
        {
            high = low + 1;
        }

        double raw = (high - low) / 4;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(candidate => candidate >= raw);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static string TickLabel(DateTimeOffset at, TimeSpan span)
    {
        // A time of day carries its zone ("14:00 CET"), as every time on the staff pages does; a day does not need one.
        string full = StaffTime.Format(at);
        return span <= TimeSpan.FromDays(2) ? full[11..] : full[..5];
    }

    private static string Id(string title)
    {
        var id = new StringBuilder("chart-");
        foreach (char c in title)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return id.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
