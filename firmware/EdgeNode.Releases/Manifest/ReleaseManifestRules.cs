using System.Text.RegularExpressions;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Manifest;

/// <summary>What a well-formed manifest says; checked when packing and again, after the signature, when reading.</summary>
public static partial class ReleaseManifestRules
{
    /// <summary>The program every release must contain: the service starts it (hardware/edgenode.service).</summary>
    public const string Program = "edgenode";

    /// <summary>Throws <see cref="ReleaseBundleException"/> (InvalidManifest or TooLarge) naming the first rule broken.</summary>
    public static void Check(ReleaseManifest manifest)
    {
        if (manifest.Format != ReleaseManifest.CurrentFormat)
        {
            Invalid($"manifest format {manifest.Format} is not the one this program reads ({ReleaseManifest.CurrentFormat}): update the reader first");
        }

        if (!ReleaseVersion.TryParse(manifest.Version, out ReleaseVersion? version))
        {
            Invalid($"version '{manifest.Version}' is not MAJOR.MINOR.PATCH");
        }

        if (!ReleaseVersion.TryParse(manifest.MinimumVersion, out ReleaseVersion? minimum))
        {
            Invalid($"minimum version '{manifest.MinimumVersion}' is not MAJOR.MINOR.PATCH");
        }
        else if (minimum > version)
        {
            Invalid($"minimum version {minimum} is above the release's own version {version}");
        }

        if (!ReleaseTargets.IsSupported(manifest.Target))
        {
            Invalid($"target '{manifest.Target}' is not one of {string.Join(", ", ReleaseTargets.Supported)}");
        }

        if (manifest.Notes.Length > ReleaseBundleLimits.MaximumNotesLength)
        {
            throw new ReleaseBundleException(BundleProblem.TooLarge, $"The release notes are {manifest.Notes.Length} characters long; at most {ReleaseBundleLimits.MaximumNotesLength}.");
        }

        CheckFiles(manifest.Files);
    }

    private static void CheckFiles(IReadOnlyList<ReleaseFile> files)
    {
        if (files.Count > ReleaseBundleLimits.MaximumFiles)
        {
            throw new ReleaseBundleException(BundleProblem.TooLarge, $"The release lists {files.Count} files; at most {ReleaseBundleLimits.MaximumFiles}.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (ReleaseFile file in files)
        {
            if (file.Path.Length > ReleaseBundleLimits.MaximumPathLength || !SafePath().IsMatch(file.Path)
                || file.Path.Split('/').Any(segment => segment is "." or ".."))
            {
                Invalid($"file path '{Shorten(file.Path)}' is not a plain relative path (letters, digits, '.', '_', '-', '+', '/'; no '..'; at most {ReleaseBundleLimits.MaximumPathLength} characters)");
            }

            if (!seen.Add(file.Path))
            {
                Invalid($"file '{file.Path}' is listed twice");
            }

            if (file.Size < 0 || file.Size > ReleaseBundleLimits.MaximumFileBytes)
            {
                throw new ReleaseBundleException(BundleProblem.TooLarge, $"File '{file.Path}' is said to be {file.Size} bytes; a file is at most {ReleaseBundleLimits.MaximumFileBytes} bytes.");
            }

            total += file.Size;
            if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower))
            {
                Invalid($"file '{file.Path}' has no SHA-256 in lower-case hexadecimal");
            }
        }

        if (total > ReleaseBundleLimits.MaximumTotalBytes)
        {
            throw new ReleaseBundleException(BundleProblem.TooLarge, $"The release's files add up to {total} bytes; at most {ReleaseBundleLimits.MaximumTotalBytes}.");
        }

        if (!files.Any(f => f.Path == Program && f.Executable))
        {
            Invalid($"it has no executable '{Program}' at its top: the service would have nothing to start");
        }
    }

    private static string Shorten(string path) => path.Length <= 80 ? path : path[..80] + "…";

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Invalid(string what) => throw new ReleaseBundleException(BundleProblem.InvalidManifest, $"The release manifest is invalid: {what}.");

    [GeneratedRegex("^[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*$")]
    private static partial Regex SafePath();
}
