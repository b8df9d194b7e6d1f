using Microsoft.Extensions.Configuration;

namespace EdgeNode.Daemon.Commands;

/// <summary>Where the node's settings come from, lowest first: defaults, the configuration file, enrolment's file, EDGENODE_ variables, the command line.</summary>
internal static class NodeConfiguration
{
    public const string DefaultFile = "/etc/edgenode/edgenode.json";

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

    /// <summary>Adds the sources; false, and said why on <paramref name="output"/>, when the configuration file cannot be read.</summary>
    /// <param name="directory">The configuration file's directory, which relative paths in it are taken from.</param>
    public static bool TryAdd(IConfigurationBuilder configuration, RunArguments run, TextWriter output, out string directory)
    {
        string file = Path.GetFullPath(run.ConfigurationFile ?? DefaultFile);
        directory = Path.GetDirectoryName(file)!;
        try
        {
            configuration
                .AddInMemoryCollection(ServiceDefaults)
                .AddInMemoryCollection(run.Emulated ? EmulationDefaults : [])
                .AddJsonFile(file, optional: run.ConfigurationFile is null)
                // What enrolment gave the node (its id, the broker, its credential, the CA) sits in a file of its
                // own beside the configuration, so that a technician copies it in without editing anything.
                .AddJsonFile(Path.Combine(directory, EnrolmentFileName), optional: true)
                .AddEnvironmentVariables("EDGENODE_");
        }
        catch (InvalidDataException e)
        {
            output.WriteLine($"Configuration file {run.ConfigurationFile ?? DefaultFile} cannot be read: {e.Message} {e.InnerException?.Message}");
            return false;
        }

        if (run.DataDirectory is { } dataDirectory)
        {
            configuration.AddInMemoryCollection([new("Node:DataDirectory", dataDirectory)]);
        }

        return true;
    }
}
