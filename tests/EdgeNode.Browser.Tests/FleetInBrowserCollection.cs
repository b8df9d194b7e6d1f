namespace EdgeNode.Browser.Tests;

/// <summary>Put <c>[Collection(FleetInBrowserCollection.Name)]</c> on a test class to get the shared <see cref="FleetInBrowser"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FleetInBrowserCollection : ICollectionFixture<FleetInBrowser>
{
    public const string Name = "Fleet in a browser";
}
