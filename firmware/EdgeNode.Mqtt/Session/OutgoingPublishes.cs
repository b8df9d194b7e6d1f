using EdgeNode.Mqtt.Connection;

namespace EdgeNode.Mqtt.Session;

/// <summary>
/// Our unacknowledged QoS 1 publishes and the connection they go out on. Adding a publish and attaching a
/// new connection happen under one lock, so every publish is sent exactly once per connection: either by
/// its caller (the connection was already attached) or by the reconnect's resend (it was not).
/// </summary>
internal sealed class OutgoingPublishes(PacketIdentifierPool identifiers, int maximumInFlight)
{
    private readonly SemaphoreSlim _slots = new(maximumInFlight, maximumInFlight);
    private readonly Dictionary<ushort, InFlightPublish> _inFlight = [];
    private readonly Lock _gate = new();
    private MqttConnection? _connection;
    private long _sequence;

    public int Count
    {
        get { lock (_gate) return _inFlight.Count; }
    }

    /// <summary>Waits for a free slot (at most MaximumInFlight outstanding), then registers the message.</summary>
    public async Task<(InFlightPublish Entry, MqttConnection? Connection)> AddAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var id = identifiers.Allocate();
            lock (_gate)
            {
                var entry = new InFlightPublish(id, message, ++_sequence);
                _inFlight.Add(id, entry);
                return (entry, _connection);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Makes <paramref name="connection"/> the one new publishes go out on; returns what must be resent on it.</summary>
    public IReadOnlyList<InFlightPublish> Attach(MqttConnection connection)
    {
        lock (_gate)
        {
            _connection = connection;
            return _inFlight.Values.OrderBy(entry => entry.Sequence).ToList();
        }
    }

    public void Detach(MqttConnection connection)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_connection, connection))
                _connection = null;
        }
    }

    /// <summary>A PUBACK arrived. False when no publish holds that id (e.g. a late duplicate PUBACK).</summary>
    public bool Acknowledge(ushort packetId)
    {
        InFlightPublish? entry;
        lock (_gate)
        {
            if (!_inFlight.Remove(packetId, out entry))
                return false;
        }
        Finish(entry);
        entry.Completion.TrySetResult();
        return true;
    }

    /// <summary>The caller gave up before the message was ever written; forget it. False if it is already on the wire.</summary>
    public bool TryAbandon(InFlightPublish entry)
    {
        lock (_gate)
        {
            if (entry.Transmitted || !_inFlight.Remove(entry.PacketId))
                return false;
        }
        Finish(entry);
        return true;
    }

    public void FailAll(Exception reason)
    {
        List<InFlightPublish> entries;
        lock (_gate)
        {
            entries = [.. _inFlight.Values];
            _inFlight.Clear();
        }
        foreach (var entry in entries)
        {
            Finish(entry);
            entry.Completion.TrySetException(reason);
        }
    }

    private void Finish(InFlightPublish entry)
    {
        identifiers.Release(entry.PacketId);
        _slots.Release();
    }
}
