using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>Wires monitoring into the host: status, the alert evaluator and its webhook, the staff pages' needs.</summary>
public static class FleetMonitoringRegistration
{
    public static IHostApplicationBuilder AddFleetMonitoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitoringOptions>()
            .Bind(builder.Configuration.GetSection(MonitoringOptions.SectionName))
            .Validate(options => options.SyncInterval > TimeSpan.Zero, $"{MonitoringOptions.SectionName}:SyncInterval must be positive")
            .Validate(options => options.LowDiskFraction is >= 0 and < 1, $"{MonitoringOptions.SectionName}:LowDiskFraction must be between 0 and 1 (0.10 is 10 %)")
            .ValidateOnStart();
        builder.Services.AddOptions<AlertOptions>()
            .Bind(builder.Configuration.GetSection(AlertOptions.SectionName))
            .Validate(options => options.EvaluationInterval > TimeSpan.Zero, $"{AlertOptions.SectionName}:EvaluationInterval must be positive")
            .Validate(
                options => string.IsNullOrWhiteSpace(options.WebhookUrl) || (Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https"),
                $"{AlertOptions.SectionName}:WebhookUrl must be an absolute http(s) URL, or empty for none")
            .Validate(
                options => string.IsNullOrEmpty(options.WebhookSecret) || options.WebhookSecret.Length >= 32,
                $"{AlertOptions.SectionName}:WebhookSecret must be at least 32 characters (e.g. openssl rand -hex 32), or empty to send unsigned")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<NodeActivity>();
        builder.Services.AddSingleton<FleetStatusReader>();
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddHttpClient(AlertWebhook.HttpClientName);
        builder.Services.AddSingleton<AlertWebhook>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertWebhook>());
        builder.Services.AddHostedService<AlertEvaluationService>();

        // Idempotent: the other web concerns add Razor Pages too, with their own conventions.
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication MapFleetMonitoring(this WebApplication app)
    {
        // Static files (wwwroot: Leaflet's copy in lib/leaflet, the map script, the stylesheet) are served by the public
        // side's UseStaticFiles, mapped before sign-in is looked at.
        // Razor Pages are mapped once for every concern; another concern may have mapped them already.
        if (!((IEndpointRouteBuilder)app).DataSources.Any(source => source.GetType().Name == "PageActionEndpointDataSource"))
        {
            app.MapRazorPages();
        }

        return app;
    }
}
