using EdgeNode.Sensors;

namespace EdgeNode.Daemon.NodeHardware;

/// <summary>A sensor fitted on this node and how its driver is opened: an air sensor or a traffic counter.</summary>
/// <param name="Name">The configuration name, e.g. "bme280".</param>
/// <param name="Label">The model as people write it, e.g. "BME280".</param>
/// <param name="Location">Where it is wired, e.g. "I2C bus 1, 0x76" or "/dev/ttyUSB0".</param>
public sealed record FittedSensor(
    string Name,
    string Label,
    string Location,
    Func<CancellationToken, Task<IEnvironmentalSensor>>? OpenEnvironmental,
    Func<CancellationToken, Task<IVehicleCounter>>? OpenVehicleCounter);
