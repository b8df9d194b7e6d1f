using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Gpio;

public class StatusBlinkCodesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly SensorState Good = new("bme280", Now, null, null, null);
    private static readonly SensorState Faulty = new("sds011", Now, SensorFaultKind.NotAnswering, "no answer", Now);
    private static readonly UplinkStatus Connected = new(true, true, null, Now, 0, 0, 0);
    private static readonly UplinkStatus Unreachable = new(true, false, "broker unreachable", null, 0, 0, 0);

    [Fact]
    public void A_faulty_sensor_outranks_an_unreachable_fleet() =>
        Assert.Equal(BlinkCode.SensorFault, StatusBlinkCodes.From([Good, Faulty], Unreachable));

    [Fact]
    public void An_unreachable_fleet_with_good_sensors_is_no_fleet() =>
        Assert.Equal(BlinkCode.NoFleet, StatusBlinkCodes.From([Good], Unreachable));

    [Fact]
    public void Good_sensors_and_a_connected_fleet_are_all_good() =>
        Assert.Equal(BlinkCode.AllGood, StatusBlinkCodes.From([Good], Connected));

    [Fact]
    public void A_node_configured_without_a_fleet_is_not_missing_one() =>
        Assert.Equal(BlinkCode.AllGood, StatusBlinkCodes.From([Good], UplinkStatus.Disabled));
}
