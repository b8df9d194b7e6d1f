namespace EdgeNode.Daemon.NodeHardware;

/// <summary>The sensors the node samples, as found at start: the configured ones, the BME280 at the address a bus scan found.</summary>
public sealed class SensorsFound(IReadOnlyList<FittedSensor> sensors)
{
    public IReadOnlyList<FittedSensor> All { get; } = sensors;

    public bool VehicleCounterFitted => All.Any(s => s.OpenVehicleCounter is not null);

    /// <summary>The name the radar is configured under, since a traffic window does not carry it.</summary>
    public string TrafficSensor => All.FirstOrDefault(s => s.OpenVehicleCounter is not null)?.Name ?? SensorWiring.Radar;
}
