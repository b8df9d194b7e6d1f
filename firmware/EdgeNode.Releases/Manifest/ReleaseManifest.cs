using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Manifest;

/// <summary>What a release is, signed by the release key: the node installs nothing it does not list.</summary>
/// <param name="Format">The manifest's own format, <see cref="CurrentFormat"/>.</param>
/// <param name="Version">Semantic version; a node only ever moves to a greater one.</param>
/// <param name="Target">The .NET runtime identifier the files were built for, one of <see cref="ReleaseTargets.Supported"/>.</param>
/// <param name="MinimumVersion">The oldest installed version this release may replace (e.g. after a buffer format change).</param>
/// <param name="CreatedAt">When it was packed, UTC.</param>
/// <param name="Notes">Release notes in French, for the staff who roll it out.</param>
/// <param name="Files">Every file, in the order the bundle carries them.</param>
public sealed record ReleaseManifest(
    int Format,
    string Version,
    string Target,
    string MinimumVersion,
    DateTimeOffset CreatedAt,
    string Notes,
    IReadOnlyList<ReleaseFile> Files)
{
    public const int CurrentFormat = 1;

    /// <summary>The version, parsed (the manifest was validated when it was read or built).</summary>
    public ReleaseVersion ParsedVersion => ReleaseVersion.Parse(Version);

    public ReleaseVersion ParsedMinimumVersion => ReleaseVersion.Parse(MinimumVersion);

    public long TotalSize => Files.Sum(f => f.Size);
}
