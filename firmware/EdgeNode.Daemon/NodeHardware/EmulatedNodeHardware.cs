using System.Device.Gpio;
using System.Device.I2c;
using EdgeNode.Hardware;
using EdgeNode.Hardware.Clock;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Hardware.Serial;
using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Scd4x;
using EdgeNode.Sensors.Sds011;

namespace EdgeNode.Daemon.NodeHardware;

/// <summary>
/// A whole node's sensors emulated at the wire: a BME280 and an SCD41 on an emulated I2C bus, an SDS011, a
/// PMS5003 and an OPS243-A radar on emulated serial lines at the ports the settings name, and the optional
/// NO2 cell behind an ADS1115 when the wiring says it is fitted. The real drivers
/// run against them unchanged. Faults are injected per sensor at run time.
/// </summary>
public sealed class EmulatedNodeHardware : INodeHardware
{
    private readonly EmulatedI2cBus _bus;
    private readonly Dictionary<string, IEmulatedSerialPeripheral> _serialDevices;
    private readonly SensorWiring _wiring;
    private readonly GpioController _gpioController;

    // Port names whose adapter has been "unplugged".
    private readonly HashSet<string> _removed = [];

    // Ports handed out, so that unplugging reaches a port a driver already holds open.
    private readonly List<EmulatedSerialPort> _openPorts = [];
    private readonly Lock _lock = new();

    public EmulatedNodeHardware(TimeProvider time, IAmbientModel ambient, ITrafficModel traffic, SensorWiring wiring)
    {
        Time = time;
        Bme280 = new Bme280Emulator(time, ambient);
        Scd4x = new Scd4xEmulator(time, ambient);
        Sds011 = new Sds011Emulator(ambient);
        Pms5003 = new Pms5003Emulator(ambient);
        Radar = new Ops243Emulator(traffic);
        No2 = new No2CellEmulator(time, ambient, No2Certificate);
        Gpio = new EmulatedGpioDriver(time);
        _gpioController = new GpioController(Gpio);
        // The PMS5003 follows its SET pin and its supply as wired (hardware/wiring.md, "GPIO").
        Gpio.OutputChanged += (pin, level) =>
        {
            if (pin == wiring.Pms5003SetPin)
            {
                Pms5003.SetPinHigh = level == PinValue.High;
            }

            if (pin == wiring.ParticulatePowerPin)
            {
                Pms5003.Powered = level == PinValue.High;
            }
        };
        _bus = new EmulatedI2cBus(wiring.I2cBusId);
        _bus.Attach(SensorWiring.Bme280PrimaryAddress, Bme280);
        _bus.Attach(SensorWiring.Scd4xAddress, Scd4x);
        if (wiring.Fitted.Contains(SensorWiring.No2))
        {
            _bus.Attach(SensorWiring.No2Address, No2);
        }
        _serialDevices = new Dictionary<string, IEmulatedSerialPeripheral>
        {
            [wiring.Sds011Port] = Sds011,
            [wiring.Pms5003Port] = Pms5003,
            [wiring.RadarPort] = Radar,
        };
        _wiring = wiring;
    }

    public string Name => "emulated hardware";

    /// <summary>The GPIO header: tests and the emulation read the LED and the sensors' pins here and press the button.</summary>
    public EmulatedGpioDriver Gpio { get; }

    public TimeProvider Time { get; }

    /// <summary>New for every instance: its clock's timestamps count from when the clock was made, not from a real boot.</summary>
    public string BootId { get; } = "emulated-" + Guid.NewGuid().ToString("N");

    /// <summary>The emulated clock is right by construction; a test sets this to play a node that has not synchronised yet.</summary>
    public ClockSynchronisation Clock { get; set; } = ClockSynchronisation.Synchronised;

    public ClockSynchronisation ReadClockSynchronisation() => Clock;

    public Bme280Emulator Bme280 { get; }

    public Scd4xEmulator Scd4x { get; }

    public Sds011Emulator Sds011 { get; }

    public Pms5003Emulator Pms5003 { get; }

    public Ops243Emulator Radar { get; }

    public No2CellEmulator No2 { get; }

    /// <summary>The certificate of the emulated NO2 cell: typical NO2-B43F figures.</summary>
    public static No2CellCalibration No2Certificate { get; } = new(WorkingElectrodeZeroMillivolts: 225, AuxiliaryElectrodeZeroMillivolts: 232, SensitivityMillivoltsPerPpb: -0.35);

    /// <summary>The emulator of a sensor by catalogue name (see <see cref="SensorWiring.Names"/>).</summary>
    public IEmulatedSensor Emulator(string sensor) => sensor switch
    {
        SensorWiring.Bme280 => Bme280,
        SensorWiring.Scd4x => Scd4x,
        SensorWiring.Sds011 => Sds011,
        SensorWiring.Pms5003 => Pms5003,
        SensorWiring.Radar => Radar,
        SensorWiring.No2 => No2,
        _ => throw new ArgumentException($"No emulated sensor called '{sensor}'; known: {string.Join(", ", SensorWiring.Names)}.", nameof(sensor)),
    };

    /// <summary>
    /// Takes a sensor off the node, as if never fitted or unplugged while running: an I2C device leaves the bus;
    /// a serial sensor's port can no longer be opened, and one already open either fails for good (a USB adapter:
    /// the kernel drops its tty) or falls silent (a UART whose wire came loose).
    /// </summary>
    public void Remove(string sensor) => SetPlugged(sensor, plugged: false);

    /// <summary>Puts back a sensor taken off with <see cref="Remove"/>: it answers again where it was.</summary>
    public void PlugBack(string sensor) => SetPlugged(sensor, plugged: true);

    private void SetPlugged(string sensor, bool plugged)
    {
        int? address = sensor switch
        {
            SensorWiring.Bme280 => SensorWiring.Bme280PrimaryAddress,
            SensorWiring.Scd4x => SensorWiring.Scd4xAddress,
            SensorWiring.No2 => SensorWiring.No2Address,
            _ => null,
        };
        if (address is { } onBus)
        {
            if (plugged)
            {
                _bus.Reconnect(onBus);
            }
            else
            {
                _bus.Disconnect(onBus);
            }

            return;
        }

        string port = sensor switch
        {
            SensorWiring.Sds011 => _wiring.Sds011Port,
            SensorWiring.Pms5003 => _wiring.Pms5003Port,
            SensorWiring.Radar => _wiring.RadarPort,
            _ => throw new ArgumentException($"No emulated sensor called '{sensor}'; known: {string.Join(", ", SensorWiring.Names)}.", nameof(sensor)),
        };
        lock (_lock)
        {
            if (plugged)
            {
                _removed.Remove(port);
            }
            else
            {
                _removed.Add(port);
            }

            foreach (EmulatedSerialPort open in _openPorts.Where(p => p.PortName == port))
            {
                if (IsUsbAttached(port))
                {
                    // The kernel removes the tty with the adapter: the open descriptor stays dead after a replug.
                    open.HungUp |= !plugged;
                }
                else
                {
                    open.Unplugged = !plugged;
                }
            }
        }
    }

    /// <summary>A USB serial adapter (/dev/ttyUSB*, /dev/ttyACM*) rather than a UART on the Pi's header, whose tty stays.</summary>
    private static bool IsUsbAttached(string port) =>
        port.StartsWith("/dev/ttyUSB", StringComparison.Ordinal) || port.StartsWith("/dev/ttyACM", StringComparison.Ordinal);

    public I2cBus OpenI2cBus(int busId) =>
        busId == _bus.BusId
            ? _bus
            : throw new DeviceAccessException(DeviceAccessError.NotFound, $"/dev/i2c-{busId}",
                $"I2C bus {busId} not found: the emulated node has only bus {_bus.BusId}.");

    public GpioController OpenGpio() => _gpioController;

    public SerialDevice OpenSerialPort(string portName, int baudRate)
    {
        lock (_lock)
        {
            if (!_serialDevices.TryGetValue(portName, out IEmulatedSerialPeripheral? device) || _removed.Contains(portName))
            {
                throw new DeviceAccessException(DeviceAccessError.NotFound, portName,
                    $"Serial port {portName} not found: its USB adapter or cable is unplugged, or the port name is wrong.");
            }

            var port = new EmulatedSerialPort(device, Time, portName);
            _openPorts.RemoveAll(p => p.PortName == portName); // a driver reopening drops the port it held
            _openPorts.Add(port);
            return port;
        }
    }

    public void Dispose()
    {
        _bus.Dispose();
        _gpioController.Dispose();
    }
}
