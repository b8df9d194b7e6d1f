using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.WebSecurity;

/// <summary>
/// What every request and response goes through before any other concern sees it: the client's address and scheme
/// from a trusted reverse proxy's forwarded headers (<see cref="TrustedProxyOptions"/>), so that the per-client rate
/// limits count clients and not the proxy, and cookies are Secure behind HTTPS; then the <see cref="SecurityHeaders"/>.
/// </summary>
public static class FleetWebSecurityRegistration
{
    public static IHostApplicationBuilder AddFleetWebSecurity(this IHostApplicationBuilder builder)
    {
        IConfigurationSection section = builder.Configuration.GetSection(TrustedProxyOptions.SectionName);
        builder.Services.AddOptions<TrustedProxyOptions>()
            .Bind(section)
            .Configure(options =>
            {
                // Also as a list (JSON array, Fleet__Web__TrustedProxies__0=…), which binding a string would silently drop.
                string[] listed = [.. section.GetSection(nameof(TrustedProxyOptions.TrustedProxies)).GetChildren()
                    .Select(item => item.Value).OfType<string>().Where(item => item.Trim().Length > 0)];
                if (listed.Length > 0)
                {
                    options.TrustedProxies = string.Join(", ", listed);
                }
            })
            .Validate(
                options => TrustedProxyList.TryParse(options.TrustedProxies, out _, out _),
                $"{TrustedProxyOptions.SectionName}:TrustedProxies must list IP addresses or CIDR networks (10.0.0.5, 192.168.1.0/24, ::1) separated by commas or spaces, or be empty for none")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            // Only the configured proxies: the framework's default trusts loopback, which the configuration may not.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            TrustedProxyList.TryParse(trusted.Value.TrustedProxies, out IReadOnlyList<System.Net.IPNetwork> networks, out _);
            foreach (System.Net.IPNetwork network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // With no known proxy at all the middleware believes every sender: so "no proxy" means not reading the
            // headers, not an empty list.
            forwarded.ForwardedHeaders = networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Walk back through X-Forwarded-For while the hop that wrote an entry is trusted (a CDN in front of nginx,
            // both listed); the first entry written by an untrusted hop is the client, whatever it claims before that.
            forwarded.ForwardLimit = null;
        });

        builder.Services.AddSingleton<SecurityHeaders>();
        return builder;
    }

    /// <summary>First in the pipeline: the rate limits, static files and pages after it see the real client.</summary>
    public static WebApplication UseFleetWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Logger.LogInformation(
            "Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only from {TrustedProxies}",
            app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.TrustedProxies is { Length: > 0 } listed ? listed : "no proxy");

        SecurityHeaders headers = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((context, next) =>
        {
            headers.AddTo(context.Response.Headers);
            return next(context);
        });
        return app;
    }
}
