using System.CommandLine;
using EdgeNode.Daemon.Emulation;

namespace EdgeNode.Daemon.Commands;

/// <summary>What <c>edgenode run</c> was asked, checked before anything starts.</summary>
/// <param name="ConfigurationFile">The file named with --config, absolute; null for the default, which may be missing.</param>
internal sealed record RunArguments(string? ConfigurationFile, string? DataDirectory, bool Emulated, double Speed, TimeSpan? History, IReadOnlyList<InjectedFault> Faults)
{
    /// <summary>The command's options, made per command line.</summary>
    internal sealed class Options
    {
        public Option<string?> Config { get; } = new("--config") { Description = $"Configuration file (default {NodeConfiguration.DefaultFile}; EDGENODE_ environment variables override it, e.g. EDGENODE_Node__Id)" };

        public Option<string?> DataDirectory { get; } = new("--data-directory") { Description = "Overrides Node:DataDirectory" };

        public Option<bool> Emulate { get; } = new("--emulate") { Description = "Run on any machine, on emulated sensors measuring a realistic village day and road (the same every run for a given Node:Id)" };

        public Option<double> Speed { get; } = new("--speed") { Description = "With --emulate: how many times faster than real time (1000 was seen to work: a day in 86 s)", DefaultValueFactory = _ => 1 };

        public Option<TimeSpan?> History { get; } = new("--history") { Description = "With --emulate and --speed: start this long ago (e.g. 7.00:00:00) and run fast only until the present, then at real time" };

        public Option<string[]> Faults { get; } = new("--fault")
        {
            Description = $"With --emulate: inject a fault at start, SENSOR=KIND, KIND one of not-present, not-answering, corrupt-data, out-of-range, stuck (repeatable). "
                + $"While running, edit <data directory>/{FaultControlFile.FileName} (one SENSOR=KIND per line, read every {FaultControlFileWatcher.PollInterval.TotalSeconds:0} s) to inject, change or clear faults",
            AllowMultipleArgumentsPerToken = false,
        };

        public IEnumerable<Option> All => [Config, DataDirectory, Emulate, Speed, History, Faults];

        /// <summary>The arguments; null, and said why on <paramref name="output"/>, when they cannot be used.</summary>
        public RunArguments? Read(ParseResult result, TextWriter output)
        {
            string? file = result.GetValue(Config) is { } given ? Path.GetFullPath(given) : null;
            if (file is not null && !File.Exists(file))
            {
                output.WriteLine($"Configuration file {file} not found.");
                return null;
            }

            bool emulated = result.GetValue(Emulate);
            double speed = result.GetValue(Speed);
            if (speed < 1 || (speed > 1 && !emulated))
            {
                output.WriteLine("--speed takes a factor of at least 1, and only with --emulate.");
                return null;
            }

            TimeSpan? history = result.GetValue(History);
            if (history is { } past && (past <= TimeSpan.Zero || speed <= 1))
            {
                output.WriteLine("--history takes a positive duration, and only with --emulate and a --speed above 1.");
                return null;
            }

            return StartFaults(output, result.GetValue(Faults) ?? [], emulated) is { } faults
                ? new RunArguments(file, result.GetValue(DataDirectory), emulated, speed, history, faults)
                : null;
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
    }
}
