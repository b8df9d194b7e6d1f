namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// How busy a road is through the week, by French local time: vehicles per hour in both directions, the share
/// coming towards the sensor, and the speeds driven. Hourly tables shaped like the counts of French rural
/// departmental roads (commuter peaks at 7–9 h and 17–19 h on weekdays, a late-morning and late-afternoon hump
/// at weekends, Sundays quieter), joined linearly between the middles of the hours so the rate never jumps.
/// Public holidays and school holidays are not modelled.
/// </summary>
public sealed class DailyTrafficProfile
{
    // Vehicles per hour, both directions, for the hour starting at the index, with the weekday peak at 300.
    private static readonly double[] Weekday =
        [6, 4, 3, 3, 6, 22, 85, 240, 300, 185, 130, 140, 165, 150, 140, 160, 225, 300, 270, 165, 95, 52, 26, 12];

    private static readonly double[] Saturday =
        [14, 9, 6, 4, 4, 7, 16, 35, 70, 115, 150, 165, 145, 115, 125, 145, 155, 150, 135, 105, 75, 48, 32, 22];

    private static readonly double[] Sunday =
        [18, 12, 8, 5, 4, 5, 9, 18, 35, 65, 105, 125, 120, 90, 100, 120, 135, 140, 125, 95, 65, 40, 24, 12];

    private const double TablePeak = 300;

    private readonly double _scale;

    /// <param name="weekdayPeakVehiclesPerHour">The busiest weekday hour, both directions together; every other hour scales with it.</param>
    public DailyTrafficProfile(double weekdayPeakVehiclesPerHour = TablePeak)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weekdayPeakVehiclesPerHour);
        _scale = weekdayPeakVehiclesPerHour / TablePeak;
    }

    /// <summary>A village through-road: about 300 vehicles/h at the weekday peaks, 3–6 at night, about 2,900 a weekday.</summary>
    public static DailyTrafficProfile RuralRoad { get; } = new();

    /// <summary>The highest rate the profile ever reaches, for thinning a Poisson process.</summary>
    public double MaximumVehiclesPerHour => TablePeak * _scale;

    /// <summary>The speed limit the speeds are centred on (an agglomeration in France: 50 km/h).</summary>
    public double SpeedLimitKilometresPerHour { get; init; } = 50;

    /// <summary>The spread of speeds between drivers; about 8 km/h gives a V85 of about 56 km/h in a 50 zone.</summary>
    public double SpeedStandardDeviationKilometresPerHour { get; init; } = 8;

    /// <summary>Vehicles per hour, both directions together, at a moment.</summary>
    public double VehiclesPerHour(DateTimeOffset time)
    {
        DateTime local = FrenchLocalTime.Of(time);
        double position = local.TimeOfDay.TotalHours - 0.5;
        int hour = (int)Math.Floor(position);
        double fraction = position - hour;
        return _scale * (((1 - fraction) * TableValue(local.Date, hour)) + (fraction * TableValue(local.Date, hour + 1)));
    }

    /// <summary>The rate as a fraction of the weekday peak, 0–1: how much the rush is on.</summary>
    public double RelativeToPeak(DateTimeOffset time) => VehiclesPerHour(time) / MaximumVehiclesPerHour;

    /// <summary>
    /// The share of vehicles approaching the sensor: the sensor faces the way into the village, so more come in
    /// towards the shops, school and bus stop in the morning (60 %) and more leave in the evening (40 %).
    /// </summary>
    public double ApproachingShare(DateTimeOffset time)
    {
        double hour = FrenchLocalTime.HourOfDay(time);
        return 0.5 + (0.1 * Bump(hour, 8, 1.5)) - (0.1 * Bump(hour, 17.5, 1.5));
    }

    /// <summary>
    /// Mean speed: a few km/h under the limit in traffic, a few over it on an empty road at night (free-flow
    /// speeds in French villages commonly sit near or above the limit; ONISR speed observatory).
    /// </summary>
    public double MeanSpeedKilometresPerHour(DateTimeOffset time) =>
        SpeedLimitKilometresPerHour - 4 + (8 * (1 - RelativeToPeak(time)) * (1 - RelativeToPeak(time)));

    private static double TableValue(DateTime date, int hour) => hour switch
    {
        < 0 => Table(date.AddDays(-1))[hour + 24],
        > 23 => Table(date.AddDays(1))[hour - 24],
        _ => Table(date)[hour],
    };

    private static double[] Table(DateTime date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => Weekday,
    };

    private static double Bump(double hour, double centre, double width) =>
        Math.Exp(-0.5 * Math.Pow((hour - centre) / width, 2));
}
