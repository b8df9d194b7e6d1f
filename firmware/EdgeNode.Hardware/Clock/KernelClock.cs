using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Clock;

/// <summary>
/// Asks the kernel whether the system clock is synchronised, as <c>timedatectl</c>'s "System clock
/// synchronized" does: adjtimex(2) returns TIME_ERROR while the clock is unsynchronised (STA_UNSYNC set by
/// the kernel until an NTP client such as systemd-timesyncd disciplines it).
/// </summary>
public static class KernelClock
{
    /// <exception cref="IOException">The kernel refused to report (it should not, for a read-only query).</exception>
    public static unsafe ClockSynchronisation ReadSynchronisation()
    {
        byte* timex = stackalloc byte[Libc.TimexBufferBytes];
        new Span<byte>(timex, Libc.TimexBufferBytes).Clear();
        int state = Libc.Adjtimex(timex);
        if (state < 0)
        {
            (int errno, string? text) = Libc.LastError();
            throw new IOException($"The kernel did not report the clock state (adjtimex: {text}, errno {errno}).");
        }

        return FromClockState(state);
    }

    /// <summary>TIME_OK, TIME_INS, TIME_DEL, TIME_OOP and TIME_WAIT all mean a disciplined clock; TIME_ERROR does not.</summary>
    internal static ClockSynchronisation FromClockState(int state) =>
        state == Libc.TIME_ERROR ? ClockSynchronisation.Unsynchronised : ClockSynchronisation.Synchronised;
}
