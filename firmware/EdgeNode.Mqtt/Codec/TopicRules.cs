namespace EdgeNode.Mqtt.Codec;

/// <summary>Topic names (what a PUBLISH carries) and topic filters (what a SUBSCRIBE asks for), 4.7.</summary>
internal static class TopicRules
{
    public static void ValidateTopicName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length == 0)
            throw new ArgumentException("MQTT topic is empty; a topic name has at least one character [MQTT-4.7.3-1].", nameof(topic));
        MqttStrings.ValidateOutgoing(topic, "topic");
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
            throw new ArgumentException($"MQTT topic '{topic}' contains a wildcard; only subscriptions may use + and # [MQTT-3.3.2-2].", nameof(topic));
    }

    public static void ValidateTopicFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length == 0)
            throw new ArgumentException("MQTT topic filter is empty [MQTT-4.7.3-1].", nameof(filter));
        MqttStrings.ValidateOutgoing(filter, "topic filter");
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
                throw new ArgumentException($"MQTT topic filter '{filter}': # must be a whole level and the last one [MQTT-4.7.1-2].", nameof(filter));
            if (level.Contains('+') && level != "+")
                throw new ArgumentException($"MQTT topic filter '{filter}': + must be a whole level [MQTT-4.7.1-3].", nameof(filter));
        }
    }

    public static void ValidatePayload(int length)
    {
        // The payload shares the 268,435,455-byte body with the topic and packet id; this is the outer bound.
        if (length > RemainingLength.Maximum)
            throw new ArgumentException($"MQTT payload of {length:N0} bytes exceeds the {RemainingLength.Maximum:N0}-byte packet limit (2.2.3).");
    }

    /// <summary>Checks a topic name we received: non-empty [MQTT-4.7.3-1] and without wildcards [MQTT-3.3.2-2].</summary>
    public static void CheckReceivedTopicName(string topic)
    {
        if (topic.Length == 0)
            throw new MqttProtocolViolationException("[MQTT-4.7.3-1]", "PUBLISH carries an empty topic name.");
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
            throw new MqttProtocolViolationException("[MQTT-3.3.2-2]", $"PUBLISH topic name '{topic}' contains a wildcard.");
    }
}
