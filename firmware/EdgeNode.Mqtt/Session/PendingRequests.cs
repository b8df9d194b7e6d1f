using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Session;

/// <summary>
/// SUBSCRIBE and UNSUBSCRIBE awaiting SUBACK / UNSUBACK. Unlike publishes these belong to one connection:
/// when it ends they fail with <see cref="MqttNotConnectedException"/> and the caller asks again on the next.
/// </summary>
internal sealed class PendingRequests
{
    private readonly Dictionary<ushort, TaskCompletionSource<MqttPacket>> _pending = [];
    private readonly Lock _gate = new();

    public Task<MqttPacket> Register(ushort packetId)
    {
        var completion = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
            _pending[packetId] = completion;
        return completion.Task;
    }

    public bool Complete(ushort packetId, MqttPacket answer)
    {
        TaskCompletionSource<MqttPacket>? completion;
        lock (_gate)
        {
            if (!_pending.Remove(packetId, out completion))
                return false;
        }
        completion.TrySetResult(answer);
        return true;
    }

    public void Remove(ushort packetId)
    {
        lock (_gate)
            _pending.Remove(packetId);
    }

    public void FailAll(string reason)
    {
        List<TaskCompletionSource<MqttPacket>> all;
        lock (_gate)
        {
            all = [.. _pending.Values];
            _pending.Clear();
        }
        foreach (var completion in all)
            completion.TrySetException(new MqttNotConnectedException(reason));
    }
}
