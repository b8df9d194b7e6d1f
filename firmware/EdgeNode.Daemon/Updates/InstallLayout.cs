namespace EdgeNode.Daemon.Updates;

/// <summary>
/// Where versions live side by side (README, "Updates"): <c>releases/VERSION/</c> each whole, <c>current</c> the link
/// the service starts, <c>committed</c> the link to the last version that proved healthy, whose program runs the
/// boot check before every start; <c>update-state.json</c> the truth both links are repaired from.
/// </summary>
/// <param name="Root">/opt/edgenode on a Pi; DATA-DIRECTORY/install for an emulated node.</param>
public sealed record InstallLayout(string Root)
{
    public string Releases => Path.Combine(Root, "releases");

    public string Current => Path.Combine(Root, "current");

    public string Committed => Path.Combine(Root, "committed");

    public string StateFile => Path.Combine(Root, "update-state.json");

    public string Release(string version) => Path.Combine(Releases, version);

    /// <summary>The version a link points at (its target's directory name), or null when the link is missing.</summary>
    public static string? VersionOf(string link) =>
        File.Exists(link) || Directory.Exists(link) ? new DirectoryInfo(link).LinkTarget is { } target ? Path.GetFileName(target.TrimEnd('/')) : null : null;
}
