using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>Every log line of a host under test into xunit's output, so a failing test shows its story.</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.Message)}");
            }
            catch (InvalidOperationException)
            {
                // xunit refuses output after its test has ended; a late line is not a failure.
            }
        }
    }
}
