using System.Security.Cryptography;
using System.Text;
using EdgeNode.Releases.Bundle;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Signing;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Tests;

public sealed class ReleaseBundleTests : IDisposable
{
    private readonly ReleaseWorkspace _workspace = new();

    [Fact]
    public async Task A_packed_bundle_verifies_and_gives_back_every_file_as_it_was()
    {
        string bundle = await _workspace.PackAsync(version: "1.0.1", minimum: "1.0.0");
        var extracted = new Dictionary<string, MemoryStream>();

        VerifiedRelease release = await _workspace.ReadAsync(File.ReadAllBytes(bundle), extractTo: file => extracted[file.Path] = new MemoryStream());

        ReleaseManifest manifest = release.Manifest;
        Assert.Equal(("1.0.1", "linux-arm64", "1.0.0", "Correction du capteur de CO2."), (manifest.Version, manifest.Target, manifest.MinimumVersion, manifest.Notes));
        Assert.Equal(["edgenode", "libe_sqlite3.so"], manifest.Files.Select(f => f.Path));
        Assert.Equal([true, false], manifest.Files.Select(f => f.Executable));
        foreach (ReleaseFile file in manifest.Files)
        {
            byte[] original = File.ReadAllBytes(Path.Combine(_workspace.PublishDirectory, file.Path));
            Assert.Equal(original, extracted[file.Path].ToArray());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), file.Sha256);
            Assert.Equal(original.Length, file.Size);
        }

        Assert.Equal(ReleaseKeys.KeyId(_workspace.Key), release.Signature.KeyId);
    }

    [Fact]
    public async Task Files_in_subdirectories_travel_with_their_relative_path()
    {
        _workspace.WriteFile("runtimes/linux-arm64/native/libfoo.so", 1000, seed: 3, executable: false);

        string bundle = await _workspace.PackAsync();

        VerifiedRelease release = await _workspace.ReadAsync(File.ReadAllBytes(bundle));
        Assert.Contains(release.Manifest.Files, f => f.Path == "runtimes/linux-arm64/native/libfoo.so" && f.Size == 1000);
    }

    [Fact]
    public async Task An_unsigned_bundle_is_refused()
    {
        byte[] signed = File.ReadAllBytes(await _workspace.PackAsync());
        (string name, byte[] content)[] entries = Entries(signed).Where(e => e.Name != ReleaseBundleFormat.SignatureEntry).ToArray();

        ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(ReleaseWorkspace.Craft(entries)));

        Assert.Equal(BundleProblem.Unsigned, error.Problem);
        Assert.Contains("not signed", error.Message);
    }

    [Fact]
    public async Task A_bundle_signed_by_a_key_not_trusted_is_refused()
    {
        using ECDsa stranger = ReleaseKeys.Generate();
        byte[] bundle = File.ReadAllBytes(await _workspace.PackAsync(key: stranger));

        ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(bundle));

        Assert.Equal(BundleProblem.UnknownKey, error.Problem);
        Assert.Contains(ReleaseKeys.KeyId(stranger), error.Message);
    }

    [Fact]
    public async Task Several_trusted_keys_let_the_key_be_rotated_and_a_removed_key_is_no_longer_accepted()
    {
        using ECDsa next = ReleaseKeys.Generate();
        byte[] signedByOld = File.ReadAllBytes(await _workspace.PackAsync());
        byte[] signedByNext = File.ReadAllBytes(await _workspace.PackAsync(version: "1.0.2", key: next));
        using var during = new ReleaseTrust([ReleaseWorkspace.PublicCopy(_workspace.Key), ReleaseWorkspace.PublicCopy(next)]);
        using var after = new ReleaseTrust([ReleaseWorkspace.PublicCopy(next)]);

        Assert.Equal("1.0.1", (await _workspace.ReadAsync(signedByOld, during)).Manifest.Version);
        Assert.Equal("1.0.2", (await _workspace.ReadAsync(signedByNext, during)).Manifest.Version);
        Assert.Equal("1.0.2", (await _workspace.ReadAsync(signedByNext, after)).Manifest.Version);
        ReleaseBundleException revoked = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(signedByOld, after));
        Assert.Equal(BundleProblem.UnknownKey, revoked.Problem);
    }

    [Fact]
    public async Task One_byte_altered_anywhere_in_the_manifest_the_signature_or_any_file_is_refused()
    {
        byte[] bundle = File.ReadAllBytes(await _workspace.PackAsync());
        var random = new Random(7);
        int tried = 0;
        foreach ((string name, long offset, long length) in ReleaseWorkspace.DataRegions(bundle))
        {
            // The first and last byte of each entry, and 12 in between.
            IEnumerable<long> positions = new[] { 0L, length - 1 }.Concat(Enumerable.Range(0, 12).Select(_ => random.NextInt64(length)));
            foreach (long position in positions)
            {
                byte[] altered = (byte[])bundle.Clone();
                altered[offset + position] ^= (byte)(1 << random.Next(8));

                ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(altered));

                BundleProblem expected = name.StartsWith(ReleaseBundleFormat.FilesPrefix, StringComparison.Ordinal) ? BundleProblem.AlteredFile : BundleProblem.BadSignature;
                Assert.True(error.Problem == expected, $"byte {position} of {name}: {error.Problem}, {error.Message}");
                tried++;
            }
        }

        Assert.Equal(4 * 14, tried);
    }

    [Fact]
    public async Task A_file_longer_than_its_manifest_says_is_refused_before_it_is_read()
    {
        byte[] bundle = File.ReadAllBytes(await _workspace.PackAsync());
        (string Name, byte[] Content)[] entries = Entries(bundle);
        entries[2] = (entries[2].Name, [.. entries[2].Content, .. new byte[4096]]);

        ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(ReleaseWorkspace.Craft(entries)));

        Assert.Equal(BundleProblem.AlteredFile, error.Problem);
        Assert.Contains("304,096 bytes in the bundle".Replace(",", ""), error.Message.Replace(",", ""));
    }

    [Fact]
    public async Task A_missing_an_extra_or_a_reordered_file_is_refused()
    {
        (string Name, byte[] Content)[] entries = Entries(File.ReadAllBytes(await _workspace.PackAsync()));

        byte[] missing = ReleaseWorkspace.Craft(entries[..3]);
        byte[] extra = ReleaseWorkspace.Craft([.. entries, ("files/backdoor", [1, 2, 3])]);
        byte[] reordered = ReleaseWorkspace.Craft(entries[0], entries[1], entries[3], entries[2]);

        foreach (byte[] bundle in new[] { missing, extra, reordered })
        {
            ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(bundle));
            Assert.Equal(BundleProblem.AlteredFile, error.Problem);
        }
    }

    [Fact]
    public async Task What_is_not_a_bundle_at_all_is_refused_as_such()
    {
        byte[] noise = new byte[10_000];
        new Random(5).NextBytes(noise);
        byte[] signatureFirst = ReleaseWorkspace.Craft((ReleaseBundleFormat.SignatureEntry, [1]), (ReleaseBundleFormat.ManifestEntry, [2]));

        foreach (byte[] bundle in new[] { noise, signatureFirst, [] })
        {
            ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(bundle));
            Assert.Equal(BundleProblem.Malformed, error.Problem);
        }
    }

    [Fact]
    public async Task An_oversized_manifest_is_refused_without_being_read()
    {
        byte[] huge = new byte[ReleaseBundleLimits.MaximumManifestBytes + 1];

        ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() =>
            _workspace.ReadAsync(ReleaseWorkspace.Craft((ReleaseBundleFormat.ManifestEntry, huge), (ReleaseBundleFormat.SignatureEntry, [1]))));

        Assert.Equal(BundleProblem.TooLarge, error.Problem);
    }

    // Manifests the packer refuses to write, signed by the trusted key all the same (a maintainer's mistake, or a
    // stolen key used carelessly): the reader holds the line on its own.
    [Theory]
    [InlineData("too-many-files", BundleProblem.TooLarge)]
    [InlineData("file-too-large", BundleProblem.TooLarge)]
    [InlineData("total-too-large", BundleProblem.TooLarge)]
    [InlineData("path-escapes", BundleProblem.InvalidManifest)]
    [InlineData("absolute-path", BundleProblem.InvalidManifest)]
    [InlineData("duplicate", BundleProblem.InvalidManifest)]
    [InlineData("no-program", BundleProblem.InvalidManifest)]
    [InlineData("bad-version", BundleProblem.InvalidManifest)]
    [InlineData("minimum-above-version", BundleProblem.InvalidManifest)]
    [InlineData("unknown-target", BundleProblem.InvalidManifest)]
    [InlineData("unknown-field", BundleProblem.InvalidManifest)]
    [InlineData("missing-field", BundleProblem.InvalidManifest)]
    public async Task A_signed_manifest_that_breaks_a_rule_is_refused(string broken, BundleProblem expected)
    {
        string program = FileEntry("edgenode", 10, executable: true);
        string manifest = broken switch
        {
            "too-many-files" => Manifest(files: [program, .. Enumerable.Range(0, ReleaseBundleLimits.MaximumFiles).Select(i => FileEntry($"f{i}", 1))]),
            "file-too-large" => Manifest(files: [program, FileEntry("big", ReleaseBundleLimits.MaximumFileBytes + 1)]),
            "total-too-large" => Manifest(files: [program, FileEntry("a", ReleaseBundleLimits.MaximumFileBytes), FileEntry("b", ReleaseBundleLimits.MaximumFileBytes), FileEntry("c", 1)]),
            "path-escapes" => Manifest(files: [program, FileEntry("../../etc/cron.d/x", 1)]),
            "absolute-path" => Manifest(files: [program, FileEntry("/etc/passwd", 1)]),
            "duplicate" => Manifest(files: [program, FileEntry("EDGENODE", 10)]),
            "no-program" => Manifest(files: [FileEntry("edgenode", 10, executable: false)]),
            "bad-version" => Manifest(version: "1.0"),
            "minimum-above-version" => Manifest(minimum: "2.0.0"),
            "unknown-target" => Manifest(target: "win-x64"),
            "unknown-field" => Manifest(files: [program]).Replace("\"format\"", "\"install\": \"rm -rf /\", \"format\"", StringComparison.Ordinal),
            "missing-field" => Manifest(files: [program]).Replace("\"notes\": \"\",", "", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };
        byte[] bundle = ReleaseWorkspace.Craft((ReleaseBundleFormat.ManifestEntry, Encoding.UTF8.GetBytes(manifest)), (ReleaseBundleFormat.SignatureEntry, _workspace.SignatureFor(manifest)));

        ReleaseBundleException error = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.ReadAsync(bundle));

        Assert.True(error.Problem == expected, $"{error.Problem}: {error.Message}");
    }

    [Fact]
    public async Task The_packer_refuses_a_directory_that_would_make_a_bad_release()
    {
        for (int i = 0; i < ReleaseBundleLimits.MaximumFiles; i++)
        {
            File.WriteAllBytes(Path.Combine(_workspace.PublishDirectory, $"extra{i}.dll"), [1]);
        }

        ReleaseBundleException tooMany = await Assert.ThrowsAsync<ReleaseBundleException>(() => _workspace.PackAsync());
        Assert.Equal(BundleProblem.TooLarge, tooMany.Problem);

        foreach (string extra in Directory.GetFiles(_workspace.PublishDirectory, "extra*"))
        {
            File.Delete(extra);
        }

        File.CreateSymbolicLink(Path.Combine(_workspace.PublishDirectory, "link.so"), "libe_sqlite3.so");
        IOException link = await Assert.ThrowsAsync<IOException>(() => _workspace.PackAsync());
        Assert.Contains("symbolic link", link.Message);
        Assert.False(File.Exists(Path.Combine(_workspace.Root, "edgenode-1.0.1-linux-arm64.enb")));
    }

    [Fact]
    public async Task A_release_only_goes_to_its_target_forward_and_over_its_minimum_version()
    {
        VerifiedRelease release = await _workspace.ReadAsync(File.ReadAllBytes(await _workspace.PackAsync(version: "1.2.0", minimum: "1.1.0")));
        ReleaseManifest manifest = release.Manifest;

        ReleaseCompatibility.Check(manifest, "linux-arm64", ReleaseVersion.Parse("1.1.3"));
        ReleaseCompatibility.Check(manifest, "linux-arm64", current: null);
        Assert.Equal(BundleProblem.WrongTarget, Refusal(() => ReleaseCompatibility.Check(manifest, "linux-x64", ReleaseVersion.Parse("1.1.3"))));
        Assert.Equal(BundleProblem.NotNewer, Refusal(() => ReleaseCompatibility.Check(manifest, "linux-arm64", ReleaseVersion.Parse("1.2.0"))));
        Assert.Equal(BundleProblem.NotNewer, Refusal(() => ReleaseCompatibility.Check(manifest, "linux-arm64", ReleaseVersion.Parse("1.3.0"))));
        Assert.Equal(BundleProblem.BelowMinimumVersion, Refusal(() => ReleaseCompatibility.Check(manifest, "linux-arm64", ReleaseVersion.Parse("1.0.9"))));
    }

    public void Dispose() => _workspace.Dispose();

    private static BundleProblem Refusal(Action check) => Assert.Throws<ReleaseBundleException>(check).Problem;

    private static (string Name, byte[] Content)[] Entries(byte[] bundle)
    {
        var entries = new List<(string, byte[])>();
        using var tar = new System.Formats.Tar.TarReader(new MemoryStream(bundle));
        while (tar.GetNextEntry(copyData: true) is { } entry)
        {
            var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add((entry.Name, content.ToArray()));
        }

        return [.. entries];
    }

    private static string FileEntry(string path, long size, bool executable = false) =>
        $$"""{"path": "{{path}}", "size": {{size}}, "sha256": "{{new string('a', 64)}}", "executable": {{(executable ? "true" : "false")}}}""";

    private static string Manifest(string version = "1.0.1", string minimum = "0.0.0", string target = "linux-arm64", string[]? files = null) =>
        $$"""{"format": 1, "version": "{{version}}", "target": "{{target}}", "minimumVersion": "{{minimum}}", "createdAt": "2026-12-07T21:00:00+00:00", "notes": "", "files": [{{string.Join(",", files ?? [FileEntry("edgenode", 10, executable: true)])}}]}""";
}
