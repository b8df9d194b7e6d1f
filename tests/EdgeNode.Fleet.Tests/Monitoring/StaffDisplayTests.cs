using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>How staff pages write firmware versions and measures: short enough for a phone, in words.</summary>
public sealed class StaffDisplayTests
{
    [Theory]
    [InlineData("1.0.0+3f2a9c1d4b5e6f708192a3b4c5d6e7f8091a2b3c", "1.0.0+3f2a9c1…")]
    [InlineData("1.0.0+3f2a9c1", "1.0.0+3f2a9c1")]
    [InlineData("1.4.0-rc.2", "1.4.0-rc.2")]
    [InlineData(" 1.0.0 ", "1.0.0")]
    [InlineData("1.0.0-a-very-long-pre-release-label-from-a-branch", "1.0.0-a-very-long-pre-r…")]
    public void A_firmware_version_is_shortened_to_its_release_and_a_short_commit(string reported, string shown)
    {
        string shortened = FirmwareVersion.Shorten(reported);

        Assert.Equal(shown, shortened);
        Assert.True(shortened.Length <= FirmwareVersion.ShortLength, shortened);
    }

    [Fact]
    public void Every_metric_the_protocol_carries_has_a_french_name_with_its_unit()
    {
        foreach (WireMetric metric in MetricCatalogue.All)
        {
            string name = StaffText.French.MetricWithUnit(metric.Name);

            Assert.DoesNotContain(metric.Name, name, StringComparison.Ordinal);
            Assert.EndsWith($" ({metric.Unit})", name, StringComparison.Ordinal);
        }

        Assert.Equal("made_up_metric", StaffText.French.MetricName("made_up_metric"));
    }
}
