namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// A simple village road: vehicles arrive independently (a Poisson process) at a given rate per hour in each
/// direction, with normally distributed speeds around a mean (50 km/h for a village through-road), clamped to
/// 15–130 km/h. Deterministic for a given seed, so a test can count what it should have seen. For a road whose
/// traffic follows the day, see <see cref="DailyTraffic"/>.
/// </summary>
public sealed class PoissonTraffic : ITrafficModel
{
    private readonly Random _random;
    private readonly double[] _perHour;
    private readonly double _meanSpeed;
    private readonly double _speedDeviation;
    private readonly DateTimeOffset?[] _nextArrival = new DateTimeOffset?[2];
    private readonly List<EmulatedVehicle> _generated = [];
    private DateTimeOffset _generatedUntil;

    public PoissonTraffic(DateTimeOffset start, double approachingPerHour, double recedingPerHour,
        double meanSpeedKilometresPerHour = 50, double speedStandardDeviationKilometresPerHour = 8, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(approachingPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(recedingPerHour);
        _random = new Random(seed);
        _perHour = [approachingPerHour, recedingPerHour];
        _meanSpeed = meanSpeedKilometresPerHour;
        _speedDeviation = speedStandardDeviationKilometresPerHour;
        _generatedUntil = start;
        _nextArrival[0] = NextArrival(0, start);
        _nextArrival[1] = NextArrival(1, start);
    }

    public IReadOnlyList<EmulatedVehicle> Between(DateTimeOffset from, DateTimeOffset to)
    {
        while (_generatedUntil < to)
        {
            int direction = _nextArrival[1] is null || (_nextArrival[0] is { } first && first <= _nextArrival[1]) ? 0 : 1;
            if (_nextArrival[direction] is not { } at)
            {
                break; // no traffic in either direction
            }

            _generated.Add(new EmulatedVehicle(at, (TravelDirection)direction, NextSpeed()));
            _nextArrival[direction] = NextArrival(direction, at);
            _generatedUntil = at;
        }

        return [.. _generated.Where(v => v.PassesSensorAt >= from && v.PassesSensorAt < to)];
    }

    private DateTimeOffset? NextArrival(int direction, DateTimeOffset after)
    {
        if (_perHour[direction] <= 0)
        {
            return null;
        }

        // Exponential inter-arrival times: -ln(U) / rate.
        double hours = -Math.Log(1 - _random.NextDouble()) / _perHour[direction];
        return after + TimeSpan.FromHours(hours);
    }

    private double NextSpeed()
    {
        double first = _random.NextDouble();
        return VehicleSpeeds.Draw(first, _random.NextDouble(), _meanSpeed, _speedDeviation);
    }
}
