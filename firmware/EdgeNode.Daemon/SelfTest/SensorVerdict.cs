using EdgeNode.Sensors;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>What the self-test concludes about one sensor.</summary>
/// <param name="Sensor">The model, e.g. "BME280".</param>
/// <param name="Location">Where it was looked for, e.g. "I2C bus 1, 0x76" or "/dev/ttyUSB0".</param>
/// <param name="Fault">Null when the sensor is fine.</param>
/// <param name="Summary">The values read (when OK) or the fault's name.</param>
/// <param name="Advice">The fault's full message, with what to check; or a note on an OK sensor.</param>
public sealed record SensorVerdict(string Sensor, string Location, SensorFaultKind? Fault, string Summary, string? Advice)
{
    public bool Ok => Fault is null;
}
