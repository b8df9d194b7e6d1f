using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// A road whose traffic follows a <see cref="DailyTrafficProfile"/>: a Poisson process whose rate changes with
/// the time of day and the day of the week, sampled by thinning (Lewis and Shedler, 1979: candidates at the
/// profile's maximum rate, each kept with probability rate(t) / maximum). Directions and speeds follow the
/// profile too.
/// </summary>
/// <remarks>
/// Time is cut into fixed slices counted from the Unix epoch, and each slice's vehicles are drawn from its own
/// seeded sequence. So the vehicles are a pure function of (seed, time): any period can be asked for in any
/// order, by the running node or by a tool generating a week of history, and gives the same vehicles; and
/// nothing accumulates while a node runs for months.
/// </remarks>
public sealed class DailyTraffic(DailyTrafficProfile profile, ulong seed) : ITrafficModel
{
    private static readonly TimeSpan Slice = TimeSpan.FromMinutes(10);
    private const int SlicesKept = 4;
    private const ulong VehicleStream = 0x7472616666696300; // "traffic"

    private readonly Dictionary<long, EmulatedVehicle[]> _slices = [];
    private readonly Queue<long> _sliceOrder = new();
    private readonly Lock _lock = new();

    public DailyTrafficProfile Profile { get; } = profile;

    public IReadOnlyList<EmulatedVehicle> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var vehicles = new List<EmulatedVehicle>();
        for (long slice = SliceOf(from); slice <= SliceOf(to); slice++)
        {
            foreach (EmulatedVehicle vehicle in VehiclesIn(slice))
            {
                if (vehicle.PassesSensorAt >= from && vehicle.PassesSensorAt < to)
                {
                    vehicles.Add(vehicle);
                }
            }
        }

        return vehicles;
    }

    private static long SliceOf(DateTimeOffset time) =>
        (long)Math.Floor((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)Slice.Ticks);

    /// <summary>The radar asks for a few seconds at a time: the last few slices are kept rather than drawn again.</summary>
    private EmulatedVehicle[] VehiclesIn(long slice)
    {
        lock (_lock)
        {
            if (_slices.TryGetValue(slice, out EmulatedVehicle[]? known))
            {
                return known;
            }

            EmulatedVehicle[] drawn = Draw(slice);
            _slices[slice] = drawn;
            _sliceOrder.Enqueue(slice);
            if (_sliceOrder.Count > SlicesKept)
            {
                _slices.Remove(_sliceOrder.Dequeue());
            }

            return drawn;
        }
    }

    private EmulatedVehicle[] Draw(long slice)
    {
        var random = new SeededSequence(SeededHash.Of(seed, VehicleStream, slice));
        DateTimeOffset start = DateTimeOffset.UnixEpoch + (Slice * slice);
        DateTimeOffset end = start + Slice;
        double maximum = Profile.MaximumVehiclesPerHour;
        var vehicles = new List<EmulatedVehicle>();
        DateTimeOffset candidate = start;
        while (true)
        {
            candidate += TimeSpan.FromHours(-Math.Log(1 - random.Next()) / maximum);
            if (candidate >= end)
            {
                return [.. vehicles];
            }

            // Every candidate draws the same four numbers, kept or not, so the sequence never shifts.
            double keep = random.Next();
            double direction = random.Next();
            double speed1 = random.Next();
            double speed2 = random.Next();
            if (keep * maximum >= Profile.VehiclesPerHour(candidate))
            {
                continue;
            }

            TravelDirection way = direction < Profile.ApproachingShare(candidate) ? TravelDirection.Approaching : TravelDirection.Receding;
            double kilometresPerHour = VehicleSpeeds.Draw(speed1, speed2, Profile.MeanSpeedKilometresPerHour(candidate), Profile.SpeedStandardDeviationKilometresPerHour);
            vehicles.Add(new EmulatedVehicle(candidate, way, kilometresPerHour));
        }
    }
}
