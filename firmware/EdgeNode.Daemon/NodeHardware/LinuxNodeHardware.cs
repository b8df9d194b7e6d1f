using System.Device.Gpio;
using System.Device.I2c;
using EdgeNode.Daemon.Clock;
using EdgeNode.Hardware.Clock;
using EdgeNode.Hardware.I2c;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Daemon.NodeHardware;

/// <summary>The Pi's own device files, <c>/dev/i2c-N</c> and serial ports, on the wall clock.</summary>
public sealed class LinuxNodeHardware : INodeHardware
{
    private readonly Dictionary<int, I2cBus> _buses = [];
    private readonly Lock _lock = new();
    private GpioController? _gpio;

    public string Name => "Raspberry Pi";

    public TimeProvider Time => TimeProvider.System;

    public string BootId { get; } = BootClock.ReadLinuxBootId();

    public ClockSynchronisation ReadClockSynchronisation() => KernelClock.ReadSynchronisation();

    /// <summary>Opens a bus once; every device on it shares that open file, and it is closed with this object.</summary>
    public I2cBus OpenI2cBus(int busId)
    {
        lock (_lock)
        {
            if (!_buses.TryGetValue(busId, out I2cBus? bus))
            {
                bus = UnixI2cBus.Open(busId);
                _buses[busId] = bus;
            }

            return bus;
        }
    }

    /// <summary>System.Device.Gpio picks the Pi's driver (libgpiod's character device; install libgpiod2, see hardware/raspberry-pi-setup.md).</summary>
    public GpioController OpenGpio()
    {
        lock (_lock)
        {
            return _gpio ??= new GpioController();
        }
    }

    public SerialDevice OpenSerialPort(string portName, int baudRate) => UnixSerialDevice.Open(portName, baudRate);

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (I2cBus bus in _buses.Values)
            {
                bus.Dispose();
            }

            _buses.Clear();
            _gpio?.Dispose();
            _gpio = null;
        }
    }
}
