using System.CommandLine;
using System.Security.Cryptography;
using EdgeNode.Releases.Bundle;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Signing;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Daemon.Commands;

/// <summary>
/// <c>edgenode release keygen|pack|verify</c>: the maintainers' tools, run on their build machine (README, "Releasing
/// an update"). Exit codes: 0 done; 1 the bundle or the request is refused, with the reason; 2 an input cannot be read.
/// </summary>
public static class ReleaseCommand
{
    public const string PrivateKeyFile = "release-key.private.pem";

    public const string PublicKeyFile = "release-key.public.pem";

    public static Command Create(TextWriter output) =>
        new("release", "Make and check signed node releases (on the maintainers' machine, never on the fleet server).")
        {
            KeyGen(output),
            Pack(output),
            Verify(output),
        };

    private static Command KeyGen(TextWriter output)
    {
        var directory = new Option<string>("--output") { Description = "Directory to write the key pair into", Required = true };
        var command = new Command("keygen", $"Write a new release key pair: {PrivateKeyFile} (keep it offline) and {PublicKeyFile} (give it to nodes and the fleet).") { directory };
        command.SetAction(result =>
        {
            string target = result.GetValue(directory)!;
            string privatePath = Path.Combine(target, PrivateKeyFile);
            string publicPath = Path.Combine(target, PublicKeyFile);
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                output.WriteLine($"{target} already holds a release key; it is not overwritten (a lost private key means nodes must be given a new public key by hand). Choose another --output.");
                return 1;
            }

            if (OperatingSystem.IsWindows())
            {
                output.WriteLine("The private key is protected with Unix file modes: generate it on Linux.");
                return 2;
            }

            Directory.CreateDirectory(target);
            using ECDsa key = ReleaseKeys.Generate();
            // The private key is created readable by its owner only, before a byte of it is written.
            using (FileStream file = new(privatePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(ReleaseKeys.PrivateKeyPem(key));
            }

            File.WriteAllText(publicPath, ReleaseKeys.PublicKeyPem(key));
            output.WriteLine($"Release key {ReleaseKeys.KeyId(key)} written:");
            output.WriteLine($"  {privatePath}  private: keep it offline, it signs releases");
            output.WriteLine($"  {publicPath}  public: install it on nodes (/etc/edgenode/release-keys/) and give it to the fleet");
            return 0;
        });
        return command;
    }

    private static Command Pack(TextWriter output)
    {
        var publishDirectory = new Argument<string>("publish-directory") { Description = "What 'dotnet publish' of firmware/EdgeNode.Daemon wrote" };
        var version = new Option<string>("--version") { Description = "The release's version, MAJOR.MINOR.PATCH, greater than every earlier release", Required = true };
        var target = new Option<string>("--target") { Description = $"The runtime identifier it was published for: {string.Join(", ", ReleaseTargets.Supported)}", Required = true };
        var key = new Option<string>("--key") { Description = $"The private release key ({PrivateKeyFile})", Required = true };
        var bundle = new Option<string>("--output") { Description = $"The bundle file to write (e.g. edgenode-1.0.1-linux-arm64{ReleaseBundleFormat.Extension})", Required = true };
        var minimum = new Option<string>("--minimum-version") { Description = "The oldest installed version it may replace", DefaultValueFactory = _ => "0.0.0" };
        var notes = new Option<string>("--notes") { Description = "Release notes in French, shown to the staff who roll it out", DefaultValueFactory = _ => "" };
        var command = new Command("pack", "Pack a publish directory into one signed release bundle.") { publishDirectory, version, target, key, bundle, minimum, notes };
        command.SetAction(async (result, token) =>
        {
            if (!ReleaseVersion.TryParse(result.GetValue(version), out ReleaseVersion? parsedVersion)
                || !ReleaseVersion.TryParse(result.GetValue(minimum), out ReleaseVersion? parsedMinimum))
            {
                output.WriteLine($"--version and --minimum-version are MAJOR.MINOR.PATCH (e.g. 1.0.1); got '{result.GetValue(version)}' and '{result.GetValue(minimum)}'.");
                return 1;
            }

            try
            {
                using ECDsa privateKey = ReleaseKeys.ReadPrivateKey(result.GetValue(key)!);
                var request = new ReleasePackRequest(result.GetValue(publishDirectory)!, parsedVersion, result.GetValue(target)!, parsedMinimum,
                    result.GetValue(notes)!, privateKey, DateTimeOffset.UtcNow);
                string outputFile = result.GetValue(bundle)!;
                ReleaseManifest manifest = await ReleaseBundleWriter.PackAsync(request, outputFile, token);
                output.WriteLine($"{outputFile}: EdgeNode {manifest.Version} for {manifest.Target}, {manifest.Files.Count} files, {manifest.TotalSize:N0} bytes, signed by key {ReleaseKeys.KeyId(privateKey)}.");
                return 0;
            }
            catch (ReleaseBundleException e)
            {
                output.WriteLine($"Not packed: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                output.WriteLine($"Not packed: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Verify(TextWriter output)
    {
        var bundle = new Argument<string>("bundle") { Description = "The bundle file" };
        var trust = new Option<string[]>("--trust") { Description = $"A public release key to accept ({PublicKeyFile}); repeat for several", Required = true, AllowMultipleArgumentsPerToken = false };
        var command = new Command("verify", "Check a bundle's signature and every file in it, as a node does before installing it.") { bundle, trust };
        command.SetAction(async (result, token) =>
        {
            string path = result.GetValue(bundle)!;
            try
            {
                using ReleaseTrust trusted = ReleaseTrust.Load(result.GetValue(trust)!);
                await using FileStream file = File.OpenRead(path);
                VerifiedRelease release = await ReleaseBundleReader.ReadAsync(file, trusted, extractTo: null, token);
                ReleaseManifest manifest = release.Manifest;
                output.WriteLine($"{path}: good. EdgeNode {manifest.Version} for {manifest.Target} (replaces {manifest.MinimumVersion} or later), packed {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC, signed by key {release.Signature.KeyId}.");
                foreach (ReleaseFile each in manifest.Files)
                {
                    output.WriteLine($"  {each.Path}  {each.Size:N0} bytes  sha256 {each.Sha256}{(each.Executable ? "  executable" : "")}");
                }

                return 0;
            }
            catch (ReleaseBundleException e)
            {
                output.WriteLine($"{path}: REFUSED ({e.Problem}). {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                output.WriteLine($"Cannot verify {path}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
