using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Hardware.I2c;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Ops243;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Scd4x;
using EdgeNode.Sensors.Sds011;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>The sensors EdgeNode knows: where each is looked for and how its driver is opened.</summary>
/// <summary>How each fitted sensor is looked for and its driver opened, for the self-test.</summary>
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
    public static IReadOnlyList<SensorCheck> For(INodeHardware hardware, SensorWiring wiring, I2cScanResult scan)
    {
        TimeProvider time = hardware.Time;
        int bus = wiring.I2cBusId;
        int bmeAddress = !scan.Addresses.Contains(SensorWiring.Bme280PrimaryAddress) && scan.Addresses.Contains(SensorWiring.Bme280SecondaryAddress)
            ? SensorWiring.Bme280SecondaryAddress
            : SensorWiring.Bme280PrimaryAddress;

        var checks = new List<SensorCheck>();
        if (wiring.Fitted.Contains(SensorWiring.Bme280))
        {
            checks.Add(new EnvironmentalSensorCheck("BME280", $"I2C bus {bus}, 0x{bmeAddress:x2}",
                async ct => await Bme280Sensor.OpenAsync(Device(hardware, bus, bmeAddress), time, ct)));
        }

        if (wiring.Fitted.Contains(SensorWiring.Scd4x))
        {
            checks.Add(new EnvironmentalSensorCheck("SCD4x", $"I2C bus {bus}, 0x{SensorWiring.Scd4xAddress:x2}",
                async ct => await Scd4xSensor.OpenAsync(Device(hardware, bus, SensorWiring.Scd4xAddress), time, Scd4xMeasurementMode.Periodic, ct)));
        }

        if (wiring.Fitted.Contains(SensorWiring.Sds011))
        {
            checks.Add(new EnvironmentalSensorCheck("SDS011", wiring.Sds011Port,
                _ => Task.FromResult<IEnvironmentalSensor>(new Sds011Sensor(hardware.OpenSerialPort(wiring.Sds011Port, SensorWiring.ParticulateBaudRate), time))));
        }

        if (wiring.Fitted.Contains(SensorWiring.Pms5003))
        {
            checks.Add(new EnvironmentalSensorCheck("PMS5003", wiring.Pms5003Port,
                _ => Task.FromResult<IEnvironmentalSensor>(new Pms5003Sensor(hardware.OpenSerialPort(wiring.Pms5003Port, SensorWiring.ParticulateBaudRate), time))));
        }

        if (wiring.Fitted.Contains(SensorWiring.Radar))
        {
            checks.Add(new VehicleCounterCheck("OPS243", wiring.RadarPort, async ct =>
            {
                var counter = new Ops243Counter(hardware.OpenSerialPort(wiring.RadarPort, SensorWiring.RadarBaudRate), time);
                try
                {
                    await counter.StartAsync(ct);
                    return counter;
                }
                catch
                {
                    counter.Dispose();
                    throw;
                }
            }));
        }

        if (wiring.Fitted.Contains(SensorWiring.No2))
        {
            No2CellCalibration calibration = wiring.No2Calibration
                ?? throw new InvalidOperationException("The NO2 cell is fitted but its certificate constants were not given.");
            checks.Add(new EnvironmentalSensorCheck("NO2", $"I2C bus {bus}, 0x{SensorWiring.No2Address:x2}",
                async ct => await No2CellSensor.OpenAsync(Device(hardware, bus, SensorWiring.No2Address), time, calibration)));
        }

        return checks;
    }

    private static I2cDevice Device(INodeHardware hardware, int bus, int address) => hardware.OpenI2cBus(bus).CreateDevice(address);
}
