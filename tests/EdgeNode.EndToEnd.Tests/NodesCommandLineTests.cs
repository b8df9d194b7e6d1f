using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// The fleet's <c>nodes</c> command run by an admin in a shell that lacks the fleet's settings: it must say which it
/// needs and leave no database behind, instead of reporting an empty fleet from a database it just made.
/// </summary>
public sealed class NodesCommandLineTests
{
    [Fact]
    public async Task Nodes_list_without_the_fleets_settings_refuses_naming_the_setting_and_creates_nothing()
    {
        using var elsewhere = new TemporaryDirectory("edgenode-e2e-cli-");

        (int exitCode, string output) = await RunAsync(elsewhere.Path, new Dictionary<string, string>(), "list");

        Assert.Equal(2, exitCode);
        Assert.Contains("Fleet:Storage:ConnectionString", output, StringComparison.Ordinal);
        Assert.Contains("Fleet__Storage__ConnectionString", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public async Task A_database_setting_that_names_no_existing_database_is_refused_and_the_database_is_not_created()
    {
        using var elsewhere = new TemporaryDirectory("edgenode-e2e-cli-");
        string database = elsewhere.File("typo-fleet.db");

        (int exitCode, string output) = await RunAsync(elsewhere.Path, new Dictionary<string, string>
        {
            ["Fleet__Storage__ConnectionString"] = $"Data Source={database}",
            ["Fleet__DataDirectory"] = elsewhere.File("data"),
        }, "disable", "saint-jean-mairie");

        Assert.Equal(2, exitCode);
        Assert.Contains($"{database} (Fleet:Storage:ConnectionString) does not exist", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere.Path));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, Dictionary<string, string> environment, params string[] arguments)
    {
        await using var command = new ChildProcess("fleet nodes", DotNet.Host, [FleetUnderTest.FleetAssembly, "nodes", .. arguments], environment) { WorkingDirectory = workingDirectory };
        command.Start();
        int exitCode = await command.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, command.Output);
    }
}
