using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;

namespace EdgeNode.Sensors.Tests.Ops243;

/// <summary>A road that follows the day: rush hours, quiet nights, flatter weekends, speeds around the limit.</summary>
public sealed class DailyTrafficTests
{
    // Monday 2 June 2025, 00:00 in France (CEST).
    private static readonly DateTimeOffset Monday = new(2025, 6, 2, 0, 0, 0, TimeSpan.FromHours(2));

    private static IReadOnlyList<EmulatedVehicle> Week(ulong seed) =>
        new DailyTraffic(DailyTrafficProfile.RuralRoad, seed).Between(Monday, Monday.AddDays(7));

    private static int LocalHourCount(IEnumerable<EmulatedVehicle> vehicles, int hour) =>
        vehicles.Count(v => FrenchLocalTime.Of(v.PassesSensorAt).Hour == hour);

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(99UL)]
    public void Weekday_mornings_are_far_busier_than_nights_and_weekends_flatter(ulong seed)
    {
        IReadOnlyList<EmulatedVehicle> week = Week(seed);
        EmulatedVehicle[] weekdays = week.Where(v => FrenchLocalTime.Of(v.PassesSensorAt).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        EmulatedVehicle[] weekend = week.Except(weekdays).ToArray();

        // Five weekdays: about 5 × 270 vehicles between 8 and 9 h, 5 × 3 between 3 and 4 h.
        int weekdayEight = LocalHourCount(weekdays, 8), weekdayThree = LocalHourCount(weekdays, 3);
        Assert.InRange(weekdayEight, 1100, 1600);
        Assert.InRange(weekdayThree, 2, 40);

        // Weekend peak-to-night ratio: the weekday one is 300 / 4, the weekend one about 160 / 6.
        double weekdayPeakHour = Enumerable.Range(0, 24).Max(h => LocalHourCount(weekdays, h)) / 5.0;
        double weekendPeakHour = Enumerable.Range(0, 24).Max(h => LocalHourCount(weekend, h)) / 2.0;
        Assert.InRange(weekendPeakHour, 110, 200);
        Assert.True(weekendPeakHour < 0.7 * weekdayPeakHour, $"weekend peak {weekendPeakHour}/h, weekday {weekdayPeakHour}/h");
        Assert.True(LocalHourCount(weekend, 8) < 0.4 * LocalHourCount(weekdays, 8) / 5 * 2);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    public void Daily_totals_directions_and_speeds_are_those_of_a_village_through_road(ulong seed)
    {
        IReadOnlyList<EmulatedVehicle> week = Week(seed);
        foreach (IGrouping<DateTime, EmulatedVehicle> day in week.GroupBy(v => FrenchLocalTime.Of(v.PassesSensorAt).Date))
        {
            Assert.InRange(day.Count(), day.Key.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1200 : 2500, 3200);
        }

        Assert.InRange(week.Count(v => v.Direction == TravelDirection.Approaching) / (double)week.Count, 0.45, 0.55);
        EmulatedVehicle[] mornings = week.Where(v => FrenchLocalTime.Of(v.PassesSensorAt).Hour is 7 or 8).ToArray();
        Assert.InRange(mornings.Count(v => v.Direction == TravelDirection.Approaching) / (double)mornings.Length, 0.54, 0.66);

        double[] speeds = [.. week.Select(v => v.SpeedKilometresPerHour).Order()];
        Assert.InRange(speeds.Average(), 45, 51);
        Assert.InRange(speeds[(int)(speeds.Length * 0.85)], 53, 60); // V85
        Assert.All(speeds, s => Assert.InRange(s, 15, 130));
    }

    [Fact]
    public void The_same_seed_gives_the_same_vehicles_however_the_time_is_sliced_and_another_seed_others()
    {
        IReadOnlyList<EmulatedVehicle> whole = new DailyTraffic(DailyTrafficProfile.RuralRoad, 5).Between(Monday, Monday.AddHours(6));
        var sliced = new DailyTraffic(DailyTrafficProfile.RuralRoad, 5);
        var pieces = new List<EmulatedVehicle>();
        for (DateTimeOffset t = Monday.AddHours(6); t > Monday; t -= TimeSpan.FromSeconds(7))
        {
            DateTimeOffset from = t - TimeSpan.FromSeconds(7) < Monday ? Monday : t - TimeSpan.FromSeconds(7);
            pieces.InsertRange(0, sliced.Between(from, t));
        }

        Assert.Equal(whole, pieces);
        Assert.Equal(whole.OrderBy(v => v.PassesSensorAt), whole);
        Assert.NotEqual(whole, new DailyTraffic(DailyTrafficProfile.RuralRoad, 6).Between(Monday, Monday.AddHours(6)));
    }

    [Fact]
    public void The_rate_never_jumps_across_midnight_or_from_a_friday_to_a_saturday()
    {
        DailyTrafficProfile profile = DailyTrafficProfile.RuralRoad;
        for (DateTimeOffset t = Monday; t < Monday.AddDays(7); t = t.AddMinutes(1))
        {
            Assert.InRange(Math.Abs(profile.VehiclesPerHour(t.AddMinutes(1)) - profile.VehiclesPerHour(t)), 0, 3);
        }
    }
}
