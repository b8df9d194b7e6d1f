using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeNode.TestSupport;

/// <summary>One log call, as recorded.</summary>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>
/// Keeps every log line so a test can assert on what was (or was not) logged, and optionally echoes them
/// (e.g. to xunit's test output) so a failing test shows its story.
/// </summary>
public sealed class RecordingLogger<T>(Action<string>? echo = null) : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> AtLeast(LogLevel level) => [.. _entries.Where(entry => entry.Level >= level)];

    public bool Contains(string fragment, LogLevel minimumLevel = LogLevel.Trace) =>
        _entries.Any(entry => entry.Level >= minimumLevel && entry.Message.Contains(fragment, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string message = formatter(state, exception);
        _entries.Enqueue(new LogEntry(logLevel, eventId, message, exception));
        if (echo is null)
        {
            return;
        }

        try
        {
            echo($"{DateTime.Now:HH:mm:ss.fff} {logLevel}: {message}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // xunit's output helper refuses writes after its test has ended; a late log line is not a failure.
        }
    }
}
