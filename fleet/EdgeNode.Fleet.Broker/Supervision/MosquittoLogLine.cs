namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>How loud a line Mosquitto printed on stderr is in the fleet's log.</summary>
internal static class MosquittoLogLine
{
    public static LogLevel LevelOf(string line)
    {
        if (line.StartsWith("Error", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Warning", StringComparison.OrdinalIgnoreCase))
        {
            return LogLevel.Warning;
        }
        // Every connection of every node: useful when looking into one, noise otherwise.
        if (line.StartsWith("New connection", StringComparison.Ordinal) || line.StartsWith("New client", StringComparison.Ordinal) ||
            line.StartsWith("Client ", StringComparison.Ordinal) || line.StartsWith("Socket error", StringComparison.Ordinal) ||
            line.StartsWith("OpenSSL Error", StringComparison.Ordinal) || line.StartsWith("Saving in-memory", StringComparison.Ordinal))
        {
            return LogLevel.Debug;
        }
        // The plugin logs every command; the registry's reconciliation reads the accounts every few minutes. Changes
        // (createClient, disableClient, deleteClient…) stay at Information.
        if (line.StartsWith("dynsec: ", StringComparison.Ordinal) &&
            (line.Contains("| listClients |", StringComparison.Ordinal) || line.Contains("| getClient |", StringComparison.Ordinal)))
        {
            return LogLevel.Debug;
        }
        return LogLevel.Information;
    }
}
