using System.Text.Json;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Signing;

namespace EdgeNode.Releases.Bundle;

/// <summary>Turns signed manifest bytes into a manifest: the signature first, then the JSON, then the rules.</summary>
public static class ReleaseManifestReader
{
    public static VerifiedRelease Verify(byte[] manifestBytes, byte[] signatureBytes, ReleaseTrust trust)
    {
        if (manifestBytes.Length > ReleaseBundleLimits.MaximumManifestBytes)
        {
            throw new ReleaseBundleException(BundleProblem.TooLarge, $"The manifest is {manifestBytes.Length} bytes; at most {ReleaseBundleLimits.MaximumManifestBytes}.");
        }

        ReleaseSignature signature = ParseSignature(signatureBytes);

        // Nothing in the manifest is looked at before the signature holds: an attacker's JSON never reaches the parser.
        trust.Verify(manifestBytes, signature);
        ReleaseManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, ReleaseJsonContext.Default.ReleaseManifest)
                ?? throw new JsonException("the manifest is null");
        }
        catch (JsonException e)
        {
            throw new ReleaseBundleException(BundleProblem.InvalidManifest, $"The manifest is signed but is not a release manifest: {e.Message}", e);
        }

        ReleaseManifestRules.Check(manifest);
        return new VerifiedRelease(manifest, manifestBytes, signature);
    }

    private static ReleaseSignature ParseSignature(byte[] bytes)
    {
        if (bytes.Length > ReleaseBundleLimits.MaximumSignatureBytes)
        {
            throw new ReleaseBundleException(BundleProblem.TooLarge, $"The signature is {bytes.Length} bytes; at most {ReleaseBundleLimits.MaximumSignatureBytes}.");
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, ReleaseJsonContext.Default.ReleaseSignature) ?? throw new JsonException("the signature is null");
        }
        catch (JsonException e)
        {
            throw new ReleaseBundleException(BundleProblem.BadSignature, $"The bundle's signature entry cannot be read: {e.Message}", e);
        }
    }
}
