namespace EdgeNode.Fleet.Broker.Session;

/// <summary>MQTT topic filter matching, for routing the session's messages to the subscriber whose filter took them.</summary>
internal static class TopicFilter
{
    private const string SharedPrefix = "$share/";

    /// <summary>
    /// True when <paramref name="topic"/> matches <paramref name="filter"/>: '+' is one level, a final '#' is the
    /// rest (the parent level included), a shared subscription ("$share/group/…") matches as its filter does, and
    /// a wildcard at the first level does not match a topic starting with '$' (MQTT 5, 4.7.2).
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        if (filter.StartsWith(SharedPrefix, StringComparison.Ordinal))
        {
            int afterGroup = filter.IndexOf('/', SharedPrefix.Length);
            filter = afterGroup < 0 ? "" : filter[(afterGroup + 1)..];
        }
        if (filter.Length == 0)
        {
            return false;
        }
        if (topic.StartsWith('$') && filter[0] is '+' or '#')
        {
            return false;
        }

        string[] filterLevels = filter.Split('/');
        string[] topicLevels = topic.Split('/');
        for (int i = 0; i < filterLevels.Length; i++)
        {
            if (filterLevels[i] == "#")
            {
                return i == filterLevels.Length - 1;
            }
            if (i >= topicLevels.Length || (filterLevels[i] != "+" && !string.Equals(filterLevels[i], topicLevels[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }
        return filterLevels.Length == topicLevels.Length;
    }
}
