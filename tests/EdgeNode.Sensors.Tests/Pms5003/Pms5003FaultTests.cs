using EdgeNode.Hardware;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Hardware.Serial;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Pms5003;
using EdgeNode.Sensors.Sds011;
using EdgeNode.Sensors.Tests.Contract;
using EdgeNode.Sensors.Tests.Support;

namespace EdgeNode.Sensors.Tests.Pms5003;

public sealed class Pms5003FaultTests : ParticulateSensorFaultContract
{
    protected override string DeviceName => "PMS5003";

    protected override string PortName => "/dev/ttyAMA0";

    protected override TimeSpan AnswerTimeout => TimeSpan.FromSeconds(5);

    protected override TimeSpan StuckAfter => Pms5003Sensor.StuckAfter;

    protected override string CorruptDataExplanation =>
        "damaged frame(s) (wrong check word, length or cut short) and nothing intact in 5 s when asked for a measurement: ";

    protected override IParticulateRig Rig(double pm25 = 7, double pm10 = 12, bool noise = true) => new Pms5003Rig(pm25: pm25, pm10: pm10, noise: noise);

    protected override IDutyCycledSensor Sensor(SerialDevice port, TimeProvider time) => new Pms5003Sensor(port, time);

    protected override IEmulatedSerialPeripheral OtherDevice(IAmbientModel ambient) => new Sds011Emulator(ambient);

    // Air so clean that every mass value reads 0 µg/m³ in every frame: only the particle counts keep the frame moving.
    protected override IParticulateRig CleanAirRig() => new Pms5003Rig(pm1: 0.2, pm25: 0.3, pm10: 0.4);

    protected override void AssertCleanAir(IReadOnlyList<IReadOnlyList<Measurement>> readings) =>
        Assert.All(readings, reading => Assert.All(reading, m => Assert.Equal(0, m.Value)));

    [Fact]
    public async Task A_port_that_fails_with_an_io_error_is_not_answering()
    {
        var sensor = new Pms5003Sensor(new FailingSerialPort(DeviceAccessError.IoError, "/dev/ttyUSB1"), new VirtualTimeProvider());

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => sensor.SleepAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("PMS5003 on /dev/ttyUSB1", fault.Message);
    }

    [Fact]
    public async Task Air_beyond_the_effective_range_but_within_the_maximum_is_still_reported()
    {
        var rig = new Pms5003Rig(pm1: 300, pm25: 520, pm10: 560, noise: false);
        await rig.WakeAndWarmUpAsync();

        Assert.Equal(520, (await rig.Sensor.ReadParticulatesAsync()).Pm25MicrogramsPerCubicMetre);
    }

    [Fact]
    public async Task Air_past_the_maximum_range_is_out_of_range_even_in_a_well_formed_frame()
    {
        var rig = new Pms5003Rig(pm1: 500, pm25: 900, pm10: 1200, noise: false);
        await rig.WakeAndWarmUpAsync();

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => rig.Sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("1200", fault.Message);
    }
}
