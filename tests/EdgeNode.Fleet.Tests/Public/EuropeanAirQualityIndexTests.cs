using EdgeNode.Fleet.AirQuality;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>Every threshold of the EEA's 2024 bands, just below and at it (a band holds its lower bound).</summary>
public sealed class EuropeanAirQualityIndexTests
{
    public static TheoryData<string, double, AirQualityBand> Boundaries()
    {
        var data = new TheoryData<string, double, AirQualityBand>();
        (string Metric, double[] Bounds)[] table =
        [
            ("pm25_ugm3", [5, 15, 50, 90, 140]),
            ("pm10_ugm3", [15, 45, 120, 195, 270]),
            ("no2_ugm3", [10, 25, 60, 100, 150]),
        ];
        foreach ((string metric, double[] bounds) in table)
        {
            for (int i = 0; i < bounds.Length; i++)
            {
                data.Add(metric, bounds[i] - 0.01, (AirQualityBand)i);
                data.Add(metric, bounds[i], (AirQualityBand)(i + 1));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void A_concentration_falls_in_the_band_whose_lower_bound_it_reaches(string metric, double concentration, AirQualityBand expected) =>
        Assert.Equal(expected, EuropeanAirQualityIndex.Classify(metric, concentration));

    [Theory]
    [InlineData("pm25_ugm3", 0, AirQualityBand.Good)]
    [InlineData("pm25_ugm3", 900, AirQualityBand.ExtremelyPoor)]
    [InlineData("no2_ugm3", -3, AirQualityBand.Good)]
    public void The_ends_of_the_scale(string metric, double concentration, AirQualityBand expected) =>
        Assert.Equal(expected, EuropeanAirQualityIndex.Classify(metric, concentration));

    [Fact]
    public void A_metric_without_bands_is_refused_in_words()
    {
        var error = Assert.Throws<ArgumentException>(() => EuropeanAirQualityIndex.Classify("temperature_c", 20));
        Assert.Contains("pm25_ugm3", error.Message, StringComparison.Ordinal);
        Assert.False(EuropeanAirQualityIndex.Covers("co2_ppm"));
    }
}
