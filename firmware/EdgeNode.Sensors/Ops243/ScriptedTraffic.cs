namespace EdgeNode.Sensors.Ops243;

/// <summary>Exactly the vehicles a test lists; no traffic at all when the list is empty.</summary>
public sealed class ScriptedTraffic(IEnumerable<EmulatedVehicle> vehicles) : ITrafficModel
{
    private readonly EmulatedVehicle[] _vehicles = [.. vehicles.OrderBy(v => v.PassesSensorAt)];

    public static ScriptedTraffic EmptyRoad { get; } = new([]);

    public IReadOnlyList<EmulatedVehicle> Vehicles => _vehicles;

    public IReadOnlyList<EmulatedVehicle> Between(DateTimeOffset from, DateTimeOffset to) =>
        [.. _vehicles.Where(v => v.PassesSensorAt >= from && v.PassesSensorAt < to)];
}
