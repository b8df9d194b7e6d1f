using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Signing;

namespace EdgeNode.Releases.Bundle;

/// <summary>A manifest whose signature a trusted key made, with the exact signed bytes, to pass on to nodes unchanged.</summary>
public sealed record VerifiedRelease(ReleaseManifest Manifest, byte[] ManifestBytes, ReleaseSignature Signature);
