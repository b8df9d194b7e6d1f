using System.Globalization;
using EdgeNode.Daemon.Status;
using EdgeNode.TestSupport;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Tests.Node;

/// <summary>
/// Power cuts: the real <c>edgenode run</c> killed with SIGKILL at random moments, again and again, resuming its own
/// timeline each time. Every window committed before a kill must be there afterwards, exactly once, in a sound file.
/// EDGENODE_CRASH_KILLS sets how many kills (20 by default; tests/soak/crash-soak.sh runs hundreds).
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("edgenode-crash-");

    public void Dispose() => _data.Dispose();

    private string DatabasePath => _data.File("buffer.db");

    [Fact]
    public async Task Killing_the_service_at_random_moments_never_loses_or_duplicates_a_committed_window()
    {
        int kills = int.TryParse(Environment.GetEnvironmentVariable("EDGENODE_CRASH_KILLS"), out int n) ? n : 20;
        var random = new Random(20261122);
        var committed = new Dictionary<long, long>();
        DateTimeOffset resumeAt = DateTimeOffset.UtcNow.AddDays(-3);

        // On a slow or busy machine many kills land before the node has committed anything; further runs (up to three
        // times as many) make sure the kills still fall among enough commits.
        int kill = 0;
        for (; kill < kills || (committed.Count < kills / 2 && kill < 3 * kills); kill++)
        {
            await using var node = new ChildProcess($"edgenode-{kill}", Path.Combine(AppContext.BaseDirectory, "edgenode"),
                ["run", "--emulate", "--speed", "1000", "--history", (DateTimeOffset.UtcNow - resumeAt).ToString("c", CultureInfo.InvariantCulture), "--data-directory", _data.Path],
                new Dictionary<string, string> { ["EDGENODE_Node__Id"] = "crash-test" });
            node.Start();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));

            // What is committed now must survive what comes next.
            foreach ((long id, long start) in Snapshot())
            {
                committed[id] = start;
            }
            await node.KillAsync();

            Assert.Equal("ok", IntegrityCheck());
            Dictionary<long, long> after = Snapshot();
            foreach ((long id, long start) in committed)
            {
                Assert.True(after.TryGetValue(id, out long kept) && kept == start, $"window {id} ({new DateTimeOffset(start, TimeSpan.Zero):u}) committed before kill {kill + 1} is gone. Output:\n{node.Tail()}");
            }
            Assert.Equal(after.Count, after.Values.Distinct().Count());

            // The next run resumes where this one's clock stood, as a node does after a power cut.
            DateTimeOffset lastEnd = after.Count > 0 ? new DateTimeOffset(after.Values.Max(), TimeSpan.Zero).AddMinutes(15) : resumeAt;
            DateTimeOffset statusAt = StatusFile.Read(_data.Path)?.WrittenAt ?? resumeAt;
            resumeAt = lastEnd > statusAt ? lastEnd : statusAt;
        }

        Assert.True(committed.Count >= kills / 2, $"only {committed.Count} windows were committed over {kill} runs: the test did not exercise much");
        Assert.False(Directory.EnumerateFiles(_data.Path, "buffer.db.corrupt*").Any(), "a buffer file was set aside as corrupt");
    }

    /// <summary>Window id → start, read as another process would, without disturbing the writer.</summary>
    private Dictionary<long, long> Snapshot()
    {
        var windows = new Dictionary<long, long>();
        if (!File.Exists(DatabasePath))
        {
            return windows;
        }
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'windows'";
        if (command.ExecuteScalar() is null)
        {
            return windows;
        }
        command.CommandText = "SELECT id, start_ticks FROM windows";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            windows[reader.GetInt64(0)] = reader.GetInt64(1);
        }
        return windows;
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
