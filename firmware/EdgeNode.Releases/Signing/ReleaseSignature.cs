namespace EdgeNode.Releases.Signing;

/// <summary>The bundle's <c>manifest.sig</c>: who signed the manifest's exact bytes, and the signature.</summary>
/// <param name="Algorithm">Always <see cref="ReleaseKeys.Algorithm"/>.</param>
/// <param name="KeyId">The signing key's <see cref="ReleaseKeys.KeyId"/>, so that a node holding several keys (rotation) picks the right one.</param>
/// <param name="Signature">Base64 of the IEEE P1363 signature (r ‖ s, 64 bytes).</param>
public sealed record ReleaseSignature(string Algorithm, string KeyId, string Signature);
