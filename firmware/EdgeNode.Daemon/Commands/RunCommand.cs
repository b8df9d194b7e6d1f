using System.CommandLine;
using EdgeNode.Daemon.Emulation;
using EdgeNode.Daemon.Memory;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Commands;

/// <summary><c>edgenode run</c>: the node service, as systemd starts it (or on emulated sensors, sped up).</summary>
public static class RunCommand
{
    public static Command Create(TextWriter output)
    {
        var options = new RunArguments.Options();
        var command = new Command("run", "Run the node: sample, aggregate into windows, keep them durably.");
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            if (options.Read(result, output) is not { } run)
            {
                return 2;
            }

            HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            if (!NodeConfiguration.TryAdd(builder.Configuration, run, output, out string configurationDirectory))
            {
                return 2;
            }

            // One line per event. Under systemd, AddSystemd switches it to the journal's format: no timestamps (journald
            // adds its own) and <N> priority prefixes. It also makes systemd's lifetime the host's: READY=1 once the
            // services have started, STOPPING=1 on SIGTERM.
            builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Services.AddSystemd();
            builder.Services.AddNodeSettings(builder.Configuration, configurationDirectory);
            builder.Services.AddHostedService(sp => new StartupMemoryRelease(sp.GetRequiredService<ILogger<StartupMemoryRelease>>()));
            if (run.Emulated)
            {
                builder.Services.AddEmulatedHardware(run.Speed, run.History, run.Faults);
            }
            else
            {
                builder.Services.AddSingleton<INodeHardware>(_ => new LinuxNodeHardware());
            }

            builder.Services.AddNode();
            return await RunAsync(builder.Build(), output, cancellationToken);
        });
        return command;
    }

    /// <returns>2 for settings to fix (each problem said on <paramref name="output"/>), 1 when a stage failed (so that
    /// Restart=on-failure acts), 0 after a clean stop.</returns>
    private static async Task<int> RunAsync(IHost host, TextWriter output, CancellationToken cancellationToken)
    {
        await using var disposing = (IAsyncDisposable)host;
        try
        {
            // Every section checked before any stage is built (the host builds them all before running its own
            // check), so that all the problems are named at once.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (SettingsProblems(e) is { Count: > 0 } problems)
        {
            foreach (string problem in problems)
            {
                output.WriteLine($"Configuration: {problem}");
            }

            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunCommand).FullName!).LogCritical(e, "The node could not start: {Message}", e.Message);
            return 1;
        }

        // A stage that died (OutOfMemory under the GC heap cap, a full card) stops the host as a clean stop does, and the
        // host still returns normally: only a non-zero exit makes Restart=on-failure act.
        BackgroundService[] stages = [.. host.Services.GetServices<IHostedService>().OfType<BackgroundService>()];
        await host.WaitForShutdownAsync(cancellationToken);
        return stages.Any(s => s.ExecuteTask is { IsFaulted: true }) ? 1 : 0;
    }

    /// <summary>Every problem the settings' checks found at start, so that one edit fixes them all; empty when the failure is not the settings'.</summary>
    private static List<string> SettingsProblems(Exception e)
    {
        Exception[] failures = e is AggregateException all ? [.. all.Flatten().InnerExceptions] : [e];
        return failures.All(f => f is OptionsValidationException) ? [.. failures.OfType<OptionsValidationException>().SelectMany(f => f.Failures)] : [];
    }
}
