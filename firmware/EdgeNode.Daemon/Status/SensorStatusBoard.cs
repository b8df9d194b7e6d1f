using System.Collections.Concurrent;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Status;

/// <summary>
/// The latest state of each sensor, kept current by the sampling loops for the status report. A sensor whose last
/// reading is older than a few of its intervals, with no fault since, is reported <see cref="SensorFaultKind.Stale"/>,
/// never OK: its loop has stalled, and an "OK" with a days-old reading would hide it.
/// </summary>
public sealed class SensorStatusBoard(TimeProvider time)
{
    /// <summary>How many of its intervals a sensor may go without a reading before it is stale.</summary>
    public const int StaleAfterIntervals = 3;

    /// <summary>
    /// The least time before a sensor is stale: a few minutes, so that a radar read in 5-s slices is not called stale
    /// by scheduling jitter (on an emulated clock sped up a thousand times, a few emulated seconds are milliseconds).
    /// </summary>
    public static readonly TimeSpan StaleAfterAtLeast = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, SensorState> _states = new();
    private readonly ConcurrentDictionary<string, (TimeSpan StaleAfter, DateTimeOffset Since)> _expected = new();

    /// <summary>The sensor is fitted and read every <paramref name="interval"/>: it is reported from now on, stale if it never reads.</summary>
    public void Expect(string sensor, TimeSpan interval)
    {
        TimeSpan staleAfter = interval * StaleAfterIntervals;
        _expected[sensor] = (staleAfter > StaleAfterAtLeast ? staleAfter : StaleAfterAtLeast, time.GetUtcNow());
    }

    public void Good(string sensor, DateTimeOffset at) =>
        _states.AddOrUpdate(sensor, _ => new SensorState(sensor, at, null, null, null), (_, s) => s with { LastGoodAt = at, LastFault = null });

    public void Faulty(string sensor, SensorFaultException fault, DateTimeOffset at) =>
        _states.AddOrUpdate(sensor, _ => new SensorState(sensor, null, fault.Kind, fault.Message, at),
            (_, s) => s with { LastFault = fault.Kind, LastFaultMessage = fault.Message, LastFaultAt = at });

    /// <summary>Each sensor's state now, expected sensors included, in name order.</summary>
    public IReadOnlyList<SensorState> Snapshot()
    {
        DateTimeOffset now = time.GetUtcNow();
        IEnumerable<string> names = _states.Keys.Union(_expected.Keys);
        return names.Order(StringComparer.Ordinal).Select(name => StateAt(name, now)).ToArray();
    }

    private SensorState StateAt(string sensor, DateTimeOffset now)
    {
        SensorState state = _states.TryGetValue(sensor, out SensorState? known) ? known : new SensorState(sensor, null, null, null, null);
        if (state.LastFault is not null || !_expected.TryGetValue(sensor, out (TimeSpan StaleAfter, DateTimeOffset Since) expected))
        {
            return state;
        }

        DateTimeOffset lastNews = state.LastGoodAt ?? expected.Since;
        if (now - lastNews <= expected.StaleAfter)
        {
            return state;
        }

        string since = state.LastGoodAt is { } good ? $"since {good:yyyy-MM-dd HH:mm} UTC" : "since the service started";
        return state with
        {
            LastFault = SensorFaultKind.Stale,
            LastFaultAt = lastNews + expected.StaleAfter,
            LastFaultMessage = $"no reading and no fault {since}, over {StaleAfterIntervals} of its intervals: its sampling has stalled. "
                + "Restart the service (sudo systemctl restart edgenode) and report it with the log (journalctl -u edgenode).",
        };
    }
}
