namespace EdgeNode.Releases.Manifest;

/// <summary>
/// Bounds every read of a bundle before anything is trusted (TUF's "endless data"): the node's whole release today is
/// 2 files and 16 MB, a framework-dependent one about 120 files and 40 MB.
/// </summary>
public static class ReleaseBundleLimits
{
    public const int MaximumManifestBytes = 256 * 1024;

    public const int MaximumSignatureBytes = 4 * 1024;

    public const int MaximumFiles = 512;

    public const long MaximumFileBytes = 256L * 1024 * 1024;

    public const long MaximumTotalBytes = 512L * 1024 * 1024;

    public const int MaximumPathLength = 200;

    public const int MaximumNotesLength = 8 * 1024;
}
