using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using EdgeNode.Releases.Bundle;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Signing;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Tests;

/// <summary>A temporary directory with a publish output, a release key and the tools to pack, read and tamper with bundles.</summary>
internal sealed class ReleaseWorkspace : IDisposable
{
    public ReleaseWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("edgenode-release-").FullName;
        PublishDirectory = Path.Combine(Root, "publish");
        Directory.CreateDirectory(PublishDirectory);
        WriteFile("edgenode", 300_000, seed: 1, executable: true);
        WriteFile("libe_sqlite3.so", 120_000, seed: 2, executable: false);
        Key = ReleaseKeys.Generate();
        Trust = new ReleaseTrust([PublicCopy(Key)]);
    }

    public string Root { get; }

    public string PublishDirectory { get; }

    public ECDsa Key { get; }

    public ReleaseTrust Trust { get; }

    public string WriteFile(string relative, int size, int seed, bool executable)
    {
        string path = Path.Combine(PublishDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        byte[] content = new byte[size];
        new Random(seed).NextBytes(content);
        File.WriteAllBytes(path, content);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Releases are packed on Linux.");
        }

        File.SetUnixFileMode(path, executable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        return path;
    }

    public async Task<string> PackAsync(string version = "1.0.1", string target = "linux-arm64", string minimum = "0.0.0", ECDsa? key = null)
    {
        string bundle = Path.Combine(Root, $"edgenode-{version}-{target}.enb");
        var request = new ReleasePackRequest(PublishDirectory, ReleaseVersion.Parse(version), target, ReleaseVersion.Parse(minimum), "Correction du capteur de CO2.",
            key ?? Key, new DateTimeOffset(2026, 12, 7, 21, 0, 0, TimeSpan.Zero));
        await ReleaseBundleWriter.PackAsync(request, bundle, CancellationToken.None);
        return bundle;
    }

    public Task<VerifiedRelease> ReadAsync(byte[] bundle, ReleaseTrust? trust = null, Func<EdgeNode.Releases.Manifest.ReleaseFile, Stream>? extractTo = null) =>
        ReleaseBundleReader.ReadAsync(new MemoryStream(bundle), trust ?? Trust, extractTo, CancellationToken.None);

    /// <summary>A tar with exactly these entries, as an attacker (or a broken tool) could write it.</summary>
    public static byte[] Craft(params (string Name, byte[] Content)[] entries)
    {
        var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }

        return output.ToArray();
    }

    /// <summary>The signature entry a trusted key makes over <paramref name="manifest"/>: for manifests the packer would refuse to write.</summary>
    public byte[] SignatureFor(string manifest) =>
        Encoding.UTF8.GetBytes($$"""{"algorithm":"{{ReleaseKeys.Algorithm}}","keyId":"{{ReleaseKeys.KeyId(Key)}}","signature":"{{ReleaseSigner.Sign(Encoding.UTF8.GetBytes(manifest), Key).Signature}}"}""");

    /// <summary>Where each entry's content starts and how long it is, in the bundle's bytes.</summary>
    public static List<(string Name, long Offset, long Length)> DataRegions(byte[] bundle)
    {
        var regions = new List<(string, long, long)>();
        using var tar = new TarReader(new MemoryStream(bundle));
        while (tar.GetNextEntry() is { } entry)
        {
            regions.Add((entry.Name, entry.DataOffset, entry.Length));
        }

        return regions;
    }

    public static ECDsa PublicCopy(ECDsa key)
    {
        ECDsa copy = ECDsa.Create();
        copy.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        return copy;
    }

    public void Dispose()
    {
        Trust.Dispose();
        Key.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
