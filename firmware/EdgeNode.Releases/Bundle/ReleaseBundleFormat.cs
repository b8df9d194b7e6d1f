namespace EdgeNode.Releases.Bundle;

/// <summary>
/// A bundle is one POSIX tar file: <c>manifest.json</c>, then <c>manifest.sig</c>, then each listed file as
/// <c>files/PATH</c> in the manifest's order, and nothing else. A plain format a maintainer can open with
/// <c>tar -tvf</c>; the order lets a reader check the signature before it reads a byte of any file.
/// </summary>
public static class ReleaseBundleFormat
{
    public const string ManifestEntry = "manifest.json";

    public const string SignatureEntry = "manifest.sig";

    public const string FilesPrefix = "files/";

    /// <summary>The extension maintainers give bundles (<c>edgenode-1.0.1-linux-arm64.enb</c>).</summary>
    public const string Extension = ".enb";
}
