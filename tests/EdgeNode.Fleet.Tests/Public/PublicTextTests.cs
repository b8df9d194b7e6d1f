using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Tests.Public;

public sealed class PublicTextTests
{
    [Theory]
    [InlineData(0, 40, "à l'instant", "just now")]
    [InlineData(1, 0, "il y a 1 minute", "1 minute ago")]
    [InlineData(40, 59, "il y a 40 minutes", "40 minutes ago")]
    [InlineData(60, 0, "il y a 1 heure", "1 hour ago")]
    [InlineData(61, 0, "il y a 1 heure et 1 minute", "1 hour and 1 minute ago")]
    [InlineData(130, 0, "il y a 2 heures et 10 minutes", "2 hours and 10 minutes ago")]
    [InlineData(1560, 0, "il y a 26 heures", "26 hours ago")]
    public void An_age_is_said_in_words_to_the_minute(int minutes, int seconds, string french, string english)
    {
        var age = new TimeSpan(0, minutes, seconds);

        Assert.Equal(french, PublicText.French.Ago(age));
        Assert.Equal(english, PublicText.English.Ago(age));
    }

    [Theory]
    [InlineData("temperature_c", 12.34, "Température : 12,3 °C", "Temperature: 12.3 °C")]
    [InlineData("temperature_c", -0.04, "Température : 0,0 °C", "Temperature: 0.0 °C")]
    [InlineData("relative_humidity_pct", 80.6, "Humidité relative : 81 %", "Relative humidity: 81 %")]
    [InlineData("pressure_hpa", 1013.2, "Pression atmosphérique : 1013 hPa", "Air pressure: 1013 hPa")]
    [InlineData("co2_ppm", 612.5, "Dioxyde de carbone (CO₂) : 613 ppm", "Carbon dioxide (CO₂): 613 ppm")]
    public void A_reading_gives_its_name_value_and_unit_as_each_language_writes_them(string metric, double value, string french, string english)
    {
        Assert.Equal(french, PublicText.French.Reading(metric, value));
        Assert.Equal(english, PublicText.English.Reading(metric, value));
    }
}
