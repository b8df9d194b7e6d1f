using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// How a receiver knows an alert came from this fleet and was not replayed: HMAC-SHA256, keyed with
/// <c>Fleet:Alerts:WebhookSecret</c>, over the Unix time of the attempt, a dot, and the body's exact bytes. The time
/// is signed so that a receiver can refuse an old request captured on the way (five minutes is a usual limit).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-EdgeNode-Timestamp";

    /// <summary>Holds <c>sha256=</c> and the HMAC in lower-case hex.</summary>
    public const string SignatureHeader = "X-EdgeNode-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        byte[] prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
