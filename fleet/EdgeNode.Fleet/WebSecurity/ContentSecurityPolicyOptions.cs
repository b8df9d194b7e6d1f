namespace EdgeNode.Fleet.WebSecurity;

/// <summary>
/// What the Content-Security-Policy must let pages load beyond this site: the maps' tile server, which the public
/// pages' registration sets from their own settings, so that the headers do not depend on the pages.
/// </summary>
public sealed class ContentSecurityPolicyOptions
{
    /// <summary>The tile template (<c>Fleet:Web:MapTileUrl</c>), empty for none.</summary>
    public string MapTileUrl { get; set; } = "";
}
