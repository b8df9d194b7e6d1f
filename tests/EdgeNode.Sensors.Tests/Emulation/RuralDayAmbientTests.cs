using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Emulation;

/// <summary>A simulated year of <see cref="RuralDayAmbient"/>: plausible, coherent, smooth and reproducible.</summary>
public sealed class RuralDayAmbientTests
{
    private static readonly ulong[] Seeds = [1, 42, EmulationSeed.From("mairie-01")];

    public static TheoryData<ulong> SeedData => [.. Seeds];

    [Theory]
    [MemberData(nameof(SeedData))]
    public void Every_value_of_a_year_is_plausible_for_a_French_village_and_inside_every_sensors_range(ulong seed)
    {
        foreach ((DateTimeOffset at, AmbientConditions? air) in SimulatedYear.Of(seed))
        {
            Assert.InRange(air.TemperatureCelsius, -9, 38); // the SCD4x measures from -10 °C
            Assert.InRange(air.RelativeHumidityPercent, 20, 99);
            Assert.InRange(air.PressureHectopascals, 995, 1030);
            Assert.InRange(air.Co2PartsPerMillion, 415, 520);
            Assert.InRange(air.Pm25MicrogramsPerCubicMetre, 1, 300);
            Assert.InRange(air.No2MicrogramsPerCubicMetre, 0, 150);
        }

        IReadOnlyList<(DateTimeOffset At, AmbientConditions Air)> year = SimulatedYear.Of(seed);
        Assert.InRange(year.Min(s => s.Air.TemperatureCelsius), -9, 2);
        Assert.InRange(year.Max(s => s.Air.TemperatureCelsius), 25, 38);
        Assert.InRange(year.Average(s => s.Air.Pm25MicrogramsPerCubicMetre), 6, 18);
        Assert.InRange(year.Average(s => s.Air.Co2PartsPerMillion), 420, 450);
    }

    [Theory]
    [MemberData(nameof(SeedData))]
    public void Pm1_is_always_below_pm25_which_is_always_below_pm10(ulong seed)
    {
        Assert.All(SimulatedYear.Of(seed), s =>
        {
            Assert.True(s.Air.Pm1MicrogramsPerCubicMetre < s.Air.Pm25MicrogramsPerCubicMetre, $"PM1 ≥ PM2.5 at {s.At}");
            Assert.True(s.Air.Pm25MicrogramsPerCubicMetre < s.Air.Pm10MicrogramsPerCubicMetre, $"PM2.5 ≥ PM10 at {s.At}");
        });
    }

    [Theory]
    [MemberData(nameof(SeedData))]
    public void Some_winter_evenings_reach_the_poor_band_for_an_hour_and_summer_never_does(ulong seed)
    {
        IReadOnlyList<(DateTimeOffset At, AmbientConditions Air)> year = SimulatedYear.Of(seed);
        IEnumerable<(DateTimeOffset At, AmbientConditions Air)> winter = year.Where(s => s.At.Month is 12 or 1 or 2);
        IEnumerable<(DateTimeOffset At, AmbientConditions Air)> summer = year.Where(s => s.At.Month is 6 or 7 or 8);

        int winterEpisodes = SimulatedYear.EpisodeDays(winter, 50, TimeSpan.FromHours(1)).Count;
        Assert.InRange(winterEpisodes, 3, 45); // some evenings, not every one
        Assert.Empty(SimulatedYear.EpisodeDays(summer, 50, TimeSpan.FromHours(1)));

        // The episodes are wood smoke: evenings, not summer afternoons.
        double winterEvening = winter.Where(s => FrenchLocalTime.HourOfDay(s.At) is >= 19 and < 22).Average(s => s.Air.Pm25MicrogramsPerCubicMetre);
        double summerAfternoon = summer.Where(s => FrenchLocalTime.HourOfDay(s.At) is >= 13 and < 17).Average(s => s.Air.Pm25MicrogramsPerCubicMetre);
        Assert.True(winterEvening > 2 * summerAfternoon, $"winter evenings {winterEvening:0.0} µg/m³, summer afternoons {summerAfternoon:0.0}");
    }

    [Theory]
    [MemberData(nameof(SeedData))]
    public void Afternoons_are_warmer_than_dawns_and_drier(ulong seed)
    {
        var model = new RuralDayAmbient(seed);
        int warmer = 0, drier = 0;
        for (DateTimeOffset day = SimulatedYear.Start; day < SimulatedYear.Start.AddDays(365); day = day.AddDays(1))
        {
            // 04:00 and 14:00 UTC are 05:00 and 15:00 in winter, 06:00 and 16:00 in summer.
            AmbientConditions dawn = model.At(day.AddHours(4));
            AmbientConditions afternoon = model.At(day.AddHours(14));
            warmer += afternoon.TemperatureCelsius > dawn.TemperatureCelsius ? 1 : 0;
            drier += afternoon.RelativeHumidityPercent < dawn.RelativeHumidityPercent ? 1 : 0;
        }

        Assert.InRange(warmer, 330, 365);
        Assert.InRange(drier, 300, 365);
    }

    [Fact]
    public void July_is_warmer_than_January_and_January_is_more_polluted()
    {
        IReadOnlyList<(DateTimeOffset At, AmbientConditions Air)> year = SimulatedYear.Of(Seeds[0]);
        (DateTimeOffset At, AmbientConditions Air)[] january = year.Where(s => s.At.Month == 1).ToArray();
        (DateTimeOffset At, AmbientConditions Air)[] july = year.Where(s => s.At.Month == 7).ToArray();

        Assert.InRange(january.Average(s => s.Air.TemperatureCelsius), -1, 8);
        Assert.InRange(july.Average(s => s.Air.TemperatureCelsius), 16, 24);
        Assert.True(january.Average(s => s.Air.Pm25MicrogramsPerCubicMetre) > 1.5 * july.Average(s => s.Air.Pm25MicrogramsPerCubicMetre));
        Assert.True(january.Average(s => s.Air.No2MicrogramsPerCubicMetre) > july.Average(s => s.Air.No2MicrogramsPerCubicMetre));
    }

    [Fact]
    public void Rush_hours_raise_no2_and_calm_nights_raise_co2()
    {
        (DateTimeOffset At, AmbientConditions Air)[] weekdays = SimulatedYear.Of(Seeds[0])
            .Where(s => FrenchLocalTime.Of(s.At).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        double No2At(double from, double to) => weekdays.Where(s => FrenchLocalTime.HourOfDay(s.At) >= from && FrenchLocalTime.HourOfDay(s.At) < to).Average(s => s.Air.No2MicrogramsPerCubicMetre);
        double Co2At(double from, double to) => weekdays.Where(s => FrenchLocalTime.HourOfDay(s.At) >= from && FrenchLocalTime.HourOfDay(s.At) < to).Average(s => s.Air.Co2PartsPerMillion);

        Assert.True(No2At(7.5, 9) > 1.5 * No2At(2, 4), $"NO2 at 8 h {No2At(7.5, 9):0.0}, at 3 h {No2At(2, 4):0.0}");
        Assert.True(Co2At(4, 6) > Co2At(13, 16) + 8, $"CO2 before dawn {Co2At(4, 6):0}, in the afternoon {Co2At(13, 16):0}");
    }

    [Fact]
    public void Nothing_jumps_between_two_consecutive_minutes_over_a_year()
    {
        var model = new RuralDayAmbient(Seeds[2]);
        AmbientConditions previous = model.At(SimulatedYear.Start);
        for (DateTimeOffset t = SimulatedYear.Start.AddMinutes(1); t < SimulatedYear.Start.AddDays(365); t = t.AddMinutes(1))
        {
            AmbientConditions now = model.At(t);
            if (Math.Abs(now.TemperatureCelsius - previous.TemperatureCelsius) > 0.2
                || Math.Abs(now.RelativeHumidityPercent - previous.RelativeHumidityPercent) > 1
                || Math.Abs(now.PressureHectopascals - previous.PressureHectopascals) > 0.1
                || Math.Abs(now.Co2PartsPerMillion - previous.Co2PartsPerMillion) > 2
                || Math.Abs(now.Pm25MicrogramsPerCubicMetre - previous.Pm25MicrogramsPerCubicMetre) > 3
                || Math.Abs(now.Pm10MicrogramsPerCubicMetre - previous.Pm10MicrogramsPerCubicMetre) > 3
                || Math.Abs(now.No2MicrogramsPerCubicMetre - previous.No2MicrogramsPerCubicMetre) > 2)
            {
                Assert.Fail($"Jump at {t:u}: {previous} -> {now}");
            }

            previous = now;
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_air_in_any_order_and_another_seed_other_air()
    {
        DateTimeOffset[] moments = [.. Enumerable.Range(0, 200).Select(i => SimulatedYear.Start.AddHours(i * 37.3))];
        var first = new RuralDayAmbient(7);
        var again = new RuralDayAmbient(7);
        var other = new RuralDayAmbient(8);

        AmbientConditions[] forward = [.. moments.Select(first.At)];
        AmbientConditions[] backward = [.. moments.Reverse().Select(again.At).Reverse()];
        Assert.Equal(forward, backward);
        Assert.True(moments.Count(t => Math.Abs(first.At(t).TemperatureCelsius - other.At(t).TemperatureCelsius) > 0.5) > 100);
        Assert.True(moments.Count(t => Math.Abs(first.At(t).Pm25MicrogramsPerCubicMetre - other.At(t).Pm25MicrogramsPerCubicMetre) > 0.5) > 100);
    }

    [Fact]
    public void A_node_id_always_gives_the_same_seed_and_two_ids_different_ones()
    {
        Assert.Equal(EmulationSeed.From("mairie-01"), EmulationSeed.From("mairie-01"));
        Assert.NotEqual(EmulationSeed.From("mairie-01"), EmulationSeed.From("mairie-02"));
        Assert.Equal(0xCBF29CE484222325UL, EmulationSeed.From("")); // FNV-1a offset basis: fixed across processes
    }

    [Fact]
    public void Calm_evenings_stagnate_and_windy_afternoons_do_not()
    {
        var model = new RuralDayAmbient(3);
        (DateTimeOffset At, RuralWeather Weather)[] weathers = Enumerable.Range(0, 365 * 24).Select(h => (At: SimulatedYear.Start.AddHours(h), Weather: model.WeatherAt(SimulatedYear.Start.AddHours(h)))).ToArray();

        Assert.All(weathers, w => Assert.InRange(w.Weather.Stagnation, 0, w.Weather.Calmness));
        Assert.All(weathers.Where(w => w.At.Hour == 12 && w.At.Month is 5 or 6 or 7), w => Assert.True(w.Weather.Stagnation < 0.05));
        Assert.Contains(weathers, w => w.Weather.Stagnation > 0.9 && w.Weather.HeatingDemand > 0.7);
    }
}
