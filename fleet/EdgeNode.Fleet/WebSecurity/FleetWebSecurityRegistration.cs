using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Public;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.WebSecurity;

/// <summary>
/// What every response goes through before any other concern writes it: the <see cref="SecurityHeaders"/>.
/// </summary>
public static class FleetWebSecurityRegistration
{
    private const string TileUrlMessage =
        "Fleet:Web:MapTileUrl must be empty, a path on this site, or an http(s) tile template whose host has at most a placeholder in its first label (https://{s}.tile.example.org/{z}/{x}/{y}.png)";

    public static IHostApplicationBuilder AddFleetWebSecurity(this IHostApplicationBuilder builder)
    {
        // The Content-Security-Policy names the tile server: a template it cannot express stops the start.
        builder.Services.AddOptions<PublicWebOptions>()
            .Validate(options => ContentSecurityPolicy.TryGetTileSource(options.MapTileUrl, out _), TileUrlMessage)
            .ValidateOnStart();
        builder.Services.AddOptions<StaffMapOptions>()
            .Validate(options => ContentSecurityPolicy.TryGetTileSource(options.MapTileUrl, out _), TileUrlMessage)
            .ValidateOnStart();
        builder.Services.AddSingleton<SecurityHeaders>();
        return builder;
    }

    /// <summary>First in the pipeline, so that static files, refusals and pages all carry the headers.</summary>
    public static WebApplication UseFleetWebSecurity(this WebApplication app)
    {
        SecurityHeaders headers = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((context, next) =>
        {
            headers.AddTo(context.Response.Headers);
            return next(context);
        });
        return app;
    }
}
