namespace EdgeNode.EndToEnd.Tests;

internal static class DotNet
{
    /// <summary>The dotnet host running the tests; the SDK sets DOTNET_HOST_PATH for test runs.</summary>
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
}
