using EdgeNode.Fleet.WebSecurity;

namespace EdgeNode.Fleet.Tests.WebSecurity;

/// <summary>The tile server's CSP source, from the Leaflet template an operator writes.</summary>
public sealed class ContentSecurityPolicyTests
{
    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("HTTPS://Tiles.Example.org:8443/{z}/{x}/{y}.png?key=abc", "https://tiles.example.org:8443")]
    [InlineData("http://tuiles-{s}.example.org/{z}/{x}/{y}.png", "http://*.example.org")]
    [InlineData("https://tiles.example.org:443/{z}/{x}/{y}.png", "https://tiles.example.org")]
    public void An_absolute_template_gives_its_origin_with_a_wildcard_for_a_placeholder_in_the_first_label(string template, string expected)
    {
        Assert.True(ContentSecurityPolicy.TryGetTileSource(template, out string? source));
        Assert.Equal(expected, source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("/tuiles/{z}/{x}/{y}.png")]
    public void An_empty_template_or_a_path_on_the_fleet_needs_no_source(string? template)
    {
        Assert.True(ContentSecurityPolicy.TryGetTileSource(template, out string? source));
        Assert.Null(source);
    }

    [Theory]
    [InlineData("https://tiles.{s}.example.org/{z}/{x}/{y}.png")]
    [InlineData("//tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("https://user@tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("https://{s}/{z}/{x}/{y}.png")]
    public void A_template_the_policy_cannot_express_is_refused(string template)
    {
        Assert.False(ContentSecurityPolicy.TryGetTileSource(template, out _));
        Assert.Throws<ArgumentException>(() => ContentSecurityPolicy.For(template));
    }

    [Fact]
    public void The_tile_server_is_named_for_images_and_no_server_when_there_is_none()
    {
        Assert.Contains("img-src 'self' data: https://*.tile.openstreetmap.org;", ContentSecurityPolicy.For("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"), StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:;", ContentSecurityPolicy.For(null), StringComparison.Ordinal);
    }
}
