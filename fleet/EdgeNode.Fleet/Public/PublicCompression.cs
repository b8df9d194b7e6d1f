using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// Brotli or gzip for the public pages, their static files and open data, over HTTPS too: rural links are slow and
/// metered. Only for those paths: staff pages carry antiforgery tokens and session data, which compression over
/// HTTPS could leak (BREACH); the public ones carry no secret.
/// </summary>
public static class PublicCompression
{
    private static readonly string[] PublicPrefixes = ["/commune", "/capteur", "/langue", "/css", "/js", "/lib", "/api/open", "/openapi"];

    public static IServiceCollection AddPublicCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "image/svg+xml", "application/problem+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    public static bool IsPublic(PathString path) =>
        path == "/" || PublicPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
