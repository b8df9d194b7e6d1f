using System.CommandLine;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.SelfTest;
using EdgeNode.Daemon.Status;

namespace EdgeNode.Daemon;

/// <summary>The <c>edgenode</c> command and its subcommands.</summary>
public static class EdgeNodeCommandLine
{
    public static RootCommand Create(TextWriter output) =>
        new("EdgeNode node: air-quality and traffic sensing on a lamppost.")
        {
            SelfTestCommand.Create(output),
            RunCommand.Create(output),
            StatusCommand.Create(output, TimeProvider.System),
        };
}
