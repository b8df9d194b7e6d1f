using EdgeNode.Fleet.Monitoring;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// The fleet as Program builds it, on a test SQLite file, without a broker (external mode with no host: ingest off), with <see cref="TestSignIn"/>
/// as the authentication. The "Staff" and "Technician" policies are the staff work's when it is there; until then
/// stand-ins with the same meaning and the same role names (any staff role; technician or admin).
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
            services.AddAuthorization();
            services.PostConfigure<AuthorizationOptions>(options =>
            {
                if (options.GetPolicy("Staff") is null)
                {
                    options.AddPolicy("Staff", policy => policy.RequireAuthenticatedUser().RequireRole("admin", "technician", "viewer"));
                }

                if (options.GetPolicy(Pages.Staff.AlertsModel.AcknowledgePolicy) is null)
                {
                    options.AddPolicy(Pages.Staff.AlertsModel.AcknowledgePolicy, policy => policy.RequireAuthenticatedUser().RequireRole("technician", "admin"));
                }
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
