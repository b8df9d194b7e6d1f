using System.Formats.Tar;
using EdgeNode.Daemon.Commands;

namespace EdgeNode.Daemon.Tests.Commands;

/// <summary>The maintainers' commands as the README gives them, keygen → pack → verify, and their refusals.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReleaseCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edgenode-release-command-").FullName;

    private string Keys => Path.Combine(_root, "keys");

    private string Publish => Path.Combine(_root, "publish");

    [Fact]
    public async Task Keygen_pack_and_verify_make_and_accept_a_signed_bundle()
    {
        WritePublish();

        (int keygen, string keygenOutput) = await Run("release", "keygen", "--output", Keys);
        (int pack, string packOutput) = await Run("release", "pack", Publish, "--version", "1.0.1", "--target", "linux-arm64",
            "--key", Path.Combine(Keys, ReleaseCommand.PrivateKeyFile), "--output", Bundle, "--notes", "Corrige la lecture du SDS011.");
        (int verify, string verifyOutput) = await Run("release", "verify", Bundle, "--trust", Path.Combine(Keys, ReleaseCommand.PublicKeyFile));

        Assert.True(keygen == 0, keygenOutput);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Keys, ReleaseCommand.PrivateKeyFile)));
        Assert.True(pack == 0, packOutput);
        Assert.Contains("EdgeNode 1.0.1 for linux-arm64, 2 files", packOutput);
        Assert.True(verify == 0, verifyOutput);
        Assert.Contains("good", verifyOutput);
        Assert.Contains("edgenode  2,000 bytes", verifyOutput);
        Assert.Contains("executable", verifyOutput);
    }

    [Fact]
    public async Task Verify_refuses_an_altered_bundle_and_a_stranger_s_key_with_the_reason_and_exit_code_1()
    {
        WritePublish();
        string otherKeys = Path.Combine(_root, "other");
        await Run("release", "keygen", "--output", Keys);
        await Run("release", "keygen", "--output", otherKeys);
        await Run("release", "pack", Publish, "--version", "1.0.1", "--target", "linux-arm64", "--key", Path.Combine(Keys, ReleaseCommand.PrivateKeyFile), "--output", Bundle);

        (int stranger, string strangerOutput) = await Run("release", "verify", Bundle, "--trust", Path.Combine(otherKeys, ReleaseCommand.PublicKeyFile));
        AlterLastByteOfTheProgram();
        (int altered, string alteredOutput) = await Run("release", "verify", Bundle, "--trust", Path.Combine(Keys, ReleaseCommand.PublicKeyFile));

        Assert.Equal(1, stranger);
        Assert.Contains("REFUSED (UnknownKey)", strangerOutput);
        Assert.Equal(1, altered);
        Assert.Contains("REFUSED (AlteredFile)", alteredOutput);
        Assert.Contains("'edgenode' does not match its manifest", alteredOutput);
    }

    [Fact]
    public async Task Pack_refuses_a_bad_version_and_an_unknown_target_and_keygen_never_overwrites_a_key()
    {
        WritePublish();
        await Run("release", "keygen", "--output", Keys);
        string privateKey = File.ReadAllText(Path.Combine(Keys, ReleaseCommand.PrivateKeyFile));

        (int badVersion, string badVersionOutput) = await Run("release", "pack", Publish, "--version", "1.0", "--target", "linux-arm64", "--key", Path.Combine(Keys, ReleaseCommand.PrivateKeyFile), "--output", Bundle);
        (int badTarget, string badTargetOutput) = await Run("release", "pack", Publish, "--version", "1.0.1", "--target", "win-x64", "--key", Path.Combine(Keys, ReleaseCommand.PrivateKeyFile), "--output", Bundle);
        (int publicAsPrivate, string publicAsPrivateOutput) = await Run("release", "pack", Publish, "--version", "1.0.1", "--target", "linux-arm64", "--key", Path.Combine(Keys, ReleaseCommand.PublicKeyFile), "--output", Bundle);
        (int again, string againOutput) = await Run("release", "keygen", "--output", Keys);

        Assert.Equal(1, badVersion);
        Assert.Contains("MAJOR.MINOR.PATCH", badVersionOutput);
        Assert.Equal(1, badTarget);
        Assert.Contains("target 'win-x64' is not one of linux-arm64", badTargetOutput);
        Assert.Equal(2, publicAsPrivate);
        Assert.Contains("signing needs the private key", publicAsPrivateOutput);
        Assert.False(File.Exists(Bundle));
        Assert.Equal(1, again);
        Assert.Contains("not overwritten", againOutput);
        Assert.Equal(privateKey, File.ReadAllText(Path.Combine(Keys, ReleaseCommand.PrivateKeyFile)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Bundle => Path.Combine(_root, "edgenode-1.0.1-linux-arm64.enb");

    private void WritePublish()
    {
        Directory.CreateDirectory(Publish);
        File.WriteAllBytes(Path.Combine(Publish, "edgenode"), Enumerable.Range(0, 2000).Select(i => (byte)i).ToArray());
        File.SetUnixFileMode(Path.Combine(Publish, "edgenode"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllBytes(Path.Combine(Publish, "libe_sqlite3.so"), new byte[500]);
    }

    private void AlterLastByteOfTheProgram()
    {
        using var tar = new TarReader(new MemoryStream(File.ReadAllBytes(Bundle)));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == "files/edgenode")
            {
                using FileStream file = File.Open(Bundle, FileMode.Open);
                file.Position = entry.DataOffset + entry.Length - 1;
                int last = file.ReadByte();
                file.Position--;
                file.WriteByte((byte)(last ^ 0x01));
                return;
            }
        }

        throw new InvalidOperationException("no files/edgenode in the bundle");
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        int exitCode = await EdgeNodeCommandLine.Create(output).Parse(args).InvokeAsync();
        return (exitCode, output.ToString());
    }
}
