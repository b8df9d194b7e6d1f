using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.WebSecurity;

/// <summary>
/// The headers every response of the fleet carries, pages, static files, open data and refusals alike: the
/// <see cref="ContentSecurityPolicy"/> (with the maps' tile server, <see cref="ContentSecurityPolicyOptions.MapTileUrl"/>), no
/// type sniffing, no framing by old browsers either, the origin at most in other sites' Referer, and no camera,
/// microphone or location for any page (none uses them).
/// </summary>
public sealed class SecurityHeaders(IOptions<ContentSecurityPolicyOptions> policy)
{
    public string ContentSecurityPolicyHeader { get; } = ContentSecurityPolicy.For(policy.Value.MapTileUrl);

    public void AddTo(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = ContentSecurityPolicyHeader;
        headers.XContentTypeOptions = "nosniff";

        // frame-ancestors says the same to browsers that know CSP; the citizen's old PC may not.
        headers.XFrameOptions = "DENY";

        // Not "same-origin": tile servers such as OpenStreetMap's require a Referer; the origin alone names no page.
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
