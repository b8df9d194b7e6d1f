using System.Formats.Tar;
using System.Security.Cryptography;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Signing;

namespace EdgeNode.Releases.Bundle;

/// <summary>
/// Reads and checks a bundle in one pass (it may come from a network stream): the signature over the manifest, then
/// each file against the manifest's size and SHA-256, nothing more and nothing less.
/// </summary>
public static class ReleaseBundleReader
{
    private const int CopyBufferBytes = 64 * 1024;

    /// <summary>
    /// Verifies <paramref name="bundle"/>. Each file's bytes go to the stream <paramref name="extractTo"/> gives for
    /// it (or nowhere); when this throws, whatever was extracted must be thrown away by the caller.
    /// </summary>
    public static async Task<VerifiedRelease> ReadAsync(Stream bundle, ReleaseTrust trust, Func<ReleaseFile, Stream>? extractTo, CancellationToken token)
    {
        try
        {
            return await ReadCheckedAsync(bundle, trust, extractTo, token);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ReleaseBundleException(BundleProblem.Malformed, $"This is not a readable release bundle (a tar file as 'edgenode release pack' makes): {e.Message}", e);
        }
    }

    private static async Task<VerifiedRelease> ReadCheckedAsync(Stream bundle, ReleaseTrust trust, Func<ReleaseFile, Stream>? extractTo, CancellationToken token)
    {
        using var tar = new TarReader(bundle, leaveOpen: true);
        TarEntry manifestEntry = await NextAsync(tar, token)
            ?? throw new ReleaseBundleException(BundleProblem.Malformed, "The bundle is empty.");
        Expect(manifestEntry, ReleaseBundleFormat.ManifestEntry);
        byte[] manifestBytes = await ReadSmallAsync(manifestEntry, ReleaseBundleLimits.MaximumManifestBytes, "manifest", token);

        TarEntry? signatureEntry = await NextAsync(tar, token);
        if (signatureEntry is null || signatureEntry.Name != ReleaseBundleFormat.SignatureEntry)
        {
            throw new ReleaseBundleException(BundleProblem.Unsigned, $"The bundle is not signed: no {ReleaseBundleFormat.SignatureEntry} after the manifest. Sign it with 'edgenode release pack … --key'.");
        }

        Expect(signatureEntry, ReleaseBundleFormat.SignatureEntry);
        byte[] signatureBytes = await ReadSmallAsync(signatureEntry, ReleaseBundleLimits.MaximumSignatureBytes, "signature", token);

        VerifiedRelease release = ReleaseManifestReader.Verify(manifestBytes, signatureBytes, trust);
        foreach (ReleaseFile file in release.Manifest.Files)
        {
            TarEntry entry = await NextAsync(tar, token)
                ?? throw new ReleaseBundleException(BundleProblem.AlteredFile, $"The bundle ends before file '{file.Path}', which its manifest lists.");
            if (entry.Name != ReleaseBundleFormat.FilesPrefix + file.Path)
            {
                throw new ReleaseBundleException(BundleProblem.AlteredFile, $"The bundle carries '{entry.Name}' where its manifest lists '{file.Path}'.");
            }

            Expect(entry, entry.Name);
            if (entry.Length != file.Size)
            {
                throw new ReleaseBundleException(BundleProblem.AlteredFile, $"File '{file.Path}' is {entry.Length} bytes in the bundle; the manifest says {file.Size}.");
            }

            await CopyCheckedAsync(entry, file, extractTo, token);
        }

        if (await NextAsync(tar, token) is { } extra)
        {
            throw new ReleaseBundleException(BundleProblem.AlteredFile, $"The bundle carries '{extra.Name}', which its manifest does not list.");
        }

        return release;
    }

    private static async Task CopyCheckedAsync(TarEntry entry, ReleaseFile file, Func<ReleaseFile, Stream>? extractTo, CancellationToken token)
    {
        Stream? target = extractTo?.Invoke(file);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[CopyBufferBytes];
            long left = file.Size;
            Stream data = entry.DataStream ?? Stream.Null;
            while (left > 0)
            {
                int read = await data.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), token);
                if (read == 0)
                {
                    throw new ReleaseBundleException(BundleProblem.AlteredFile, $"The bundle ends inside file '{file.Path}'.");
                }

                hash.AppendData(buffer, 0, read);
                if (target is not null)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), token);
                }

                left -= read;
            }

            string actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != file.Sha256)
            {
                throw new ReleaseBundleException(BundleProblem.AlteredFile, $"File '{file.Path}' does not match its manifest (SHA-256 {actual[..12]}…, expected {file.Sha256[..12]}…): it was altered or damaged.");
            }
        }
        finally
        {
            if (target is not null)
            {
                await target.DisposeAsync();
            }
        }
    }

    private static ValueTask<TarEntry?> NextAsync(TarReader tar, CancellationToken token) => tar.GetNextEntryAsync(copyData: false, token);

    private static void Expect(TarEntry entry, string name)
    {
        if (entry.Name != name)
        {
            throw new ReleaseBundleException(BundleProblem.Malformed, $"The bundle starts with '{entry.Name}', not {name}.");
        }

        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
        {
            throw new ReleaseBundleException(BundleProblem.Malformed, $"'{entry.Name}' in the bundle is a {entry.EntryType}, not a plain file.");
        }
    }

    private static async Task<byte[]> ReadSmallAsync(TarEntry entry, int limit, string what, CancellationToken token)
    {
        if (entry.Length > limit)
        {
            throw new ReleaseBundleException(BundleProblem.TooLarge, $"The bundle's {what} is {entry.Length} bytes; at most {limit}.");
        }

        byte[] bytes = new byte[entry.Length];
        await (entry.DataStream ?? Stream.Null).ReadExactlyAsync(bytes, token);
        return bytes;
    }
}
