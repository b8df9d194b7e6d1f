namespace EdgeNode.Sensors;

/// <summary>
/// Lets one operation at a time use a sensor. A wake, a read or a sleep is several commands and answers on one
/// line, with state (awake since, last values) updated between them; two interleaved would take each other's
/// answers.
/// </summary>
internal sealed class ExclusiveGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Waits until no other operation runs, then runs <paramref name="operation"/>.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        finally
        {
            _semaphore.Release();
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
