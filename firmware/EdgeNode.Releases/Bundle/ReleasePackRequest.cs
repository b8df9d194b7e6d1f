using System.Security.Cryptography;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Bundle;

/// <summary>What <c>edgenode release pack</c> is asked to make.</summary>
/// <param name="PublishDirectory">The output of <c>dotnet publish</c>: every file under it goes into the release.</param>
/// <param name="MinimumVersion">The oldest version the release may replace; 0.0.0 for any.</param>
/// <param name="Notes">Release notes in French.</param>
public sealed record ReleasePackRequest(
    string PublishDirectory,
    ReleaseVersion Version,
    string Target,
    ReleaseVersion MinimumVersion,
    string Notes,
    ECDsa PrivateKey,
    DateTimeOffset CreatedAt);
