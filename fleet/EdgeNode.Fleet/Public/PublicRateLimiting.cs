using System.Globalization;
using System.Threading.RateLimiting;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.WebSecurity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// One fixed window of requests per client IP for the public pages and open data (<see cref="PublicWebOptions"/>);
/// past it, 429 with Retry-After. Staff pages and ingest are not limited by it. The client is
/// <see cref="ClientAddress.RateLimitKey"/>: behind a reverse proxy listed in Fleet:Web:TrustedProxies, the visitor's
/// address, not the proxy's (which would make one window for every visitor).
/// </summary>
public static class PublicRateLimiting
{
    public const string PolicyName = "public";

    public static IServiceCollection AddPublicRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                PublicWebOptions options = context.RequestServices.GetRequiredService<IOptions<PublicWebOptions>>().Value;
                string client = ClientAddress.RateLimitKey(context);
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                HttpContext context = rejected.HttpContext;
                int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : context.RequestServices.GetRequiredService<IOptions<PublicWebOptions>>().Value.RateLimitWindowSeconds;
                context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                // Refused before any page chose a language, and read by browsers and API clients alike: both languages.
                await context.Response.WriteAsync(
                    $"{PublicText.French.TooManyRequests(seconds)} / {PublicText.English.TooManyRequests(seconds)}", ct);
            };
        });
        return services;
    }
}
