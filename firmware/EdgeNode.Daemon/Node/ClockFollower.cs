using System.Globalization;
using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Windows;
using EdgeNode.Hardware.Clock;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Node;

/// <summary>
/// Windows recorded while the clock is not synchronised carry <see cref="WindowTimeQuality.Unconfirmed"/>, so
/// the fleet never takes a guessed time for a measured one, and are stored with their start on this boot's
/// monotonic clock. Once the clock is synchronised (now, or at start: the daemon may have been restarted in
/// the same boot) the buffer re-stamps them from it, and every such window stored later as it is stored.
/// </summary>
/// <remarks>Looked at by the status stage and before each window is stored; one caller at a time.</remarks>
public sealed class ClockFollower(INodeHardware hardware, BootClock boot, WindowAggregator aggregator, WindowBuffer buffer, ILogger<ClockFollower> logger)
{
    private readonly UnconfirmedWindowStamper _stamper = new(boot);
    private readonly Lock _lock = new();
    private bool _restamped;
    private bool _sawUnsynchronised;

    // Wall minus monotonic while the clock was last seen unsynchronised: against the synchronised one, the step NTP made.
    private TimeSpan? _unsynchronisedOffset;

    /// <summary>Reads the clock's state, marks the windows to come accordingly, and re-stamps this boot's windows once it is synchronised.</summary>
    public ClockSynchronisation Follow()
    {
        lock (_lock)
        {
            ClockSynchronisation clock = hardware.ReadClockSynchronisation();
            WindowTimeQuality quality = clock == ClockSynchronisation.Synchronised ? WindowTimeQuality.Synchronised : WindowTimeQuality.Unconfirmed;
            if (aggregator.TimeQuality != quality)
            {
                logger.Log(quality == WindowTimeQuality.Synchronised ? LogLevel.Information : LogLevel.Warning,
                    "System clock {State}; windows are marked {Quality}", clock, quality);
                aggregator.TimeQuality = quality;
            }

            if (clock == ClockSynchronisation.Synchronised && !_restamped)
            {
                // Once per run: wall minus monotonic does not change after synchronisation except by NTP's slewing.
                _restamped = true;
                TimeSpan offset = boot.WallOffset();
                int restamped = buffer.Restamp(boot.BootId, offset);
                if (restamped > 0 || _sawUnsynchronised)
                {
                    TimeSpan step = offset - _unsynchronisedOffset.GetValueOrDefault(offset);
                    logger.LogInformation("Clock synchronised; {Count} windows re-stamped by {Step}",
                        restamped, (step < TimeSpan.Zero ? "-" : "+") + step.Duration().ToString("c", CultureInfo.InvariantCulture));
                }
            }
            else if (clock != ClockSynchronisation.Synchronised)
            {
                _sawUnsynchronised = true;
                _unsynchronisedOffset = boot.WallOffset();
            }

            return clock;
        }
    }

    /// <summary>Where an Unconfirmed window started on this boot's monotonic clock; null when a clock step makes it unknowable.</summary>
    public BootStamp? StampOf(ClosedWindow window) => _stamper.StampOf(window);
}
