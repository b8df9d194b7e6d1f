namespace EdgeNode.Daemon.Buffer;

/// <summary>A corrupt buffer file that was renamed (never deleted) and replaced by a fresh one.</summary>
/// <param name="Id">To pass to <see cref="WindowBuffer.MarkSetAsideReported"/> once the fleet has it.</param>
/// <param name="SetAsidePath">Where the corrupt file now lies, for a technician to copy off for analysis.</param>
/// <param name="Reason">What SQLite said about it.</param>
/// <param name="WindowsSalvaged">Windows read back from the corrupt file into the fresh one.</param>
/// <param name="ReadToEnd">
/// True when the salvage read the corrupt file's outbox to its end without an error; false means an unknown number
/// of windows beyond those salvaged is lost.
/// </param>
public sealed record SetAsideDatabase(long Id, string SetAsidePath, string Reason, int WindowsSalvaged, bool ReadToEnd, DateTimeOffset DetectedAt);
