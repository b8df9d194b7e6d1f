using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EdgeNode.Fleet.Tests.Hosting;

/// <summary>
/// The fleet as <c>Program</c> builds it, in this process, with only its settings swapped: a SQLite file of the
/// test's and the test's own Mosquitto. Everything else (storage initialisation, ingest, health checks) is the real
/// registration.
/// </summary>
internal sealed class FleetApplicationFactory(string databaseFile, string brokerHost, int brokerPort, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Fleet:Storage:ConnectionString", $"Data Source={databaseFile}");
        builder.UseSetting("Fleet:Broker:Mode", "External");
        builder.UseSetting("Fleet:Broker:Host", brokerHost);
        builder.UseSetting("Fleet:Broker:Port", brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Unique per test run: the broker keeps a persistent session under this id, which must not be a stale one.
        builder.UseSetting("Fleet:Broker:ClientId", $"fleet.test-{Guid.NewGuid():N}");
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
