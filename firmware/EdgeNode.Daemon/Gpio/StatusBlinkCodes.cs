using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Uplink;

namespace EdgeNode.Daemon.Gpio;

/// <summary>Which <see cref="BlinkCode"/> the node's state calls for: a sensor fault first, as the technician can fix it on the spot.</summary>
public static class StatusBlinkCodes
{
    public static BlinkCode From(IReadOnlyList<SensorState> sensors, UplinkStatus uplink)
    {
        if (sensors.Any(s => s.LastFault is not null))
        {
            return BlinkCode.SensorFault;
        }

        return uplink.Enabled && !uplink.Connected ? BlinkCode.NoFleet : BlinkCode.AllGood;
    }
}
