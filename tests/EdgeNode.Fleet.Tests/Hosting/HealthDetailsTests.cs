using System.Net;
using EdgeNode.Fleet.Tests.Staff;

namespace EdgeNode.Fleet.Tests.Hosting;

/// <summary>
/// /health is public: anyone learns whether the fleet is healthy, only staff and the server itself learn the details
/// (the broker's pid and ports, node ids, errors).
/// </summary>
public sealed class HealthDetailsTests : IAsyncLifetime
{
    private readonly StaffFleet _fleet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task A_visitor_from_elsewhere_is_told_only_the_overall_status()
    {
        using StaffClient visitor = _fleet.Client(IPAddress.Parse("203.0.113.7"));

        (HttpStatusCode status, string body) = await HealthAsync(visitor.Http);

        Assert.Matches("^(Healthy|Degraded|Unhealthy)\r?\n$", body);
        Assert.Equal(body.StartsWith("Unhealthy", StringComparison.Ordinal) ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_server_itself_sees_every_check_but_not_a_visitor_relayed_by_a_local_proxy()
    {
        using StaffClient local = _fleet.Client(IPAddress.Loopback);
        using StaffClient relayed = _fleet.Client(IPAddress.Loopback);
        relayed.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        (_, string onTheServer) = await HealthAsync(local.Http);
        (_, string throughTheProxy) = await HealthAsync(relayed.Http);

        Assert.Contains("\nbroker: ", onTheServer, StringComparison.Ordinal);
        Assert.Contains("\nregistry: ", onTheServer, StringComparison.Ordinal);
        Assert.Contains("\nstorage: ", onTheServer, StringComparison.Ordinal);
        Assert.Equal(onTheServer.Split('\n')[0] + "\n", throughTheProxy);
    }

    [Fact]
    public async Task Staff_signed_in_see_every_check()
    {
        using StaffClient anonymous = _fleet.Client();
        using StaffClient staff = await _fleet.SignedInAsync();

        (_, string before) = await HealthAsync(anonymous.Http);
        (_, string signedIn) = await HealthAsync(staff.Http);

        Assert.DoesNotContain("broker", before, StringComparison.Ordinal);
        Assert.Contains("\nbroker: ", signedIn, StringComparison.Ordinal);
        Assert.Contains("\nregistry: ", signedIn, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient client)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
