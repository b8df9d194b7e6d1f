namespace EdgeNode.Releases.Manifest;

/// <summary>The runtime identifiers a release may be built for (README, "Deploying on a Raspberry Pi").</summary>
public static class ReleaseTargets
{
    /// <summary>linux-arm64: the Pi 3/4/5 on a 64-bit OS, native; linux-arm: 32-bit OS; linux-x64: emulated nodes, tests.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["linux-arm64", "linux-arm", "linux-x64"];

    public static bool IsSupported(string target) => Supported.Contains(target, StringComparer.Ordinal);
}
