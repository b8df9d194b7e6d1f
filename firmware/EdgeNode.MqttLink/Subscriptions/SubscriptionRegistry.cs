namespace EdgeNode.MqttLink.Subscriptions;

/// <summary>Every filter we want, subscribed again after each connect (a lost broker session forgets them).</summary>
internal sealed class SubscriptionRegistry
{
    private readonly List<MqttSubscription> _subscriptions = [];
    private readonly Lock _gate = new();

    public SubscriptionRegistry(IEnumerable<MqttSubscription> initial) => Add(initial);

    public void Add(IEnumerable<MqttSubscription> subscriptions)
    {
        lock (_gate)
        {
            foreach (MqttSubscription subscription in subscriptions)
            {
                // One subscription per filter, the latest QoS wins, as the broker would do (3.8.4).
                _subscriptions.RemoveAll(existing => existing.TopicFilter == subscription.TopicFilter);
                _subscriptions.Add(subscription);
            }
        }
    }

    public void Remove(IEnumerable<string> topicFilters)
    {
        lock (_gate)
        {
            foreach (string filter in topicFilters)
            {
                _subscriptions.RemoveAll(existing => existing.TopicFilter == filter);
            }
        }
    }

    public IReadOnlyList<MqttSubscription> Snapshot()
    {
        lock (_gate)
        {
            return [.. _subscriptions];
        }
    }
}
