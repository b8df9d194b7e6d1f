using System.Security.Cryptography;

namespace EdgeNode.Releases.Signing;

/// <summary>Signs a manifest's exact bytes with the release key.</summary>
public static class ReleaseSigner
{
    public static ReleaseSignature Sign(ReadOnlySpan<byte> manifest, ECDsa privateKey) =>
        new(ReleaseKeys.Algorithm, ReleaseKeys.KeyId(privateKey),
            Convert.ToBase64String(privateKey.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));
}
