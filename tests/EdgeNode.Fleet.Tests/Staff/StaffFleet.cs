using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Tests.Hosting;
using EdgeNode.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>
/// The fleet in-process for staff-panel tests: its own SQLite file, ingest off (no broker), the first admin's password
/// known, the log captured. Start it again on the same file with <see cref="RestartAsync"/>.
/// </summary>
internal sealed class StaffFleet : IAsyncDisposable
{
    public const string AdminPassword = "correct horse battery staple";

    private readonly TemporaryDirectory _folder = new("edgenode-fleet-staff-");
    private readonly Dictionary<string, string> _settings;
    private WebApplicationFactory<Program> _factory;

    public StaffFleet(IReadOnlyDictionary<string, string>? settings = null, bool givenAdminPassword = true)
    {
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (givenAdminPassword)
        {
            _settings.TryAdd("Fleet:Staff:InitialAdminPassword", AdminPassword);
        }

        _factory = Create();
    }

    public LogCapture Log { get; private set; } = new();

    public IServiceProvider Services => _factory.Services;

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public IStaffUserStore Users => Services.GetRequiredService<IStaffUserStore>();

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    /// <param name="https">Requests to https://localhost, as a browser behind TLS makes them.</param>
    public StaffClient Client(bool https = false) => Client(new Uri(https ? "https://localhost" : "http://localhost"));

    /// <summary>A browser-like client whose requests name <paramref name="baseAddress"/>'s scheme and host (the Host header).</summary>
    public StaffClient Client(Uri baseAddress) => new(_factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = baseAddress,
    }));

    /// <summary>A browser-like client whose requests come from <paramref name="from"/> (a TCP connection's address).</summary>
    public StaffClient Client(System.Net.IPAddress from) => new(_factory.ClientFrom(from, cookies: true));

    /// <summary>A client signed in as the given user (the first admin by default).</summary>
    public async Task<StaffClient> SignedInAsync(string userName = "admin", string password = AdminPassword)
    {
        StaffClient client = Client();
        using HttpResponseMessage response = await client.SignInAsync(userName, password);
        Assert.True(
            response.StatusCode == System.Net.HttpStatusCode.Redirect,
            $"Signing in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Creates a user through the admin's users page, as an admin would.</summary>
    public async Task CreateUserAsync(string userName, string role, string password)
    {
        using StaffClient admin = await SignedInAsync();
        using HttpResponseMessage response = await admin.PostFormAsync("/staff/users?handler=Create", ("userName", userName), ("role", role), ("password", password));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Creating {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Stops the fleet and starts a new one on the same database file and settings, with a fresh log.</summary>
    public async Task RestartAsync()
    {
        await _factory.DisposeAsync();
        Log = new LogCapture();
        _factory = Create();
        _ = _factory.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    private WebApplicationFactory<Program> Create()
    {
        LogCapture log = Log;
        return new FleetApplicationFactory(_folder.File("fleet.db"), brokerHost: "", brokerPort: 1883, _settings)
            .WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(log)));
    }
}
