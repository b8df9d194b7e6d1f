namespace EdgeNode.Releases.Manifest;

/// <summary>One file of a release, as the signed manifest describes it.</summary>
/// <param name="Path">Relative to the release's directory, '/'-separated (e.g. <c>edgenode</c>, <c>libe_sqlite3.so</c>).</param>
/// <param name="Size">Its length in bytes: the bundle may not carry more.</param>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of its content.</param>
/// <param name="Executable">Installed with the execute permission (the tar header's mode is not signed; this is).</param>
public sealed record ReleaseFile(string Path, long Size, string Sha256, bool Executable);
