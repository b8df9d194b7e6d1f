using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgeNode.Fleet.Monitoring;

namespace EdgeNode.Fleet.Tests.Monitoring;

public sealed class SvgChartTests
{
    private static readonly DateTimeOffset From = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static ChartPoint Point(int quarter, double mean) => new(From.AddMinutes(15 * quarter), mean, mean - 1, mean + 1);

    [Fact]
    public void The_chart_is_well_formed_svg_with_a_title_a_description_a_line_and_a_band()
    {
        string svg = SvgChart.Render("pm25_ugm3 (sds011)", "µg/m³", [.. Enumerable.Range(0, 96).Select(q => Point(q, 10 + q % 7))], From, From.AddDays(1), 900);

        XElement root = XElement.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("pm25_ugm3 (sds011)", root.Element(ns + "title")!.Value);
        Assert.Contains("96 fenêtres", root.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        Assert.Single(root.Descendants(ns + "polyline"));
        Assert.Single(root.Descendants(ns + "polygon"));
    }

    [Fact]
    public void A_gap_of_more_than_three_windows_breaks_the_line()
    {
        ChartPoint[] points = [Point(0, 5), Point(1, 6), Point(2, 7), Point(10, 5), Point(11, 6)];

        string svg = SvgChart.Render("t", "", points, From, From.AddHours(3), 900);

        Assert.Equal(2, Regex.Count(svg, "<polyline"));
    }

    [Fact]
    public void Thirty_days_of_windows_are_thinned_to_one_point_per_pixel_keeping_the_peak()
    {
        ChartPoint[] points = [.. Enumerable.Range(0, 2880).Select(q => Point(q, q == 1000 ? 500 : 10))];

        List<ChartPoint> thinned = SvgChart.Thin(points, From, From.AddDays(30));

        Assert.InRange(thinned.Count, 600, SvgChart.Width);
        Assert.Equal(501, thinned.Max(point => point.Maximum));
    }

    [Fact]
    public void No_data_says_so_instead_of_an_empty_frame()
    {
        string svg = SvgChart.Render("t", "", [], From, From.AddDays(1), 900);

        Assert.Contains("Aucune donnée sur la période", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<polyline", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_escaped()
    {
        string svg = SvgChart.Render("<script>alert(1)</script>", "&", [Point(0, 1)], From, From.AddDays(1), 900);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        XElement.Parse(svg);
    }

    [Theory]
    [InlineData("7d", null, null, 7 * 24)]
    [InlineData("30d", null, null, 30 * 24)]
    [InlineData(null, null, null, 24)]
    [InlineData("custom", "2026-04-01", "2026-04-03", 72)]
    [InlineData("custom", "2026-04-03", "2026-04-01", 72)]
    [InlineData("custom", "2025-01-01", "2026-04-01", 92 * 24)]
    [InlineData("custom", "yesterday", null, 24)]
    public void Ranges_come_from_the_query_string(string? range, string? from, string? to, int hours)
    {
        ChartRange parsed = ChartRange.Parse(range, from, to, From);

        Assert.Equal(TimeSpan.FromHours(hours), parsed.To - parsed.From);
    }

    [Theory]
    [InlineData("1.4.0", "1.4.0", 0)]
    [InlineData("1.4", "1.4.0+abc", 0)]
    [InlineData("1.10.0", "1.9.9", 1)]
    [InlineData("1.4.0-rc.2", "1.4.0", -1)]
    [InlineData("1.4.0-rc.10", "1.4.0-rc.2", 1)]
    [InlineData("v2.0.0", "1.99.0", 1)]
    public void Firmware_versions_compare_as_versions(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(FirmwareVersion.TryParse(left)!.CompareTo(FirmwareVersion.TryParse(right))));
    }

    [Fact]
    public void A_version_that_is_not_one_cannot_be_compared()
    {
        Assert.Null(FirmwareVersion.TryParse("unknown"));
        Assert.Null(FirmwareVersion.TryParse(""));
        Assert.Null(FirmwareVersion.TryParse("1.x"));
    }
}
