using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests.NativeAot;

/// <summary>
/// The node as it ships: <c>edgenode</c> published with Native AOT for linux-x64 (run here) and linux-arm64 (run
/// under qemu-aarch64), once per test run, as README "Deploying on a Raspberry Pi" publishes it. Publishing takes
/// minutes, so the tests of the native binaries share one instance (<see cref="NativeNodeCollection"/>).
/// </summary>
public sealed class NativeNodeBinaries : IAsyncLifetime
{
    /// <summary>The Debian packages the cross-compilation and the emulation need, as test.sh installs them.</summary>
    public const string Packages = "clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static";

    /// <summary>The arm64 C library that qemu-aarch64 loads the binary's dependencies from (libc6-dev-arm64-cross).</summary>
    public const string Arm64LibraryRoot = "/usr/aarch64-linux-gnu";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(25);

    // Kept between runs (the repository's ignored .artifacts), so a second run compiles only what changed, and apart
    // from the framework-dependent build's bin and obj, which the other tests use.
    private static string ArtifactsDirectory => Path.Combine(RepositoryRoot, ".artifacts", "native-node");

    public string X64 => Path.Combine(ArtifactsDirectory, "linux-x64", "edgenode");

    public string Arm64 => Path.Combine(ArtifactsDirectory, "linux-arm64", "edgenode");

    public static string QemuAarch64 => "qemu-aarch64-static";

    public async Task InitializeAsync()
    {
        string[] missing = [.. MissingTools()];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The native binary tests need {string.Join(", ", missing)}. Install them with: sudo apt-get install -y {Packages}");
        }
        await PublishAsync("linux-x64");
        await PublishAsync("linux-arm64");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<string> MissingTools()
    {
        foreach (string tool in new[] { "clang", "ld.lld", "aarch64-linux-gnu-gcc", QemuAarch64 })
        {
            if (!OnPath(tool))
            {
                yield return tool;
            }
        }
        if (!File.Exists(Path.Combine(Arm64LibraryRoot, "lib", "libc.so.6")))
        {
            yield return $"the arm64 C library in {Arm64LibraryRoot}";
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));

    private static async Task PublishAsync(string runtime)
    {
        string output = Path.Combine(ArtifactsDirectory, runtime);
        await using var publish = new ChildProcess($"publish {runtime}", DotNet.Host,
            ["publish", Path.Combine(RepositoryRoot, "firmware", "EdgeNode.Daemon"), "-c", "Release", "-r", runtime, "-p:PublishAot=true",
                "--artifacts-path", Path.Combine(ArtifactsDirectory, "build"), "-o", output, "--nologo",
                // No MSBuild node or compiler server left behind holding this process's output open past its exit.
                "--disable-build-servers"],
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        publish.Start();
        int exitCode = await publish.WaitForExitAsync(PublishTimeout);
        if (exitCode != 0 || !File.Exists(Path.Combine(output, "edgenode")))
        {
            throw new InvalidOperationException($"dotnet publish -r {runtime} -p:PublishAot=true exited with {exitCode}:\n{publish.Tail(80)}");
        }
    }

    private static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "EdgeNode.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException($"No EdgeNode.sln above {AppContext.BaseDirectory}: the native binary tests publish from the repository.");
        }
    }
}
