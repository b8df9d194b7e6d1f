using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Signing;

namespace EdgeNode.Releases.Bundle;

/// <summary>Packs a publish directory into a signed bundle (<see cref="ReleaseBundleFormat"/>).</summary>
public static class ReleaseBundleWriter
{
    /// <summary>
    /// Writes the bundle to <paramref name="outputFile"/> (through a temporary file beside it, so a half-written bundle
    /// never carries the final name). Throws <see cref="ReleaseBundleException"/> when the directory would make an
    /// invalid release, <see cref="IOException"/> when it changes while being packed.
    /// </summary>
    public static async Task<ReleaseManifest> PackAsync(ReleasePackRequest request, string outputFile, CancellationToken token)
    {
        string root = Path.GetFullPath(request.PublishDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root} does not exist: give the directory 'dotnet publish' wrote (e.g. firmware/EdgeNode.Daemon/bin/Release/net10.0/linux-arm64/publish).");
        }

        List<ReleaseFile> files = [];
        foreach (string path in ListFiles(root))
        {
            files.Add(await DescribeAsync(root, path, token));
        }

        var manifest = new ReleaseManifest(ReleaseManifest.CurrentFormat, request.Version.ToString(), request.Target, request.MinimumVersion.ToString(),
            request.CreatedAt.ToUniversalTime(), request.Notes, files);
        ReleaseManifestRules.Check(manifest);
        byte[] manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ReleaseJsonContext.Default.ReleaseManifest);
        byte[] signatureBytes = JsonSerializer.SerializeToUtf8Bytes(ReleaseSigner.Sign(manifestBytes, request.PrivateKey), ReleaseJsonContext.Default.ReleaseSignature);

        string temporary = outputFile + ".partial";
        try
        {
            await using (FileStream output = File.Create(temporary))
            {
                await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
                {
                    await WriteEntryAsync(tar, ReleaseBundleFormat.ManifestEntry, new MemoryStream(manifestBytes), executable: false, request.CreatedAt, token);
                    await WriteEntryAsync(tar, ReleaseBundleFormat.SignatureEntry, new MemoryStream(signatureBytes), executable: false, request.CreatedAt, token);
                    foreach (ReleaseFile file in files)
                    {
                        await using FileStream content = File.OpenRead(Path.Combine(root, file.Path));
                        await using var checkedContent = new ContentCheck(content, file);
                        await WriteEntryAsync(tar, ReleaseBundleFormat.FilesPrefix + file.Path, checkedContent, file.Executable, request.CreatedAt, token);
                        checkedContent.ThrowIfChanged();
                    }
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, outputFile, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return manifest;
    }

    private static IEnumerable<string> ListFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (string entry in Directory.EnumerateFileSystemEntries(root, "*", options).Order(StringComparer.Ordinal))
        {
            FileSystemInfo info = File.GetAttributes(entry).HasFlag(FileAttributes.Directory) ? new DirectoryInfo(entry) : new FileInfo(entry);
            if (info.LinkTarget is not null)
            {
                throw new IOException($"{entry} is a symbolic link; a release carries plain files only (publish without links, or copy the target in).");
            }

            if (info is FileInfo)
            {
                yield return Path.GetRelativePath(root, entry).Replace(Path.DirectorySeparatorChar, '/');
            }
        }
    }

    private static async Task<ReleaseFile> DescribeAsync(string root, string relative, CancellationToken token)
    {
        string path = Path.Combine(root, relative);
        await using FileStream content = File.OpenRead(path);
        byte[] hash = await SHA256.HashDataAsync(content, token);
        bool executable = !OperatingSystem.IsWindows() && File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute);
        return new ReleaseFile(relative, content.Length, Convert.ToHexStringLower(hash), executable);
    }

    private static async Task WriteEntryAsync(TarWriter tar, string name, Stream content, bool executable, DateTimeOffset createdAt, CancellationToken token)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = content,
            ModificationTime = createdAt,
            Mode = executable
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        await tar.WriteEntryAsync(entry, token);
    }
}
