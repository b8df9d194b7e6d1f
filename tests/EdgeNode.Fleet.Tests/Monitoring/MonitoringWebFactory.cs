using EdgeNode.Fleet.Monitoring;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// The fleet as Program builds it, on a test SQLite file, without a broker (external mode with no host: ingest off), with <see cref="TestSignIn"/>
/// as the authentication in place of the staff cookie; the policies and the staff folder's conventions are the real ones.
/// </summary>
internal sealed class MonitoringWebFactory(string databaseFile, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Fleet:Storage:ConnectionString", $"Data Source={databaseFile}");
        builder.UseSetting("Fleet:Broker:Mode", "External");
        builder.UseSetting("Fleet:Broker:Host", "");
        builder.UseSetting("Fleet:Broker:ClientId", "fleet.test");
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestSignIn.SchemeName).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestSignIn.SchemeName;
                options.DefaultAuthenticateScheme = TestSignIn.SchemeName;
                options.DefaultChallengeScheme = TestSignIn.SchemeName;
                options.DefaultForbidScheme = TestSignIn.SchemeName;
                options.DefaultSignInScheme = TestSignIn.SchemeName;
            });
        });
    }

    public HttpClient SignedIn(string role)
    {
        HttpClient client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestSignIn.RoleHeader, role);
        return client;
    }

    public IMonitoringStore Alerts => Services.GetRequiredService<IMonitoringStore>();
}
