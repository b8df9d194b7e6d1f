using EdgeNode.Mqtt.Connection;
using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Session;

/// <summary>One SUBSCRIBE or UNSUBSCRIBE on one connection, awaiting its answer.</summary>
internal static class SubscriptionRequests
{
    /// <summary>Returns the filters the broker refused (SUBACK 0x80).</summary>
    public static async Task<IReadOnlyList<string>> SubscribeAsync(SessionState session, MqttConnection connection,
        IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var answer = await RequestAsync(session, connection, id => new SubscribePacket(id, subscriptions), cancellationToken).ConfigureAwait(false);
        if (answer is not SubAckPacket subAck)
            throw new MqttProtocolViolationException("[MQTT-3.8.4-2]", $"SUBSCRIBE was answered by {answer.GetType().Name}.");
        // One return code per filter, in order [MQTT-3.9.3-1].
        if (subAck.ReturnCodes.Count != subscriptions.Count)
        {
            var violation = new MqttProtocolViolationException("[MQTT-3.8.4-5]", $"SUBACK has {subAck.ReturnCodes.Count} return codes for {subscriptions.Count} filters.");
            connection.Close(new ConnectionClosure(MqttConnectionFailure.ProtocolViolation, violation.Message, violation.Clause));
            throw new MqttNotConnectedException(violation.Message);
        }
        var refused = new List<string>();
        for (var i = 0; i < subscriptions.Count; i++)
        {
            if (subAck.ReturnCodes[i] == SubAckPacket.Failure)
                refused.Add(subscriptions[i].TopicFilter);
        }
        return refused;
    }

    public static async Task UnsubscribeAsync(SessionState session, MqttConnection connection,
        IReadOnlyList<string> topicFilters, CancellationToken cancellationToken) =>
        await RequestAsync(session, connection, id => new UnsubscribePacket(id, topicFilters), cancellationToken).ConfigureAwait(false);

    private static async Task<MqttPacket> RequestAsync(SessionState session, MqttConnection connection,
        Func<ushort, MqttPacket> build, CancellationToken cancellationToken)
    {
        var id = session.Identifiers.Allocate();
        try
        {
            var answer = session.Requests.Register(id);
            await connection.SendAsync(build(id), cancellationToken).ConfigureAwait(false);
            // The answer, or the end of the connection that was to carry it: never a wait past it.
            var first = await Task.WhenAny(answer, connection.Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (first != answer)
                throw new MqttNotConnectedException("The MQTT connection closed before the broker answered.");
            return await answer.ConfigureAwait(false);
        }
        finally
        {
            session.Requests.Remove(id);
            session.Identifiers.Release(id);
        }
    }
}
