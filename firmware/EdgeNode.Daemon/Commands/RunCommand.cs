using System.CommandLine;
using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Emulation;
using EdgeNode.Daemon.Gpio;
using EdgeNode.Daemon.Memory;
using EdgeNode.Daemon.Node;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Daemon.Systemd;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Ops243;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Commands;

/// <summary><c>edgenode run</c>: the node service, as systemd starts it (or on emulated sensors, sped up).</summary>
public static class RunCommand
{
    public const string DefaultConfigurationFile = "/etc/edgenode/edgenode.json";

    /// <summary>The file the fleet's enrolment writes, read from the configuration file's directory after it.</summary>
    public const string EnrolmentFileName = "fleet.json";

    /// <summary>
    /// Where the service's defaults differ from its parts': the radar reports in 5 s slices and closes a passage
    /// 1 s after its last report, so windows wait 10 s after their end for what was recorded inside them.
    /// </summary>
    private static readonly KeyValuePair<string, string?>[] ServiceDefaults =
    [
        new("Aggregation:LateArrivalGrace", "00:00:10"),
    ];

    /// <summary>
    /// So that <c>edgenode --emulate</c> runs as it is on a developer's machine: an id and a data directory anyone
    /// can write; a configuration file or EDGENODE_ variables still override them.
    /// </summary>
    private static readonly KeyValuePair<string, string?>[] EmulationDefaults =
    [
        new("Node:Id", "emulated-node"),
        new("Node:DataDirectory", Path.Combine(Path.GetTempPath(), "edgenode-emulated")),
    ];

    public static Command Create(TextWriter output)
    {
        var configFile = new Option<string?>("--config") { Description = $"Configuration file (default {DefaultConfigurationFile}; EDGENODE_ environment variables override it, e.g. EDGENODE_Node__Id)" };
        var dataDirectory = new Option<string?>("--data-directory") { Description = "Overrides Node:DataDirectory" };
        var emulate = new Option<bool>("--emulate") { Description = "Run on any machine, on emulated sensors measuring a realistic village day and road (the same every run for a given Node:Id)" };
        var speed = new Option<double>("--speed") { Description = "With --emulate: how many times faster than real time (1000 was seen to work: a day in 86 s)", DefaultValueFactory = _ => 1 };
        var history = new Option<TimeSpan?>("--history") { Description = "With --emulate and --speed: start this long ago (e.g. 7.00:00:00) and run fast only until the present, then at real time" };
        var faults = new Option<string[]>("--fault")
        {
            Description = $"With --emulate: inject a fault at start, SENSOR=KIND, KIND one of not-present, not-answering, corrupt-data, out-of-range, stuck (repeatable). "
                + $"While running, edit <data directory>/{FaultControlFile.FileName} (one SENSOR=KIND per line, read every {FaultControlFileWatcher.PollInterval.TotalSeconds:0} s) to inject, change or clear faults",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("run", "Run the node: sample, aggregate into windows, keep them durably.") { configFile, dataDirectory, emulate, speed, history, faults };
        command.SetAction(async (result, cancellationToken) =>
        {
            string? explicitFile = result.GetValue(configFile) is { } given ? Path.GetFullPath(given) : null;
            if (explicitFile is not null && !File.Exists(explicitFile))
            {
                output.WriteLine($"Configuration file {explicitFile} not found.");
                return 2;
            }

            bool emulated = result.GetValue(emulate);
            double factor = result.GetValue(speed);
            if (factor < 1 || (factor > 1 && !emulated))
            {
                output.WriteLine("--speed takes a factor of at least 1, and only with --emulate.");
                return 2;
            }

            TimeSpan? past = result.GetValue(history);
            if (past is { } p && (p <= TimeSpan.Zero || factor <= 1))
            {
                output.WriteLine("--history takes a positive duration, and only with --emulate and a --speed above 1.");
                return 2;
            }

            if (StartFaults(output, result.GetValue(faults) ?? [], emulated) is not { } injected)
            {
                return 2;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            string configurationFile = Path.GetFullPath(explicitFile ?? DefaultConfigurationFile);
            string configurationDirectory = Path.GetDirectoryName(configurationFile)!;
            try
            {
                builder.Configuration
                    .AddInMemoryCollection(ServiceDefaults)
                    .AddInMemoryCollection(emulated ? EmulationDefaults : [])
                    .AddJsonFile(configurationFile, optional: explicitFile is null)
                    // What enrolment gave the node (its id, the broker, its credential, the CA) sits in a file of its
                    // own beside the configuration, so that a technician copies it in without editing anything.
                    .AddJsonFile(Path.Combine(configurationDirectory, EnrolmentFileName), optional: true)
                    .AddEnvironmentVariables("EDGENODE_");
            }
            catch (InvalidDataException e)
            {
                output.WriteLine($"Configuration file {explicitFile ?? DefaultConfigurationFile} cannot be read: {e.Message} {e.InnerException?.Message}");
                return 2;
            }

            if (result.GetValue(dataDirectory) is { } directory)
            {
                builder.Configuration.AddInMemoryCollection([new("Node:DataDirectory", directory)]);
            }

            NodeOptions node;
            SensorsOptions sensors;
            WindowAggregationOptions aggregation;
            PollutionAlertOptions alerts;
            UplinkOptions uplink;
            GpioOptions gpio;
            try
            {
                node = builder.Configuration.GetSection(NodeOptions.SectionName).Get<NodeOptions>() ?? new NodeOptions();
                sensors = builder.Configuration.GetSection(SensorsOptions.SectionName).Get<SensorsOptions>() ?? new SensorsOptions();
                aggregation = builder.Configuration.GetSection(WindowAggregationOptions.SectionName).Get<WindowAggregationOptions>() ?? new WindowAggregationOptions();
                alerts = builder.Configuration.GetSection(PollutionAlertOptions.SectionName).Get<PollutionAlertOptions>() ?? new PollutionAlertOptions();
                uplink = builder.Configuration.GetSection(UplinkOptions.SectionName).Get<UplinkOptions>() ?? new UplinkOptions();
                gpio = builder.Configuration.GetSection(GpioOptions.SectionName).Get<GpioOptions>() ?? new GpioOptions();
                if (uplink.CaFile.Length > 0)
                {
                    // Relative to the configuration, as enrolment writes it ("fleet-ca.pem" next to fleet.json).
                    uplink.CaFile = Path.GetFullPath(uplink.CaFile, configurationDirectory);
                }
            }
            catch (InvalidOperationException e)
            {
                // The binder names the setting and the value it could not convert.
                output.WriteLine($"Configuration: {e.Message}");
                return 2;
            }

            if (!Valid(output, node, sensors, aggregation, alerts, uplink, gpio))
            {
                return 2;
            }

            SensorWiring wiring = sensors.ToWiring() with { Pms5003SetPin = gpio.Pms5003SetPin, ParticulatePowerPin = gpio.ParticulatePowerPin };
            // One line per event. Under systemd, AddSystemd switches it to the journal's format: no timestamps (journald
            // adds its own) and <N> priority prefixes. It also makes systemd's lifetime the host's: READY=1 once the
            // services have started, STOPPING=1 on SIGTERM.
            builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Services.AddSystemd();
            if (emulated)
            {
                // The watcher is registered first: hosts start services in order, so the start faults are in
                // place before the node's service looks for its sensors.
                builder.Services.AddSingleton<INodeHardware>(_ => Emulated(wiring, factor, past, node.Id));
                builder.Services.AddSingleton(sp => new RuntimeFaults(
                    (EmulatedNodeHardware)sp.GetRequiredService<INodeHardware>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeNode.Emulation")));
                builder.Services.AddHostedService(sp => new FaultControlFileWatcher(
                    node.DataDirectory, sp.GetRequiredService<RuntimeFaults>(), wiring, injected, sp.GetRequiredService<ILogger<FaultControlFileWatcher>>()));
            }
            else
            {
                builder.Services.AddSingleton<INodeHardware>(_ => new LinuxNodeHardware());
            }

            builder.Services.AddSingleton(sp => new SystemdWatchdog(sp.GetService<ISystemdNotifier>()));
            builder.Services.AddHostedService(sp => new StartupMemoryRelease(sp.GetRequiredService<ILogger<StartupMemoryRelease>>()));
            builder.Services.AddHostedService(sp =>
            {
                var service = new NodeService(
                    sp.GetRequiredService<INodeHardware>(), node, wiring, aggregation, alerts, uplink, sp.GetRequiredService<SystemdWatchdog>(), sp.GetRequiredService<ILoggerFactory>(), gpio);
                if (emulated)
                {
                    service.SensorIdentified += sp.GetRequiredService<RuntimeFaults>().Identified;
                }

                return service;
            });
            using IHost host = builder.Build();

            // A service that died (OutOfMemory under the GC heap cap, a full card at start) stops the host as a clean
            // stop does, and the host still returns normally: only a non-zero exit makes Restart=on-failure act.
            // Resolved before running: RunAsync disposes the host's services when it returns.
            BackgroundService[] services = [.. host.Services.GetServices<IHostedService>().OfType<BackgroundService>()];
            await host.RunAsync(cancellationToken);
            return services.Any(s => s.ExecuteTask is { IsFaulted: true }) ? 1 : 0;
        });
        return command;
    }

    /// <summary>
    /// Sensors at the wire measuring a realistic village day and road, seeded from the node id: two emulated
    /// nodes see different weather, and a node sees the same weather every time it is run.
    /// </summary>
    private static EmulatedNodeHardware Emulated(SensorWiring wiring, double speed, TimeSpan? history, string nodeId)
    {
        TimeProvider time = speed > 1 ? new ScaledTimeProvider(speed, DateTimeOffset.UtcNow - (history ?? TimeSpan.Zero), catchUp: history is not null) : TimeProvider.System;
        ulong seed = EmulationSeed.From(nodeId);
        var ambient = new RuralDayAmbient(seed);
        return new EmulatedNodeHardware(time, ambient, new DailyTraffic(ambient.Traffic, seed), wiring);
    }

    /// <summary>The <c>--fault</c> list, parsed as the self-test parses it; null (and said why) when it cannot be used.</summary>
    private static InjectedFault[]? StartFaults(TextWriter output, string[] given, bool emulated)
    {
        try
        {
            InjectedFault[] injected = [.. given.Select(InjectedFault.Parse)];
            if (injected.Length > 0 && !emulated)
            {
                throw new FormatException("--fault needs --emulate: faults are injected into emulated sensors only.");
            }

            if (injected.Select(f => f.WhyNotWhileRunning).OfType<string>().FirstOrDefault() is { } refused)
            {
                throw new FormatException($"--fault {refused}");
            }

            if (injected.GroupBy(f => f.Sensor).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new FormatException($"--fault: {twice.Key} is given {twice.Count()} faults; one fault per sensor.");
            }

            return injected;
        }
        catch (FormatException e)
        {
            output.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>Prints every configuration problem at once, naming the setting, so one edit fixes them all.</summary>
    private static bool Valid(TextWriter output, NodeOptions node, SensorsOptions sensors, WindowAggregationOptions aggregation, PollutionAlertOptions alerts, UplinkOptions uplink, GpioOptions gpio)
    {
        var problems = node.Problems().Concat(sensors.Problems()).Concat(uplink.Problems()).Concat(gpio.Problems()).ToList();
        foreach (Action validate in new Action[] { aggregation.Validate, alerts.Validate })
        {
            try
            {
                validate();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                problems.Add(e.Message);
            }
        }

        foreach (string problem in problems)
        {
            output.WriteLine($"Configuration: {problem}");
        }

        return problems.Count == 0;
    }
}
