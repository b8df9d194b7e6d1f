using EdgeNode.TestSupport;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>Alert settings an operator can get wrong stop the fleet at start, saying which and how to fix it.</summary>
public sealed class AlertSettingsTests
{
    [Theory]
    [InlineData("Fleet:Alerts:WebhookSecret", "hunter2", "WebhookSecret must be at least 32 characters")]
    [InlineData("Fleet:Alerts:WebhookUrl", "ftp://mairie.example/alerts", "WebhookUrl must be an absolute http(s) URL")]
    public void A_bad_webhook_setting_stops_the_start_with_its_name(string key, string value, string said)
    {
        using var folder = new TemporaryDirectory("edgenode-alert-settings-");
        using var fleet = new MonitoringWebFactory(folder.File("fleet.db"), new Dictionary<string, string> { [key] = value });

        OptionsValidationException refused = Assert.Throws<OptionsValidationException>(() => fleet.CreateClient());

        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
    }
}
