namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// The sun over metropolitan France (about 46° N, 2.3° E), which drives temperature and the mixing of the air:
/// day length from 8.1 h at the winter solstice to 15.9 h at the summer one, and solar time about 9 minutes
/// ahead of UTC. Precise enough for an emulated day; no equation of time.
/// </summary>
internal readonly record struct SolarDay(double SolarHour, double SunriseHour, double SunsetHour)
{
    private const double LongitudeHoursAheadOfUtc = 2.3 / 15;

    public double DayLengthHours => SunsetHour - SunriseHour;

    public static SolarDay At(DateTimeOffset time, double yearPhaseRadiansFromSpringEquinox)
    {
        double dayLength = 12 + (3.9 * Math.Sin(yearPhaseRadiansFromSpringEquinox));
        double solarHour = ((time.UtcDateTime.TimeOfDay.TotalHours + LongitudeHoursAheadOfUtc) % 24 + 24) % 24;
        return new SolarDay(solarHour, 12 - (dayLength / 2), 12 + (dayLength / 2));
    }

    /// <summary>Hours from <paramref name="from"/> forward to the solar hour, 0 ≤ result &lt; 24.</summary>
    public double HoursSince(double from) => ((SolarHour - from) % 24 + 24) % 24;

    /// <summary>
    /// 0 at sunrise + 1 h, rising to 1 at midday and back to 0 at sunset: the convective mixing that lifts what is
    /// emitted near the ground and breaks the night's inversion, which lasts an hour or so after sunrise.
    /// </summary>
    public double Mixing()
    {
        double start = SunriseHour + 1;
        if (SolarHour <= start || SolarHour >= SunsetHour)
        {
            return 0;
        }

        return Math.Sin(Math.PI * (SolarHour - start) / (SunsetHour - start));
    }

    /// <summary>
    /// -1 at sunrise (the coldest moment), +1 at 14 h solar (the warmest), half-cosines between: quick warming in
    /// the morning, slow cooling through the evening and night.
    /// </summary>
    public double TemperatureCycle()
    {
        const double warmestHour = 14;
        double rising = warmestHour - SunriseHour;
        return SolarHour >= SunriseHour && SolarHour <= warmestHour
            ? -Math.Cos(Math.PI * (SolarHour - SunriseHour) / rising)
            : Math.Cos(Math.PI * HoursSince(warmestHour) / (24 - rising));
    }

    /// <summary>
    /// How far the night's build-up under the inversion has gone: 0 at sunset, rising steadily to 1 an hour after
    /// sunrise, then gone within three hours as the sun mixes the air.
    /// </summary>
    public double NightBuildUp()
    {
        double night = 24 - DayLengthHours + 1;
        double sinceSunset = HoursSince(SunsetHour);
        if (sinceSunset <= night)
        {
            return sinceSunset / night;
        }

        double sinceInversionBreaks = sinceSunset - night;
        return sinceInversionBreaks < 3 ? 0.5 * (1 + Math.Cos(Math.PI * sinceInversionBreaks / 3)) : 0;
    }
}
