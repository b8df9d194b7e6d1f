using System.Text.Encodings.Web;
using System.Text.Unicode;
using EdgeNode.Fleet.WebSecurity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// The public air-quality pages (Pages/Public, no sign-in), their static files and the language switch. Open data
/// is <see cref="OpenData.FleetOpenDataRegistration"/>'s.
/// </summary>
public static class FleetPublicRegistration
{
    private const string NotFoundPage = "/Public/NotFound";

    private const string TileUrlMessage =
        "Fleet:Web:MapTileUrl must be empty, a path on this site, or an http(s) tile template whose host has at most a placeholder in its first label (https://{s}.tile.example.org/{z}/{x}/{y}.png)";

    public static IHostApplicationBuilder AddFleetPublic(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicWebOptions>()
            .Bind(builder.Configuration.GetSection(PublicWebOptions.SectionName))
            .Validate(o => o.RateLimitPermits > 0 && o.RateLimitWindowSeconds > 0, $"{PublicWebOptions.SectionName}:RateLimitPermits and RateLimitWindowSeconds must be above zero")
            .Validate(o => o.OpenDataMaxRangeDays > 0, $"{PublicWebOptions.SectionName}:OpenDataMaxRangeDays must be above zero")
            .Validate(o => o.LateMargin >= TimeSpan.Zero, $"{PublicWebOptions.SectionName}:LateMargin must not be negative (e.g. 00:15:00)")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{PublicWebOptions.SectionName}:TimeZone is not a time zone this machine knows (e.g. Europe/Paris; install tzdata)")
            // The Content-Security-Policy names the tile server: a template it cannot express stops the start.
            .Validate(o => ContentSecurityPolicy.TryGetTileSource(o.MapTileUrl, out _), TileUrlMessage)
            .ValidateOnStart();
        builder.Services.AddOptions<ContentSecurityPolicyOptions>()
            .Configure<IOptions<PublicWebOptions>>((policy, web) => policy.MapTileUrl = web.Value.MapTileUrl);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PublicAirQualityReader>();
        builder.Services.AddRazorPages(pages =>
            pages.Conventions.AddFolderApplicationModelConvention("/Public", model =>
            {
                model.EndpointMetadata.Add(new EnableRateLimitingAttribute(PublicRateLimiting.PolicyName));

                // Public whatever fallback policy the staff side sets.
                model.EndpointMetadata.Add(new AllowAnonymousAttribute());
            }));
        // Razor's encoder would otherwise write every accented letter as &#xE9;: a third more bytes of French for nothing.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddPublicCompression();
        builder.Services.AddPublicRateLimiting();
        return builder;
    }

    public static WebApplication MapFleetPublic(this WebApplication app)
    {
        app.UseWhen(context => PublicCompression.IsPublic(context.Request.Path), branch => branch.UseResponseCompression());

        // wwwroot beside the content root (development, the in-process tests) or beside the assembly (a service or a
        // test's child process started from another directory): the build copies it there.
        string webRoot = FirstExisting(Path.Combine(app.Environment.ContentRootPath, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot"));

        if (Directory.Exists(webRoot))
        {
            // Kept a while by browsers and proxies: on a metered link a second visit should cost only the page.
            // Libraries (lib/: Leaflet, copied from npm by the build) change only with the fleet: a week.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(webRoot),
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments("/lib") ? "public, max-age=604800" : "public, max-age=3600",
            });
        }
        else
        {
            app.Logger.LogError("The public pages have no stylesheet: no wwwroot in {ContentRoot} nor beside the fleet's assembly", app.Environment.ContentRootPath);
        }
        if (!File.Exists(Path.Combine(webRoot, "lib", "leaflet", "leaflet.js")))
        {
            app.Logger.LogWarning("The maps are off: Leaflet is not in {Folder} (the build copies it there after npm ci in fleet/EdgeNode.Fleet); the pages still list every node", Path.Combine(webRoot, "lib", "leaflet"));
        }
        app.UseRateLimiter();

        // Razor Pages are mapped once for every concern (the staff pages share the Pages folder); another may have done it.
        if (!((IEndpointRouteBuilder)app).DataSources.Any(source => source.GetType().Name == "PageActionEndpointDataSource"))
        {
            app.MapRazorPages();
        }
        app.MapLanguageSwitch().RequireRateLimiting(PublicRateLimiting.PolicyName).AllowAnonymous();

        // Any other address a visitor mistypes gets a page with a way back ("{*path:nonfile}": a missing file stays a bare 404).
        app.MapFallbackToPage(NotFoundPage);
        return app;
    }

    private static string FirstExisting(string preferred, string fallback) => Directory.Exists(preferred) ? preferred : fallback;
}
