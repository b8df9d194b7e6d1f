using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using static EdgeNode.Sensors.Tests.Ops243.RadarRig;

namespace EdgeNode.Sensors.Tests.Ops243;

public class Ops243FaultTests
{
    [Fact]
    public async Task A_missing_port_is_NotPresent_and_says_what_to_check()
    {
        using var counter = new Ops243Counter(new MissingPort(), new VirtualTimeProvider());

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => counter.ListenAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains(counter.Description, fault.Message);
        Assert.Contains("USB cable", fault.Message);
        Assert.Equal(counter.Description, fault.Sensor);
    }

    [Fact]
    public async Task A_GPS_receiver_on_the_radar_port_is_NotPresent()
    {
        using var rig = new RadarRig();
        rig.Emulator.Fault = EmulatedFault.WrongDevice;

        await AssertFault(rig, SensorFaultKind.NotPresent, () => rig.Counter.StartAsync(), "$GPRMC");
    }

    [Fact]
    public async Task An_OmniPreSense_model_that_measures_range_not_speed_is_NotPresent()
    {
        using EmulatedSerialPort rig = Replay(new ReplayPeripheral("OPS241-B FMCW"), out Ops243Counter counter);

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => counter.StartAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("OPS241-B FMCW", fault.Message);
        Assert.Contains(counter.Description, fault.Message);
    }

    [Fact]
    public async Task A_sensor_that_never_answers_is_NotAnswering()
    {
        using var rig = new RadarRig();
        rig.Emulator.Fault = EmulatedFault.Silent;

        await AssertFault(rig, SensorFaultKind.NotAnswering, () => rig.Counter.StartAsync(), "nothing came back");
    }

    [Fact]
    public async Task A_sensor_that_falls_silent_is_NotAnswering_within_one_health_check()
    {
        using var rig = new RadarRig(Approaching(20, 50));
        Assert.Single(await rig.Counter.ListenAsync(TimeSpan.FromSeconds(30)));
        rig.Emulator.Fault = EmulatedFault.Silent;
        DateTimeOffset silentFrom = rig.Time.GetUtcNow();

        await AssertFault(rig, SensorFaultKind.NotAnswering, () => rig.Counter.ListenAsync(TimeSpan.FromMinutes(10)), "U?");

        Assert.InRange(rig.Time.GetUtcNow() - silentFrom, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(65));
    }

    [Fact]
    public async Task An_unplugged_cable_is_NotAnswering()
    {
        using var rig = new RadarRig();
        await rig.Counter.StartAsync();
        rig.Port.Unplugged = true;

        await AssertFault(rig, SensorFaultKind.NotAnswering, () => rig.Counter.ListenAsync(TimeSpan.FromMinutes(10)), "Check the cable");
    }

    [Fact]
    public async Task Reports_that_arrive_while_commands_are_not_answered_point_at_the_transmit_wire()
    {
        ReplayPeripheral deaf = new ReplayPeripheral { Deaf = true }.Repeat(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(80), 100, "48.2");
        using EmulatedSerialPort rig = Replay(deaf, out Ops243Counter counter);

        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(() => counter.StartAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("TXD (header pin 8)", fault.Message);
        Assert.Contains(counter.Description, fault.Message);
    }

    [Fact]
    public async Task Garbled_data_at_start_is_CorruptData()
    {
        using var rig = new RadarRig();
        rig.Emulator.Fault = EmulatedFault.CorruptData;

        await AssertFault(rig, SensorFaultKind.CorruptData, () => rig.Counter.StartAsync(), "baud rate");
    }

    [Fact]
    public async Task Garbled_data_while_counting_is_CorruptData_within_a_second()
    {
        using var rig = new RadarRig();
        await rig.Counter.StartAsync();
        rig.Emulator.Fault = EmulatedFault.CorruptData;
        DateTimeOffset from = rig.Time.GetUtcNow();

        await AssertFault(rig, SensorFaultKind.CorruptData, () => rig.Counter.ListenAsync(TimeSpan.FromMinutes(5)), "8 lines in a row");

        Assert.True(rig.Time.GetUtcNow() - from < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Speeds_faster_than_the_sensor_can_measure_are_OutOfRange()
    {
        using var rig = new RadarRig();
        await rig.Counter.StartAsync();
        rig.Emulator.Fault = EmulatedFault.OutOfRange;

        await AssertFault(rig, SensorFaultKind.OutOfRange, () => rig.Counter.ListenAsync(TimeSpan.FromMinutes(5)), "223.7 km/h");
    }

    [Fact]
    public async Task A_single_impossible_speed_inside_a_run_is_ignored_not_counted()
    {
        ReplayPeripheral replay = new ReplayPeripheral()
            .Repeat(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(80), 15, "51.2")
            .Then(TimeSpan.FromSeconds(3) + TimeSpan.FromMilliseconds(1210), "912.4\r\n")
            .Repeat(TimeSpan.FromSeconds(3) + TimeSpan.FromMilliseconds(1240), TimeSpan.FromMilliseconds(80), 15, "52.0");
        using EmulatedSerialPort rig = Replay(replay, out Ops243Counter counter);

        VehiclePassage passage = Assert.Single(await counter.ListenAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(52.0, passage.SpeedKilometresPerHour);
    }

    [Fact]
    public async Task A_report_frozen_for_over_a_minute_is_Stuck()
    {
        using var rig = new RadarRig(Approaching(20, 50));
        Assert.Single(await rig.Counter.ListenAsync(TimeSpan.FromSeconds(30)));
        rig.Emulator.Fault = EmulatedFault.Stuck;
        DateTimeOffset from = rig.Time.GetUtcNow();

        await AssertFault(rig, SensorFaultKind.Stuck, () => rig.Counter.ListenAsync(TimeSpan.FromMinutes(10)), "frozen");

        Assert.InRange(rig.Time.GetUtcNow() - from, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(62));
    }

    [Fact]
    public async Task After_a_fault_the_next_listen_starts_the_sensor_afresh_and_counts_again()
    {
        using var rig = new RadarRig(Approaching(200, 50));
        await rig.Counter.StartAsync();
        rig.Emulator.Fault = EmulatedFault.Silent;
        await Assert.ThrowsAsync<SensorFaultException>(() => rig.Counter.ListenAsync(TimeSpan.FromMinutes(2)));

        rig.Emulator.Fault = EmulatedFault.None;
        rig.Emulator.Reboot(); // power-cycled by the technician: factory settings again

        Assert.Single(await rig.Counter.ListenAsync(TimeSpan.FromMinutes(4)));
        Assert.Equal("km-per-hr", rig.Emulator.Units);
    }

    private static async Task AssertFault(RadarRig rig, SensorFaultKind kind, Func<Task> action, string hint)
    {
        SensorFaultException fault = await Assert.ThrowsAsync<SensorFaultException>(action);
        Assert.Equal(kind, fault.Kind);
        Assert.Contains(rig.Counter.Description, fault.Message);
        Assert.Contains(hint, fault.Message);
    }

    private static EmulatedSerialPort Replay(ReplayPeripheral peripheral, out Ops243Counter counter)
    {
        var time = new VirtualTimeProvider(Start);
        var port = new EmulatedSerialPort(peripheral, time, "/dev/ttyACM0");
        counter = new Ops243Counter(port, time);
        return port;
    }
}
