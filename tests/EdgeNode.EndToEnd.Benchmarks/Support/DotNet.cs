namespace EdgeNode.EndToEnd.Benchmarks.Support;

internal static class DotNet
{
    /// <summary>The dotnet host, to run EdgeNode.Fleet.dll with: the one running us if it is dotnet, else the one on PATH.</summary>
    public static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
