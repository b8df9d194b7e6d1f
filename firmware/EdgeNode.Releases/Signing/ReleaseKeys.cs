using System.Security.Cryptography;

namespace EdgeNode.Releases.Signing;

/// <summary>
/// The release key: ECDSA on P-256 with SHA-256, from .NET's own cryptography (OpenSSL underneath, which the node
/// loads anyway for its TLS link), so that verifying a release adds no library to the node. Keys are PEM files:
/// the private key PKCS#8, the public key SubjectPublicKeyInfo.
/// </summary>
public static class ReleaseKeys
{
    public const string Algorithm = "ecdsa-p256-sha256";

    /// <summary>A new key pair, generated here (on the maintainers' offline machine, never on the fleet).</summary>
    public static ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The key's short name: the first 8 bytes of the SHA-256 of its public key, in hexadecimal.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8]);

    public static ECDsa ReadPrivateKey(string path) => Read(path, "PRIVATE KEY", needsPrivate: true);

    public static ECDsa ReadPublicKey(string path) => Read(path, "PUBLIC KEY", needsPrivate: false);

    public static string PrivateKeyPem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();

    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    private static ECDsa Read(string path, string label, bool needsPrivate)
    {
        string pem = File.ReadAllText(path);
        ECDsa key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"{path} is not an ECDSA {label} in PEM form (as 'edgenode release keygen' writes): {e.Message}", e);
        }

        ECParameters parameters = key.ExportParameters(includePrivateParameters: false);
        bool isP256 = parameters.Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value || parameters.Curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256";
        if (!isP256)
        {
            key.Dispose();
            throw new InvalidDataException($"{path} is an ECDSA key on another curve than P-256: release keys are P-256.");
        }

        if (needsPrivate && !pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            key.Dispose();
            throw new InvalidDataException($"{path} holds a public key: signing needs the private key (release-key.private.pem).");
        }

        return key;
    }
}
