using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// Every status and alert kind has its own words in the staff catalogue: the choice of key lives in Monitoring, so the
/// catalogue's own check (every key has French) cannot see a status left without one.
/// </summary>
public sealed class MonitoringTextTests
{
    [Fact]
    public void Every_status_has_its_own_french_words()
    {
        string[] words = [.. Enum.GetValues<NodeStatus>().Select(status => StaffText.French.Status(status))];

        Assert.All(words, word => Assert.False(string.IsNullOrWhiteSpace(word)));
        Assert.Equal(words.Length, words.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_alert_kind_has_its_own_french_words()
    {
        string[] words = [.. Enum.GetValues<AlertKind>().Select(kind => StaffText.French.AlertKindName(kind))];

        Assert.All(words, word => Assert.False(string.IsNullOrWhiteSpace(word)));
        Assert.Equal(words.Length, words.Distinct(StringComparer.Ordinal).Count());
    }
}
