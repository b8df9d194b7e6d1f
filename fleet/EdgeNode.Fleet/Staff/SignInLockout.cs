using System.Collections.Concurrent;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// Wrong passwords counted per user name and client address (<see cref="WebSecurity.ClientAddress.RateLimitKey"/>):
/// after <see cref="StaffOptions.MaxFailedSignIns"/> in a row from one address, that name is refused from that address
/// for <see cref="StaffOptions.LockoutDuration"/>, even with the right password; from any other address it signs in as
/// before, so failures an attacker sends cannot lock staff out. One address trying many names or many passwords is
/// slowed by <see cref="SignInThrottle"/>. Counted alike whether the name exists or not, so that the lockout says
/// nothing about which accounts exist. Kept in memory: a restart forgets it, and each fleet instance counts its own.
/// </summary>
public sealed class SignInLockout(StaffOptions options, TimeProvider time)
{
    // Beyond this many remembered pairs, those with nothing left to remember are dropped as new ones come.
    private const int PruneAbove = 4096;

    private readonly ConcurrentDictionary<(string UserName, string Client), Entry> _entries = new();

    /// <summary>Until when <paramref name="userName"/> is refused from <paramref name="client"/>, or null.</summary>
    public DateTimeOffset? LockedUntil(string userName, string client) =>
        _entries.TryGetValue((userName, client), out Entry? entry) && entry.LockedUntil is { } until && until > time.GetUtcNow() ? until : null;

    /// <summary>Counts one failed sign-in of the pair.</summary>
    /// <returns>When this failure locked the pair, until when; otherwise null.</returns>
    public DateTimeOffset? RecordFailure(string userName, string client)
    {
        DateTimeOffset now = time.GetUtcNow();
        Entry entry = _entries.GetOrAdd((userName, client), _ => new Entry());
        DateTimeOffset? locked = null;
        lock (entry)
        {
            // Failures older than a lockout's length are forgotten: a typo a week ago does not count toward today's.
            if (entry.LastFailure is { } last && now - last > options.LockoutDuration)
            {
                entry.Failures = 0;
            }

            entry.LastFailure = now;
            entry.Failures++;
            if (entry.Failures >= options.MaxFailedSignIns)
            {
                entry.Failures = 0;
                entry.LockedUntil = now + options.LockoutDuration;
                locked = entry.LockedUntil;
            }
        }

        if (_entries.Count > PruneAbove)
        {
            Prune(now);
        }

        return locked;
    }

    /// <summary>A successful sign-in forgets the pair's failures.</summary>
    public void Forget(string userName, string client) => _entries.TryRemove((userName, client), out _);

    /// <summary>An admin's password reset lifts the user's lockouts from every address.</summary>
    public void ForgetUser(string userName)
    {
        foreach ((string UserName, string Client) key in _entries.Keys.Where(key => key.UserName == userName))
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>The user's current lockouts: how many addresses, and when the last one ends; null when none.</summary>
    public (int Clients, DateTimeOffset Until)? LockoutsOf(string userName)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset[] until = [.. _entries
            .Where(pair => pair.Key.UserName == userName && pair.Value.LockedUntil is { } end && end > now)
            .Select(pair => pair.Value.LockedUntil!.Value)];
        return until.Length == 0 ? null : (until.Length, until.Max());
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (KeyValuePair<(string, string), Entry> pair in _entries)
        {
            bool stale;
            lock (pair.Value)
            {
                stale = (pair.Value.LockedUntil is not { } until || until <= now)
                    && (pair.Value.LastFailure is not { } last || now - last > options.LockoutDuration);
            }

            if (stale)
            {
                _entries.TryRemove(pair.Key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset? LastFailure { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
