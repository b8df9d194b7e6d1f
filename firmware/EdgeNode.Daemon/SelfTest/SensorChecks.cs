using EdgeNode.Daemon.NodeHardware;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>The self-test's check for each fitted sensor, and what a scan finding at an address most likely is.</summary>
public static class SensorChecks
{
    /// <summary>What a scan finding at an address most likely is, for the technician.</summary>
    public static IReadOnlyDictionary<int, string> KnownI2cDevices { get; } = new Dictionary<int, string>
    {
        [SensorWiring.Bme280PrimaryAddress] = "BME280 temperature, humidity, pressure (SDO to GND)",
        [SensorWiring.Bme280SecondaryAddress] = "BME280 temperature, humidity, pressure (SDO to 3.3 V)",
        [SensorWiring.Scd4xAddress] = "SCD4x CO2",
        [SensorWiring.No2Address] = "ADS1115 ADC (NO2 cell)",
    };

    /// <summary>The checks for the fitted sensors, in the order they are reported.</summary>
    /// <param name="scan">Decides whether the BME280 is looked for at 0x76 or 0x77.</param>
    public static IReadOnlyList<SensorCheck> For(INodeHardware hardware, SensorWiring wiring, I2cScanResult scan) =>
        FittedSensors.For(hardware, wiring, SensorWiring.Bme280AddressFrom(scan.Addresses))
            .Select(SensorCheck (s) => s.OpenVehicleCounter is { } openCounter
                ? new VehicleCounterCheck(s.Label, s.Location, openCounter)
                : new EnvironmentalSensorCheck(s.Label, s.Location, s.OpenEnvironmental!))
            .ToArray();
}
