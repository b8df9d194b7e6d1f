namespace EdgeNode.MqttLink.Publishing;

/// <summary>
/// MQTT 5 topic aliases for what we publish (3.3.2.3.4), per connection. A topic's first publish carries the topic
/// and a fresh alias; once the broker has acknowledged one such publish, later ones carry the alias and an empty topic:
/// on a node that sends the same few topics all day, about 20 bytes less per message. Until that acknowledgement the
/// topic is sent in full with the alias, so concurrent publishes can never reach the broker with an alias it has not
/// seen. Aliases live only as long as their connection, so a new connection starts from nothing.
/// </summary>
internal sealed class TopicAliases(int wanted)
{
    private readonly Dictionary<string, (ushort Alias, bool Known)> _aliases = [];
    private readonly Lock _gate = new();
    private int _maximum;
    private long _connection;

    /// <summary>A new connection: forget every alias and take the broker's limit (its CONNACK's Topic Alias Maximum).</summary>
    public void Reset(long connection, ushort brokerMaximum)
    {
        lock (_gate)
        {
            _aliases.Clear();
            _maximum = Math.Min(wanted, brokerMaximum);
            _connection = connection;
        }
    }

    /// <summary>The topic and alias to publish with on <paramref name="connection"/>; alias 0 means none.</summary>
    /// <param name="mayAssign">False for QoS 0, which no acknowledgement would ever confirm: it uses an alias the
    /// broker already knows, and otherwise the plain topic.</param>
    public (string Topic, ushort Alias) For(string topic, long connection, bool mayAssign)
    {
        lock (_gate)
        {
            if (connection != _connection)
            {
                return (topic, 0);
            }

            if (_aliases.TryGetValue(topic, out (ushort Alias, bool Known) known))
            {
                return known.Known ? ("", known.Alias) : mayAssign ? (topic, known.Alias) : (topic, (ushort)0);
            }

            if (!mayAssign || _aliases.Count >= _maximum)
            {
                return (topic, 0);
            }

            ushort alias = (ushort)(_aliases.Count + 1);
            _aliases.Add(topic, (alias, false));
            return (topic, alias);
        }
    }

    /// <summary>The broker acknowledged a publish that carried <paramref name="topic"/> in full with its alias.</summary>
    public void Acknowledged(string topic, long connection)
    {
        lock (_gate)
        {
            if (connection == _connection && _aliases.TryGetValue(topic, out (ushort Alias, bool Known) entry))
            {
                _aliases[topic] = entry with { Known = true };
            }
        }
    }
}
