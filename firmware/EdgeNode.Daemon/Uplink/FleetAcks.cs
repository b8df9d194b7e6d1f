using System.Collections.Concurrent;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Daemon.Uplink;

/// <summary>Waits for the fleet's end-to-end acknowledgements, matched by subject and id.</summary>
public sealed class FleetAcks
{
    private readonly ConcurrentDictionary<(AckSubject, ulong), TaskCompletionSource<AckMessage>> _waiting = new();

    /// <summary>Register before publishing, so an ack that overtakes the PUBACK is not missed.</summary>
    public Task<AckMessage> Expect(AckSubject subject, ulong id) =>
        _waiting.GetOrAdd((subject, id), _ => new TaskCompletionSource<AckMessage>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Abandon(AckSubject subject, ulong id) => _waiting.TryRemove((subject, id), out _);

    /// <summary>Completes the matching wait; false for an ack nobody waits for (a duplicate, or one from before a restart).</summary>
    public bool Receive(AckMessage ack) =>
        _waiting.TryRemove((ack.Subject, ack.Id), out TaskCompletionSource<AckMessage>? waiting) && waiting.TrySetResult(ack);
}
