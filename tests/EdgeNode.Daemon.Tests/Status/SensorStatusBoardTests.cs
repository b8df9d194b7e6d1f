using EdgeNode.Daemon.Status;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Status;

/// <summary>What the status and the health reports say of each sensor, and when a silent one stops being "OK".</summary>
public class SensorStatusBoardTests
{
    [Fact]
    public void A_sensor_whose_last_reading_is_older_than_three_intervals_is_stale_not_OK()
    {
        var time = new VirtualTimeProvider();
        var board = new SensorStatusBoard(time);
        board.Expect("pms5003", TimeSpan.FromMinutes(5));
        board.Expect("bme280", TimeSpan.FromMinutes(1));
        board.Good("pms5003", time.GetUtcNow());
        board.Good("bme280", time.GetUtcNow());

        time.Advance(TimeSpan.FromMinutes(14));
        board.Good("bme280", time.GetUtcNow());
        Assert.All(board.Snapshot(), s => Assert.Null(s.LastFault));

        time.Advance(TimeSpan.FromMinutes(2));
        board.Good("bme280", time.GetUtcNow());
        SensorState pms = board.Snapshot().Single(s => s.Sensor == "pms5003");

        Assert.Equal(SensorFaultKind.Stale, pms.LastFault);
        Assert.Contains("stalled", pms.LastFaultMessage, StringComparison.Ordinal);
        Assert.Null(board.Snapshot().Single(s => s.Sensor == "bme280").LastFault);

        board.Good("pms5003", time.GetUtcNow());
        Assert.Null(board.Snapshot().Single(s => s.Sensor == "pms5003").LastFault);
    }

    [Fact]
    public void A_fitted_sensor_that_never_reported_is_listed_and_becomes_stale()
    {
        var time = new VirtualTimeProvider();
        var board = new SensorStatusBoard(time);
        board.Expect("scd4x", TimeSpan.FromMinutes(1));

        Assert.Equal(["scd4x"], board.Snapshot().Select(s => s.Sensor));
        Assert.Null(board.Snapshot()[0].LastFault);

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(SensorFaultKind.Stale, board.Snapshot()[0].LastFault);
    }

    [Fact]
    public void A_faulty_sensor_keeps_its_own_fault_however_long_ago_its_last_reading()
    {
        var time = new VirtualTimeProvider();
        var board = new SensorStatusBoard(time);
        board.Expect("sds011", TimeSpan.FromMinutes(5));
        board.Good("sds011", time.GetUtcNow());
        time.Advance(TimeSpan.FromHours(2));
        board.Faulty("sds011", new SensorFaultException(SensorFaultKind.NotAnswering, "SDS011", "silent"), time.GetUtcNow());

        Assert.Equal(SensorFaultKind.NotAnswering, board.Snapshot()[0].LastFault);
    }
}
