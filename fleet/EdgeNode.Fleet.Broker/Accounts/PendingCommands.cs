using System.Collections.Concurrent;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>Commands sent and not yet answered, by the correlationData we gave each.</summary>
internal sealed class PendingCommands
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DynamicSecurityResponse>> _waiting = new();

    public (string CorrelationData, Task<DynamicSecurityResponse> Answer) Register()
    {
        string correlation = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<DynamicSecurityResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlation] = answer;
        return (correlation, answer.Task);
    }

    /// <summary>False for an answer nobody here waits for (another admin's, or one that came after its timeout).</summary>
    public bool TryComplete(DynamicSecurityResponse response) =>
        response.CorrelationData is { } correlation
        && _waiting.TryRemove(correlation, out TaskCompletionSource<DynamicSecurityResponse>? answer)
        && answer.TrySetResult(response);

    public void Forget(string correlationData) => _waiting.TryRemove(correlationData, out _);
}
