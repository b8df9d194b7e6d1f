using System.CommandLine;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Daemon.Status;

namespace EdgeNode.Daemon.Commands;

/// <summary>The <c>edgenode</c> command and its subcommands.</summary>
public static class EdgeNodeCommandLine
{
    public static RootCommand Create(TextWriter output) =>
        new("EdgeNode node: air-quality and traffic sensing on a lamppost. Without a command, options go to 'run'.")
        {
            SelfTestCommand.Create(output),
            RunCommand.Create(output),
            StatusCommand.Create(output, TimeProvider.System),
            ReleaseCommand.Create(output),
            UpdateCommand.Create(output),
        };

    /// <summary>
    /// The arguments as the commands expect them: <c>edgenode --emulate</c> (and <c>dotnet run -- --emulate</c>)
    /// means <c>edgenode run --emulate</c>, since running the node is what the program is for.
    /// </summary>
    public static string[] WithDefaultCommand(string[] args) =>
        args.Length > 0 && args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version") ? ["run", .. args] : args;
}
