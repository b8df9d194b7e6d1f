namespace EdgeNode.Fleet.WebSecurity;

/// <summary>
/// The fleet's Content-Security-Policy: everything from the fleet itself, no inline script or style (the pages keep
/// theirs in wwwroot), images also from the map's tile server, never framed, forms only to the fleet.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <param name="tileUrlTemplate">The maps' Leaflet tile template; null or empty for none.</param>
    /// <exception cref="ArgumentException">The template is not one <see cref="TryGetTileSource"/> understands.</exception>
    public static string For(string? tileUrlTemplate)
    {
        if (!TryGetTileSource(tileUrlTemplate, out string? source))
        {
            throw new ArgumentException($"Not a tile URL template the Content-Security-Policy can name: {tileUrlTemplate}", nameof(tileUrlTemplate));
        }

        string images = source is null ? "'self' data:" : $"'self' data: {source}";

        // data: images: Leaflet swaps a removed tile's src for an empty data: GIF. object-src is not covered by
        // default-src in old browsers' eyes, so it is named.
        return string.Join("; ",
            "default-src 'self'",
            $"img-src {images}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>
    /// The CSP source of a Leaflet tile template: its scheme, host and port, with a placeholder in the host's first
    /// label ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png") written as CSP's wildcard
    /// ("https://*.tile.openstreetmap.org"). Null for an empty template or a path on the fleet ('self' covers it).
    /// False when the template is neither, or has a placeholder elsewhere in the host, which CSP cannot express.
    /// </summary>
    public static bool TryGetTileSource(string? template, out string? source)
    {
        source = null;
        if (string.IsNullOrWhiteSpace(template))
        {
            return true;
        }

        template = template.Trim();
        if (template.StartsWith('/') && !template.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        int schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        string scheme = schemeEnd < 0 ? "" : template[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return false;
        }

        string rest = template[(schemeEnd + 3)..];
        int authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        string authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        int firstDot = authority.IndexOf('.', StringComparison.Ordinal);
        bool wildcard = firstDot > 0 && authority[..firstDot].Contains('{', StringComparison.Ordinal);
        string checkedAuthority = wildcard ? "x" + authority[firstDot..] : authority;
        if (checkedAuthority.Contains('{', StringComparison.Ordinal) || checkedAuthority.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate($"{scheme}://{checkedAuthority}/", UriKind.Absolute, out Uri? parsed) || parsed.Host.Length == 0)
        {
            return false;
        }

        string port = parsed.IsDefaultPort ? "" : ":" + parsed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        source = $"{scheme}://{(wildcard ? "*" + parsed.Host[1..] : parsed.Host)}{port}";
        return true;
    }
}
