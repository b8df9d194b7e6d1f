namespace EdgeNode.Browser.Tests;

/// <summary>The public pages' own fleet and browsers, run apart from the other browser tests (two cores, two chromiums).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublicSiteInBrowserCollection : ICollectionFixture<PublicSiteInBrowser>
{
    public const string Name = "Public site in a browser";
}
