using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.WebSecurity;
using Microsoft.AspNetCore.RateLimiting;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// The rate-limiter policy of the login form: <see cref="StaffOptions.SignInLimitPerClient"/> POSTs per client
/// address (<see cref="ClientAddress.RateLimitKey"/>) per <see cref="StaffOptions.SignInLimitWindow"/>, so that one
/// address spraying a password over many user names is slowed although no name reaches its lockout (<see cref="SignInLockout"/>). Reading the form
/// is not limited. Past the limit: 429, Retry-After and a page saying in French when to try again; one Warning per
/// address and window in the log, however many requests it sends.
/// </summary>
internal sealed class SignInThrottle(StaffOptions options, TimeProvider time, ILogger<SignInThrottle> logger) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "staff-sign-in";

    private const string NotASignIn = "(not a sign-in)";

    // Until when each throttled address has had its Warning; expired entries are dropped as new ones come.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _warnedUntil = new(StringComparer.Ordinal);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RefuseAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.RateLimitKey(httpContext), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInLimitPerClient,
                Window = options.SignInLimitWindow,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(NotASignIn);

    private async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        HttpContext context = rejected.HttpContext;

        // A fixed window's lease says the whole window: an upper bound, so trying again then always works.
        TimeSpan wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? retryAfter : options.SignInLimitWindow;
        int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        DateTimeOffset until = time.GetUtcNow().AddSeconds(seconds);
        WarnOnce(ClientAddress.RateLimitKey(context), until);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(seconds, until), ct);
    }

    private void WarnOnce(string client, DateTimeOffset until)
    {
        DateTimeOffset now = time.GetUtcNow();
        while (true)
        {
            if (_warnedUntil.TryGetValue(client, out DateTimeOffset warnedUntil))
            {
                if (warnedUntil > now)
                {
                    return;
                }

                if (_warnedUntil.TryUpdate(client, until, warnedUntil))
                {
                    break;
                }
            }
            else if (_warnedUntil.TryAdd(client, until))
            {
                break;
            }
        }

        if (_warnedUntil.Count > 1024)
        {
            foreach ((string expired, DateTimeOffset _) in _warnedUntil.Where(entry => entry.Value <= now))
            {
                _warnedUntil.TryRemove(expired, out _);
            }
        }

        logger.LogWarning(
            "Staff sign-in throttled: {Client} sent more than {Limit} sign-in attempts within {Window}; refused until {Until:u}",
            client, options.SignInLimitPerClient, options.SignInLimitWindow, until);
    }

    // The catalogue's words go in as they are: they hold no markup character.
    private static string Page(int seconds, DateTimeOffset until)
    {
        StaffText text = StaffText.French;
        return $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{text.TooManySignIns} — EdgeNode</title></head>
            <body>
            <main>
            <h1>{text.TooManySignIns}</h1>
            <p>{text.TooManySignInsExplanation}</p>
            <p><strong>{text.RetryIn(seconds)}</strong>, {text.RetryFrom(StaffTime.FormatTimeOfDay(until))}.</p>
            <p>{text.ForgottenPassword}</p>
            <p><a href="/staff/login">{text.BackToSignIn}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
