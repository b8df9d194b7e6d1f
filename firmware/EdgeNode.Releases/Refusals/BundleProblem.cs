namespace EdgeNode.Releases.Refusals;

/// <summary>Why a bundle was refused; the fleet words each for its staff, the node logs and reports it.</summary>
public enum BundleProblem
{
    /// <summary>Not a bundle at all: not a tar archive, or its entries are not where the format puts them.</summary>
    Malformed,

    /// <summary>No signature entry.</summary>
    Unsigned,

    /// <summary>Signed by a key the reader does not trust (never given, or revoked).</summary>
    UnknownKey,

    /// <summary>The signature does not match the manifest: the manifest was altered, or the signature forged.</summary>
    BadSignature,

    /// <summary>The manifest is signed but says something impossible (bad version, path, size, too many files).</summary>
    InvalidManifest,

    /// <summary>A file's content does not match the manifest's hash or size, or a listed file is missing or extra.</summary>
    AlteredFile,

    /// <summary>Built for another runtime identifier than the node's.</summary>
    WrongTarget,

    /// <summary>Not newer than what is installed (or than the fleet's latest): a rollback or a replay.</summary>
    NotNewer,

    /// <summary>The installed version is older than the release's minimum.</summary>
    BelowMinimumVersion,

    /// <summary>Over the limits on manifest size, file count, file size or total size.</summary>
    TooLarge,
}
