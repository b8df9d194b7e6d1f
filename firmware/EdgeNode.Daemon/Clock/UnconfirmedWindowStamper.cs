using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Clock;

/// <summary>
/// Gives each window closed as <see cref="WindowTimeQuality.Unconfirmed"/> its start on the boot's monotonic clock,
/// so that it can be re-stamped once the wall clock is synchronised. Windows arrive in the order the aggregator
/// closed them; call from one task.
/// </summary>
/// <remarks>
/// <para>
/// A window's start was read off the wall clock as it was when the window was open. While nobody sets the clock,
/// wall minus monotonic (<see cref="BootClock.WallOffset"/>) stays constant and the monotonic start is simply start
/// minus offset. The hard case is a window closed after the clock was stepped (synchronisation usually steps it):
/// the aggregator publishes the windows open at the step at once, and the next ones start on the new clock, so a
/// window may be on either side. Both readings are tried; a window must start no more than a window before the previous stamped one, no
/// earlier than one window before this service began, and not after now. (The slack of a window: after a step the
/// aggregator closes the open windows, which may include the next slot already credited with coverage, and opens a
/// partial one in the slot of the step: the halves of one real window.) When exactly one reading fits, it is used;
/// when both or neither fit (a step of about a window length or less) the window gets no stamp and stays
/// Unconfirmed: flagged, never mis-dated.
/// </para>
/// </remarks>
public sealed class UnconfirmedWindowStamper
{
    /// <summary>
    /// Offsets closer than this are the same clock: reading the wall and monotonic clocks one after the other can be
    /// pre-empted between the two. A genuine step this small is absorbed, mis-dating windows by at most this much.
    /// </summary>
    public static readonly TimeSpan StepTolerance = TimeSpan.FromSeconds(2);

    private readonly BootClock _clock;
    private readonly TimeSpan _startedAt;
    private TimeSpan _timeline;
    private TimeSpan? _previousStart;

    public UnconfirmedWindowStamper(BootClock clock)
    {
        _clock = clock;
        _startedAt = clock.SinceBoot;
        _timeline = clock.WallOffset();
    }

    /// <returns>The window's boot stamp, or null when it cannot be placed on the monotonic clock unambiguously.</returns>
    public BootStamp? StampOf(ClosedWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        TimeSpan offset = _clock.WallOffset();
        TimeSpan since = _clock.SinceBoot;
        TimeSpan start = TimeSpan.FromTicks(window.Start.UtcTicks);
        TimeSpan monotonic;
        if ((offset - _timeline).Duration() <= StepTolerance)
        {
            monotonic = start - offset;
        }
        else
        {
            TimeSpan before = start - _timeline;
            TimeSpan after = start - offset;
            bool fitsBefore = Fits(before, window.Length, since);
            bool fitsAfter = Fits(after, window.Length, since);
            if (fitsBefore == fitsAfter)
            {
                return null;
            }

            monotonic = fitsBefore ? before : after;
            if (fitsAfter)
            {
                // The windows have moved onto the stepped clock; later ones are read against it.
                _timeline = offset;
            }
        }

        _previousStart = monotonic;
        return new BootStamp(_clock.BootId, monotonic);
    }

    private bool Fits(TimeSpan monotonic, TimeSpan length, TimeSpan now) =>
        monotonic >= _startedAt - length
        && monotonic <= now + StepTolerance
        && (_previousStart is not { } previous || monotonic >= previous - length);
}
