using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace EdgeNode.MqttLink.Subscriptions;

/// <summary>SUBSCRIBE and UNSUBSCRIBE on MQTTnet's client, in our terms.</summary>
internal static class SubscriptionRequests
{
    /// <summary>Subscribes and returns the filters the broker refused (SUBACK reason code 0x80 or above).</summary>
    public static async Task<IReadOnlyList<string>> SubscribeAsync(IMqttClient client, IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var request = new MqttClientSubscribeOptions
        {
            TopicFilters = subscriptions
                .Select(subscription => new MqttTopicFilter { Topic = subscription.TopicFilter, QualityOfServiceLevel = (MqttQualityOfServiceLevel)subscription.MaximumQualityOfService })
                .ToList(),
        };
        MqttClientSubscribeResult answer = await client.SubscribeAsync(request, cancellationToken).ConfigureAwait(false);
        return answer.Items
            .Where(item => item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            .Select(item => item.TopicFilter.Topic)
            .ToList();
    }

    public static Task UnsubscribeAsync(IMqttClient client, IReadOnlyList<string> topicFilters, CancellationToken cancellationToken) =>
        client.UnsubscribeAsync(new MqttClientUnsubscribeOptions { TopicFilters = [.. topicFilters] }, cancellationToken);
}
