namespace EdgeNode.MqttLink.Publishing;

/// <summary>
/// Checks topic names and filters before they go out, so that a mistake is an <see cref="ArgumentException"/> naming
/// the topic for whoever wrote it, not a broker disconnect later.
/// </summary>
internal static class TopicNames
{
    /// <summary>A topic we publish to: not empty, no wildcard [MQTT-3.3.2-2].</summary>
    public static void ValidateTopicName(string topic)
    {
        if (string.IsNullOrEmpty(topic))
        {
            throw new ArgumentException("An MQTT topic name is empty: give the topic to publish to.");
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new ArgumentException($"The MQTT topic name '{topic}' contains a wildcard (+ or #); those are for subscriptions only [MQTT-3.3.2-2].");
        }

        if (topic.Contains('\0'))
        {
            throw new ArgumentException($"The MQTT topic name '{topic}' contains a NUL character [MQTT-1.5.4-2].");
        }
    }

    /// <summary>A filter we subscribe to: not empty, '#' only last and alone in its level, '+' alone in its level [MQTT-4.7.1].</summary>
    public static void ValidateTopicFilter(string filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            throw new ArgumentException("An MQTT topic filter is empty [MQTT-4.7.3-1].");
        }

        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
            {
                throw new ArgumentException($"The MQTT topic filter '{filter}' has '#' somewhere other than alone at the end [MQTT-4.7.1-2].");
            }

            if (level.Contains('+') && level != "+")
            {
                throw new ArgumentException($"The MQTT topic filter '{filter}' has '+' sharing a level with other characters [MQTT-4.7.1-3].");
            }
        }
    }
}
