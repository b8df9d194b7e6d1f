namespace EdgeNode.EndToEnd.Tests.NativeAot;

/// <summary>The tests of the published native binaries: one publish for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class NativeNodeCollection : ICollectionFixture<NativeNodeBinaries>
{
    public const string Name = "Native node binaries";
}
