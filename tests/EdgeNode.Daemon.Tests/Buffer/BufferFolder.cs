using EdgeNode.Daemon.Buffer;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>A temporary folder holding one real buffer file, removed after the test.</summary>
internal sealed class BufferFolder : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("edgenode-buffer-").FullName;

    public string DatabasePath => Path.Combine(Folder, "buffer.db");

    public WindowBufferOptions Options(long quotaBytes = 64L * 1024 * 1024, int memoryQueueCapacity = 672, Action<SqliteConnection>? onOpened = null, string? bootId = null) => new()
    {
        DatabasePath = DatabasePath,
        QuotaBytes = quotaBytes,
        MemoryQueueCapacity = memoryQueueCapacity,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        OnConnectionOpened = onOpened,
        BootId = bootId,
    };

    public WindowBuffer Open(long quotaBytes = 64L * 1024 * 1024) => WindowBuffer.Open(Options(quotaBytes));

    /// <summary>Waits (real time) until <paramref name="condition"/> holds, for what the writer task does on its own.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
