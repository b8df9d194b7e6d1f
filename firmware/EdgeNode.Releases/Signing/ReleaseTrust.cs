using System.Security.Cryptography;
using EdgeNode.Releases.Refusals;

namespace EdgeNode.Releases.Signing;

/// <summary>
/// The public release keys a reader accepts. Several at once is how a key is rotated: nodes get the new public key
/// beside the old one, releases are then signed with the new one, and the old one is removed (revoked) from the
/// nodes' trust, after which nothing it signs installs.
/// </summary>
public sealed class ReleaseTrust : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys;

    public ReleaseTrust(IEnumerable<ECDsa> keys)
    {
        _keys = [];
        foreach (ECDsa key in keys)
        {
            _keys[ReleaseKeys.KeyId(key)] = key;
        }
    }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Reads each PEM public key file (throws <see cref="InvalidDataException"/> naming the bad one).</summary>
    public static ReleaseTrust Load(IEnumerable<string> publicKeyFiles) => new(publicKeyFiles.Select(ReleaseKeys.ReadPublicKey).ToList());

    /// <summary>Throws <see cref="ReleaseBundleException"/> unless a trusted key made <paramref name="signature"/> over exactly <paramref name="manifest"/>.</summary>
    public void Verify(ReadOnlySpan<byte> manifest, ReleaseSignature signature)
    {
        if (signature.Algorithm != ReleaseKeys.Algorithm)
        {
            throw new ReleaseBundleException(BundleProblem.BadSignature, $"The bundle is signed with '{signature.Algorithm}'; releases are signed with {ReleaseKeys.Algorithm}.");
        }

        if (!_keys.TryGetValue(signature.KeyId, out ECDsa? key))
        {
            throw new ReleaseBundleException(BundleProblem.UnknownKey,
                $"The bundle is signed by key {signature.KeyId}, which is not trusted here (trusted: {(_keys.Count == 0 ? "none" : string.Join(", ", _keys.Keys))}).");
        }

        byte[] value;
        try
        {
            value = Convert.FromBase64String(signature.Signature);
        }
        catch (FormatException e)
        {
            throw new ReleaseBundleException(BundleProblem.BadSignature, "The bundle's signature is not base64.", e);
        }

        if (!key.VerifyData(manifest, value, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw new ReleaseBundleException(BundleProblem.BadSignature,
                $"The manifest's signature does not verify with key {signature.KeyId}: the manifest was altered after signing, or the signature is forged.");
        }
    }

    public void Dispose()
    {
        foreach (ECDsa key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
