using System.Diagnostics;

namespace EdgeNode.Fleet.Storage;

/// <summary>
/// Where commit time goes, by stage, summed over commits. Only the benchmark attaches one; stores skip the clock
/// reads when none is attached. Not thread-safe: attach it to a store that commits from one task.
/// </summary>
internal sealed class CommitTimings
{
    private readonly Dictionary<string, long> _ticksByStage = [];

    public IReadOnlyDictionary<string, TimeSpan> ByStage =>
        _ticksByStage.ToDictionary(pair => pair.Key, pair => Stopwatch.GetElapsedTime(0, pair.Value));

    /// <summary>Adds the time since <paramref name="startedAt"/> to <paramref name="stage"/> and returns now, for the next stage.</summary>
    public long Lap(string stage, long startedAt)
    {
        long now = Stopwatch.GetTimestamp();
        _ticksByStage[stage] = _ticksByStage.GetValueOrDefault(stage) + (now - startedAt);
        return now;
    }

    public void Reset() => _ticksByStage.Clear();
}
