using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// Keeps the buffer under its quota inside the transaction that stores a new window, so the room made and the
/// window stored commit together (one fsync; a power cut leaves neither half). First it merges the oldest complete
/// group of the finest windows (<see cref="DownsamplingLadder"/>); only when no group at any length can merge does
/// it drop the oldest window. Every merge and drop is recorded for the fleet.
/// </summary>
/// <remarks>
/// Space is counted in SQLite pages in use, what the file really needs: rows freed inside a page are reused before
/// the file grows. Pages free in whole, so room comes in steps of a page (a few windows), which spreads the work.
/// A group is mergeable only when it exactly fills one aligned slot of the longer length (four 15-minute windows
/// starting on a UTC hour): merged windows stay on the wall-clock grid the fleet files them by, and a slot with a
/// missing or duplicated window is left as it is.
/// </remarks>
/// <param name="currentBoot">
/// Windows of this boot still awaiting a re-stamp are never merged: the merged row could not keep their monotonic
/// starts, and they would stay Unconfirmed for ever. They can still be dropped, recorded, like any window.
/// </param>
internal sealed class QuotaKeeper(SqliteConnection connection, SqliteTransaction transaction, long pageSizeBytes, DateTimeOffset now, string? currentBoot = null)
{
    private readonly Dictionary<(TimeSpan From, TimeSpan To), BufferDownsampling> _merges = [];
    private DroppedSpan? _dropped;
    private DroppedSpan? _unreadable;

    public long UsedBytes() =>
        (Sql.Integer(connection, transaction, "PRAGMA page_count") - Sql.Integer(connection, transaction, "PRAGMA freelist_count")) * pageSizeBytes;

    /// <summary>Makes room for <paramref name="incomingBytes"/>; when nothing is left to merge or drop, lets it in over quota.</summary>
    public void MakeRoom(long incomingBytes, long quotaBytes)
    {
        while (UsedBytes() + incomingBytes > quotaBytes && (TryMergeOldestGroup() || TryDropOldest()))
        {
        }

        foreach (BufferDownsampling merge in _merges.Values)
        {
            BufferReports.InsertDownsampling(connection, transaction, merge);
        }

        if (_dropped is { } dropped)
        {
            BufferReports.InsertGap(connection, transaction, dropped, GapCause.QuotaExceeded, now);
        }

        if (_unreadable is { } unreadable)
        {
            BufferReports.InsertGap(connection, transaction, unreadable, GapCause.UnreadableWindow, now);
        }
    }

    private bool TryMergeOldestGroup()
    {
        foreach (long lengthTicks in Lengths())
        {
            if (DownsamplingLadder.MergedLength(TimeSpan.FromTicks(lengthTicks)) is not { } merged)
            {
                continue;
            }

            List<long>? group = OldestCompleteGroup(lengthTicks, merged.Ticks);
            if (group is not null)
            {
                Merge(group, TimeSpan.FromTicks(lengthTicks), merged);
                return true;
            }
        }

        return false;
    }

    private List<long> Lengths()
    {
        using SqliteCommand command = Sql.Command(connection, transaction, "SELECT DISTINCT length_ticks FROM windows ORDER BY length_ticks");
        using SqliteDataReader row = command.ExecuteReader();
        var lengths = new List<long>();
        while (row.Read())
        {
            lengths.Add(row.GetInt64(0));
        }

        return lengths;
    }

    /// <returns>The ids of the oldest windows that exactly fill one aligned slot, or null when there is none.</returns>
    private List<long>? OldestCompleteGroup(long lengthTicks, long mergedTicks)
    {
        using SqliteCommand command = Sql.Command(
            connection,
            transaction,
            "SELECT id, start_ticks FROM windows WHERE length_ticks = $length AND NOT (monotonic_start_ticks IS NOT NULL AND boot_id IS $boot) ORDER BY start_ticks, id",
            ("$length", lengthTicks),
            ("$boot", currentBoot));
        using SqliteDataReader row = command.ExecuteReader();
        long factor = mergedTicks / lengthTicks;
        long slot = long.MinValue;
        var ids = new List<long>();
        bool contiguous = false;
        while (row.Read())
        {
            long start = row.GetInt64(1);
            long rowSlot = start - (start % mergedTicks);
            if (rowSlot != slot)
            {
                if (contiguous && ids.Count == factor)
                {
                    return ids;
                }

                slot = rowSlot;
                ids.Clear();
                contiguous = true;
            }

            contiguous &= start == slot + (ids.Count * lengthTicks);
            ids.Add(row.GetInt64(0));
        }

        return contiguous && ids.Count == factor ? ids : null;
    }

    private void Merge(List<long> ids, TimeSpan fromLength, TimeSpan toLength)
    {
        var windows = new List<ClosedWindow>(ids.Count);
        foreach (long id in ids)
        {
            try
            {
                windows.Add(WindowCodec.Decode(WindowRows.Payload(connection, transaction, id)));
            }
            catch (InvalidDataException)
            {
                // A damaged row cannot be merged; removing it (recorded) is progress too, and the rest of its group
                // is left for the next round.
                RemoveUnreadable(id);
                return;
            }
        }

        ClosedWindow merged = WindowMerger.Merge(windows);
        foreach (long id in ids)
        {
            WindowRows.Delete(connection, transaction, id);
        }

        WindowRows.Insert(connection, transaction, merged, WindowCodec.Encode(merged));
        (TimeSpan fromLength, TimeSpan toLength) key = (fromLength, toLength);
        _merges[key] = _merges.TryGetValue(key, out BufferDownsampling? so)
            ? so with
            {
                From = merged.Start < so.From ? merged.Start : so.From,
                To = merged.End > so.To ? merged.End : so.To,
                WindowsMerged = so.WindowsMerged + windows.Count,
                WindowsProduced = so.WindowsProduced + 1,
            }
            : new BufferDownsampling(0, merged.Start, merged.End, windows.Count, fromLength, 1, toLength, now);
    }

    private void RemoveUnreadable(long id)
    {
        using SqliteCommand command = Sql.Command(connection, transaction, "SELECT start_ticks, length_ticks FROM windows WHERE id = $id", ("$id", id));
        using (SqliteDataReader row = command.ExecuteReader())
        {
            row.Read();
            _unreadable = DroppedSpan.Combine(_unreadable, WindowRows.SpanOf(row.GetInt64(0), row.GetInt64(1)));
        }

        WindowRows.Delete(connection, transaction, id);
    }

    private bool TryDropOldest()
    {
        using SqliteCommand command = Sql.Command(connection, transaction, $"SELECT id, start_ticks, length_ticks FROM windows {WindowRows.OldestFirst} LIMIT 1");
        long id;
        using (SqliteDataReader row = command.ExecuteReader())
        {
            if (!row.Read())
            {
                return false;
            }

            id = row.GetInt64(0);
            _dropped = DroppedSpan.Combine(_dropped, WindowRows.SpanOf(row.GetInt64(1), row.GetInt64(2)));
        }

        WindowRows.Delete(connection, transaction, id);
        return true;
    }
}
