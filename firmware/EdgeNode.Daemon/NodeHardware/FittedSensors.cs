using System.Device.Gpio;
using System.Device.I2c;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Sensors;
using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Ops243;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Scd4x;
using EdgeNode.Sensors.Sds011;

namespace EdgeNode.Daemon.NodeHardware;

/// <summary>The one place that knows how each fitted sensor's driver is opened; the self-test and the service both use it.</summary>
public static class FittedSensors
{
    /// <param name="bme280Address">0x76 or 0x77, whichever a bus scan found (<see cref="SensorWiring.Bme280AddressFrom"/>).</param>
    public static IReadOnlyList<FittedSensor> For(INodeHardware hardware, SensorWiring wiring, int bme280Address)
    {
        TimeProvider time = hardware.Time;
        int bus = wiring.I2cBusId;
        var sensors = new List<FittedSensor>();
        GpioController? gpio = wiring.Pms5003SetPin is not null || wiring.ParticulatePowerPin is not null ? hardware.OpenGpio() : null;
        // One switch for both PM sensors, made once: their loops reopen them after a lost connection.
        ParticulatePower? power = wiring.ParticulatePowerPin is { } powerPin ? new ParticulatePower(gpio!, powerPin) : null;
        IEnvironmentalSensor Switched(IDutyCycledSensor sensor, int? setPin) =>
            gpio is null ? sensor : new PinSwitchedSensor(sensor, gpio, setPin, power, time);
        if (wiring.Fitted.Contains(SensorWiring.Bme280))
        {
            sensors.Add(Environmental(SensorWiring.Bme280, "BME280", $"I2C bus {bus}, 0x{bme280Address:x2}",
                async ct => await Bme280Sensor.OpenAsync(Device(hardware, bus, bme280Address), time, ct)));
        }

        if (wiring.Fitted.Contains(SensorWiring.Scd4x))
        {
            sensors.Add(Environmental(SensorWiring.Scd4x, "SCD4x", $"I2C bus {bus}, 0x{SensorWiring.Scd4xAddress:x2}",
                async ct => await Scd4xSensor.OpenAsync(Device(hardware, bus, SensorWiring.Scd4xAddress), time, Scd4xMeasurementMode.Periodic, ct)));
        }

        if (wiring.Fitted.Contains(SensorWiring.Sds011))
        {
            sensors.Add(Environmental(SensorWiring.Sds011, "SDS011", wiring.Sds011Port,
                _ => Task.FromResult<IEnvironmentalSensor>(Switched(new Sds011Sensor(hardware.OpenSerialPort(wiring.Sds011Port, SensorWiring.ParticulateBaudRate), time), null))));
        }

        if (wiring.Fitted.Contains(SensorWiring.Pms5003))
        {
            sensors.Add(Environmental(SensorWiring.Pms5003, "PMS5003", wiring.Pms5003Port,
                _ => Task.FromResult<IEnvironmentalSensor>(Switched(new Pms5003Sensor(hardware.OpenSerialPort(wiring.Pms5003Port, SensorWiring.ParticulateBaudRate), time), wiring.Pms5003SetPin))));
        }

        if (wiring.Fitted.Contains(SensorWiring.Radar))
        {
            sensors.Add(new FittedSensor(SensorWiring.Radar, "OPS243", wiring.RadarPort, null, async ct =>
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
            sensors.Add(Environmental(SensorWiring.No2, "NO2", $"I2C bus {bus}, 0x{SensorWiring.No2Address:x2}",
                async ct => await No2CellSensor.OpenAsync(Device(hardware, bus, SensorWiring.No2Address), time, calibration)));
        }

        return sensors;
    }

    private static FittedSensor Environmental(string name, string label, string location, Func<CancellationToken, Task<IEnvironmentalSensor>> open) =>
        new(name, label, location, open, null);

    private static I2cDevice Device(INodeHardware hardware, int bus, int address) => hardware.OpenI2cBus(bus).CreateDevice(address);
}
