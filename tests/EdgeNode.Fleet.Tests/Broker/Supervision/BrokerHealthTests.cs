using System.Net;
using EdgeNode.Fleet.Tests.Hosting;
using EdgeNode.TestSupport;

namespace EdgeNode.Fleet.Tests.Broker.Supervision;

/// <summary>
/// The broker's state as /health shows it to the server itself (an operator's curl there), with the fleet built by its
/// real Program.
/// </summary>
public sealed class BrokerHealthTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new("edgenode-fleet-health-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_mosquitto_installed_health_is_unhealthy_and_says_how_to_install_it()
    {
        await using var fleet = new FleetApplicationFactory(_folder.File("fleet.db"), brokerHost: "", brokerPort: 1883, new Dictionary<string, string>
        {
            ["Fleet:DataDirectory"] = _folder.File("data"),
            ["Fleet:Broker:Mode"] = "Supervised",
            ["Fleet:Broker:Executable"] = _folder.File("no-such-mosquitto"),
        });
        using HttpClient client = fleet.ClientFrom(IPAddress.Loopback);

        (HttpStatusCode status, string body) = await HealthAsync(client, text => text.Contains("broker: Unhealthy", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("broker: Unhealthy: Mosquitto is not installed: apt-get install mosquitto", body, StringComparison.Ordinal);
        Assert.Contains("storage: Healthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_external_broker_health_says_so_and_stays_healthy()
    {
        await using var fleet = new FleetApplicationFactory(_folder.File("fleet.db"), brokerHost: "", brokerPort: 1883);
        using HttpClient client = fleet.ClientFrom(IPAddress.Loopback);

        (HttpStatusCode status, string body) = await HealthAsync(client, text => text.Contains("broker: Healthy", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("external broker", body, StringComparison.Ordinal);
        // No admin account configured for it: the registry cannot be compared with its accounts, and /health says why.
        Assert.Contains("registry: Healthy: not compared with the broker's accounts: The fleet cannot manage node accounts", body, StringComparison.Ordinal);
    }

    /// <summary>The supervisor decides at start, in the background: ask until the answer is the awaited one (or give up).</summary>
    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient client, Func<string, bool> settled)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            string body = await response.Content.ReadAsStringAsync();
            if (settled(body) || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }
            await Task.Delay(100);
        }
    }
}
