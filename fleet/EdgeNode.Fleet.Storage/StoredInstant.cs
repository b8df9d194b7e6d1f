namespace EdgeNode.Fleet.Storage;

/// <summary>
/// How instants are written, the same way by both stores: window starts as whole seconds, every other instant to the
/// microsecond (PostgreSQL's timestamptz precision, so SQLite keeps no more than PostgreSQL can), read back in UTC.
/// </summary>
internal static class StoredInstant
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static long ToUnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    public static DateTimeOffset FromUnixSeconds(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    /// <summary>
    /// The first whole second at or after <paramref name="bound"/>: window starts are whole seconds, so "starts at or
    /// after the bound" is "starts at or after this second", whatever fraction the caller passed.
    /// </summary>
    public static long CeilingUnixSeconds(DateTimeOffset bound)
    {
        long ticks = bound.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

        // Integer division truncates toward zero, which is the ceiling for negative ticks.
        return ticks >= 0 ? (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond : ticks / TimeSpan.TicksPerSecond;
    }

    public static long ToUnixMicroseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromUnixMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TicksPerMicrosecond);

    /// <summary>The instant as a UTC <see cref="DateTime"/> truncated to the microsecond, as Npgsql wants for timestamptz.</summary>
    public static DateTime ToUtcMicroseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TicksPerMicrosecond), DateTimeKind.Utc);
}
