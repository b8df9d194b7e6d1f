using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Hardware.Serial;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Contract;

namespace EdgeNode.Sensors.Tests.Sds011;

public sealed class Sds011FaultTests : ParticulateSensorFaultContract
{
    protected override string DeviceName => "SDS011";

    protected override string PortName => "/dev/ttyUSB0";

    protected override TimeSpan AnswerTimeout => TimeSpan.FromSeconds(3);

    protected override TimeSpan StuckAfter => Sds011Sensor.StuckAfter;

    protected override string CorruptDataExplanation =>
        "damaged frame(s) (wrong checksum or cut short) and nothing intact in 3 s when asked for a measurement: ";

    protected override IParticulateRig Rig(double pm25 = 7, double pm10 = 12, bool noise = true) => new Sds011Rig(pm25, pm10, noise);

    protected override IDutyCycledSensor Sensor(SerialDevice port, TimeProvider time) => new Sds011Sensor(port, time);

    protected override IEmulatedSerialPeripheral OtherDevice(IAmbientModel ambient) => new Pms5003Emulator(ambient);

    // The cleanest air a rural lamppost sees: both values near the bottom of the range, only the sensor's noise moves them.
    protected override IParticulateRig CleanAirRig() => new Sds011Rig(pm25: 0.8, pm10: 1.5);

    protected override void AssertCleanAir(IReadOnlyList<IReadOnlyList<Measurement>> readings) =>
        Assert.All(readings, reading => Assert.All(reading, m => Assert.InRange(m.Value, 0, 5)));

    [Fact]
    public async Task A_port_lost_during_a_read_is_not_answering()
    {
        var time = new VirtualTimeProvider();
        var line = new SwitchablePort(new EmulatedSerialPort(new Sds011Emulator(new ConstantAmbient(AmbientConditions.Typical)), time, "/dev/ttyUSB0"));
        var sensor = new Sds011Sensor(line, time);
        await sensor.WakeAsync();
        time.Advance(sensor.WarmUp);
        line.Failure = DeviceAccessError.IoError;

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains(sensor.Description, fault.Message);
    }

    /// <summary>A real line that can be made to fail like a pulled USB adapter.</summary>
    private sealed class SwitchablePort(EmulatedSerialPort inner) : SerialDevice
    {
        public DeviceAccessError? Failure { get; set; }

        public override string PortName => inner.PortName;

        public override void Write(ReadOnlySpan<byte> data)
        {
            ThrowIfFailed();
            inner.Write(data);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            ThrowIfFailed();
            return inner.ReadAsync(buffer, timeout, cancellationToken);
        }

        public override void DiscardInput() => inner.DiscardInput();

        private void ThrowIfFailed()
        {
            if (Failure is { } error)
            {
                throw new DeviceAccessException(error, PortName, $"Serial port {PortName} failed (Input/output error).", errno: 5);
            }
        }
    }
}
