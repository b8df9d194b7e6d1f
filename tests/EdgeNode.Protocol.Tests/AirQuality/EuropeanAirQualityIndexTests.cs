using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Protocol.Tests.AirQuality;

/// <summary>
/// The values the EEA publishes for the revised index (ETC HE Report 2024/17; airindex.eea.europa.eu), written out
/// here by hand so that a slip in the table is caught rather than copied: every threshold, just below and at it (a
/// band holds its lower bound). The node's alerts and the fleet's public bands both read this one table.
/// </summary>
public sealed class EuropeanAirQualityIndexTests
{
    private static readonly (string Metric, double[] Bounds)[] Published =
    [
        ("pm25_ugm3", [0, 5, 15, 50, 90, 140]),
        ("pm10_ugm3", [0, 15, 45, 120, 195, 270]),
        ("no2_ugm3", [0, 10, 25, 60, 100, 150]),
    ];

    public static TheoryData<string, double, AirQualityBand> Boundaries()
    {
        var data = new TheoryData<string, double, AirQualityBand>();
        foreach ((string metric, double[] bounds) in Published)
        {
            for (int i = 1; i < bounds.Length; i++)
            {
                data.Add(metric, bounds[i] - 0.01, (AirQualityBand)(i - 1));
                data.Add(metric, bounds[i], (AirQualityBand)i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void A_concentration_falls_in_the_band_whose_lower_bound_it_reaches(string metric, double concentration, AirQualityBand expected) =>
        Assert.Equal(expected, EuropeanAirQualityIndex.Classify(metric, concentration));

    [Theory]
    [InlineData("pm25_ugm3")]
    [InlineData("pm10_ugm3")]
    [InlineData("no2_ugm3")]
    public void The_lower_bounds_are_the_EEA_revised_ones(string metric)
    {
        double[] published = Published.Single(p => p.Metric == metric).Bounds;

        Assert.Equal(published, EuropeanAirQualityIndex.LowerBounds(metric));
        Assert.Equal(published[(int)AirQualityBand.Poor], EuropeanAirQualityIndex.LowerBound(metric, AirQualityBand.Poor));
    }

    [Theory]
    [InlineData("pm25_ugm3", 0, AirQualityBand.Good)]
    [InlineData("pm25_ugm3", 900, AirQualityBand.ExtremelyPoor)]
    [InlineData("no2_ugm3", -3, AirQualityBand.Good)]
    public void The_ends_of_the_scale(string metric, double concentration, AirQualityBand expected) =>
        Assert.Equal(expected, EuropeanAirQualityIndex.Classify(metric, concentration));

    [Fact]
    public void A_metric_without_bands_is_refused_in_words()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => EuropeanAirQualityIndex.Classify("temperature_c", 20));

        Assert.Contains("pm25_ugm3, pm10_ugm3, no2_ugm3", error.Message, StringComparison.Ordinal);
        Assert.False(EuropeanAirQualityIndex.Covers("co2_ppm"));
        Assert.True(EuropeanAirQualityIndex.Covers("no2_ugm3"));
    }
}
