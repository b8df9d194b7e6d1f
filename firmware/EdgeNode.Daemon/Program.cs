using System.CommandLine;
using EdgeNode.Daemon.Commands;

// On SIGTERM the command line cancels the service and, by default, exits with 143 after 2 s whatever is left to do.
// The node needs a few seconds to store the window in progress and close its buffer: under systemd's TimeoutStopSec=60.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await EdgeNodeCommandLine.Create(Console.Out).Parse(EdgeNodeCommandLine.WithDefaultCommand(args)).InvokeAsync(invocation);
