namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// The air of a French village through the days and seasons, as a pure function of (seed, time): weather
/// systems passing over days, a daily temperature cycle, humidity following temperature, wood smoke trapped on
/// cold calm evenings, traffic peaks in NO2, PM and CO2, CO2 building up under the night's inversion. Smooth in
/// time (no jumps between two readings), the same for the same seed on every machine, different for another
/// seed. The shapes and their sources are in this folder's README.
/// </summary>
public sealed class RuralDayAmbient : IAmbientModel
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const double DaysPerYear = 365.2425;

    private readonly SmoothNoise _pressureSlow;
    private readonly SmoothNoise _pressureFast;
    private readonly SmoothNoise _temperatureSpell;
    private readonly SmoothNoise _wind;
    private readonly SmoothNoise _dryness;
    private readonly SmoothNoise _regionalParticles;
    private readonly SmoothNoise _woodBurning;
    private readonly SmoothNoise _co2;
    private readonly SmoothNoise _no2;

    public RuralDayAmbient(ulong seed, DailyTrafficProfile? traffic = null)
    {
        Seed = seed;
        Traffic = traffic ?? DailyTrafficProfile.RuralRoad;
        _pressureSlow = new SmoothNoise(seed, 1, TimeSpan.FromHours(60));
        _pressureFast = new SmoothNoise(seed, 2, TimeSpan.FromHours(18));
        _temperatureSpell = new SmoothNoise(seed, 3, TimeSpan.FromHours(50));
        _wind = new SmoothNoise(seed, 4, TimeSpan.FromHours(9));
        _dryness = new SmoothNoise(seed, 5, TimeSpan.FromHours(30));
        _regionalParticles = new SmoothNoise(seed, 6, TimeSpan.FromHours(36));
        _woodBurning = new SmoothNoise(seed, 7, TimeSpan.FromHours(20));
        _co2 = new SmoothNoise(seed, 8, TimeSpan.FromHours(5));
        _no2 = new SmoothNoise(seed, 9, TimeSpan.FromHours(4));
    }

    public ulong Seed { get; }

    /// <summary>The road past the node, whose rush hours show in NO2, PM and CO2; the radar should watch the same profile.</summary>
    public DailyTrafficProfile Traffic { get; }

    public AmbientConditions At(DateTimeOffset time)
    {
        double season = Season(time);
        double winter = (1 - season) / 2;
        double summer = (1 + season) / 2;
        SolarDay sun = SolarDay.At(time, YearPhase(time, 80));
        RuralWeather weather = WeatherAt(time, season, sun, out double pressureNorm);

        // Temperature: the day's mean, and a daily swing that is wider in summer and under clear (high-pressure) skies.
        double clearSky = Math.Clamp(0.5 + (0.6 * pressureNorm), 0, 1);
        double swing = (2.5 + (2.5 * summer)) * (0.55 + (0.75 * clearSky));
        double celsius = Math.Clamp(weather.DailyMeanTemperatureCelsius + (swing * sun.TemperatureCycle()), -9, 38);

        // Humidity from a dew point under the day's mean (Magnus formula): it falls as the afternoon warms and
        // reaches saturation on cold nights, as measured humidity does. Summer air is drier.
        double dewPoint = weather.DailyMeanTemperatureCelsius - (3 + (3 * summer) + (2 * _dryness.At(time)));
        double humidity = Math.Clamp(100 * Math.Exp(Magnus(dewPoint) - Magnus(celsius)), 20, 99);

        double rush = Traffic.RelativeToPeak(time);
        double trapped = 1 + (4.5 * Math.Pow(weather.Stagnation, 1.5));

        // Particles: a regional background (higher in winter), exhaust and brake wear at the rush, and wood
        // stoves whose smoke stays in the village on a calm evening under the inversion.
        double background = (6.5 + (2.5 * winter)) * (1 + (0.5 * _regionalParticles.At(time))) * (1 + (0.6 * weather.Stagnation));
        double exhaust = 2.5 * rush * (1 + (1.5 * weather.Stagnation));
        double smoke = 14 * Math.Pow(weather.HeatingDemand, 1.5) * WoodStoveUse(time) * (1 + (0.3 * _woodBurning.At(time))) * trapped;
        double pm25 = background + exhaust + smoke;
        double pm1 = (0.62 * background) + (0.7 * exhaust) + (0.88 * smoke);
        double coarse = 4 + (3 * summer) + (0.6 * weather.WindSpeedMetresPerSecond) + (3 * rush) + (0.08 * smoke);
        double pm10 = pm25 + coarse;

        // CO2: the global level and its northern-hemisphere season (highest in spring), respiration and traffic
        // building up under the night's inversion, a little at the rush and from heating.
        double co2 = 425 + (2.5 * (time - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalDays / DaysPerYear)
            + (4 * Math.Cos(YearPhase(time, 120)))
            + (sun.NightBuildUp() * (8 + (30 * weather.Calmness)) * (1 + (0.3 * summer)))
            + (6 * rush * (1 + weather.Stagnation))
            + (6 * weather.HeatingDemand * weather.Stagnation)
            + (2 * _co2.At(time));

        // NO2: a rural background, higher in winter, and the road's rush hours, held near the ground when calm.
        double no2 = ((3 + (5 * winter)) * (1 + (0.4 * _no2.At(time))))
            + (18 * rush * (1 + (2 * weather.Stagnation)))
            + (4 * weather.HeatingDemand * weather.Stagnation);

        return new AmbientConditions(celsius, humidity, weather.PressureHectopascals, co2, pm1, pm25, pm10, no2);
    }

    /// <summary>The weather behind the conditions at a moment.</summary>
    public RuralWeather WeatherAt(DateTimeOffset time) =>
        WeatherAt(time, Season(time), SolarDay.At(time, YearPhase(time, 80)), out _);

    private RuralWeather WeatherAt(DateTimeOffset time, double season, SolarDay sun, out double pressureNorm)
    {
        // Highs and lows passing over days, with shorter ripples; calm high pressure, windy lows.
        pressureNorm = Math.Clamp((0.8 * _pressureSlow.At(time)) + (0.3 * _pressureFast.At(time)), -1, 1);
        double pressure = 1012.5 + (17 * pressureNorm);
        double mixing = sun.Mixing();
        double wind = Math.Max(0.2, 3 - (2.2 * pressureNorm) + (1.3 * _wind.At(time)) + mixing);
        double calmness = Math.Clamp((3.5 - wind) / 3, 0, 1);
        double stagnation = calmness * (1 - mixing);

        // Warm and cold spells; a high brings cold clear weather in winter and heat in summer.
        double dailyMean = 12 + (8 * season) + (5 * _temperatureSpell.At(time)) + (1.5 * pressureNorm * season);
        double heating = Math.Clamp((16 - dailyMean) / 14, 0, 1);
        return new RuralWeather(pressure, wind, calmness, stagnation, heating, dailyMean);
    }

    /// <summary>+1 in mid-July, -1 in mid-January: the shape of the year's temperature.</summary>
    private static double Season(DateTimeOffset time) => -Math.Cos(YearPhase(time, 17));

    /// <summary>The year as an angle, 0 on the given day of the year; continuous across New Year.</summary>
    private static double YearPhase(DateTimeOffset time, double zeroDayOfYear) =>
        2 * Math.PI * (((time - Epoch).TotalDays - zeroDayOfYear) / DaysPerYear);

    /// <summary>
    /// How much the village's stoves are burning by local clock time: lit on coming home, strongest around
    /// 20–21 h, banked overnight, relit in the morning.
    /// </summary>
    private static double WoodStoveUse(DateTimeOffset time)
    {
        double hour = FrenchLocalTime.HourOfDay(time);
        return 0.12 + Bump(hour, 20.5, 2.2) + (0.4 * Bump(hour, 7.5, 1.3));
    }

    /// <summary>A bell around a time of day, wrapping over midnight.</summary>
    private static double Bump(double hour, double centre, double width)
    {
        double distance = Math.Abs(hour - centre);
        distance = Math.Min(distance, 24 - distance);
        return Math.Exp(-0.5 * (distance / width) * (distance / width));
    }

    private static double Magnus(double celsius) => 17.62 * celsius / (243.12 + celsius);
}
