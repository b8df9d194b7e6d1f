namespace EdgeNode.Mqtt.Session;

/// <summary>
/// Packet identifiers for QoS 1 PUBLISH, SUBSCRIBE and UNSUBSCRIBE share one 16-bit space: a new packet
/// takes an id no unacknowledged packet holds [MQTT-2.3.1-2], never 0 [MQTT-2.3.1-1], and a resend keeps
/// its id [MQTT-2.3.1-3]. Ids are handed out round-robin so that a just-released id is not reused at
/// once (a late duplicate PUBACK then cannot be mistaken for the next packet's).
/// </summary>
internal sealed class PacketIdentifierPool
{
    private readonly HashSet<ushort> _inUse = [];
    private readonly Lock _gate = new();
    private ushort _next = 1;

    public ushort Allocate()
    {
        lock (_gate)
        {
            if (_inUse.Count >= ushort.MaxValue)
                throw new InvalidOperationException("All 65,535 MQTT packet identifiers are in use.");
            while (_inUse.Contains(_next) || _next == 0)
                _next = (ushort)(_next + 1);
            var id = _next;
            _inUse.Add(id);
            _next = (ushort)(_next + 1);
            return id;
        }
    }

    public void Release(ushort id)
    {
        lock (_gate)
            _inUse.Remove(id);
    }
}
