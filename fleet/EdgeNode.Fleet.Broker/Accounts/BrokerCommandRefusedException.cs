namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>The dynamic-security plugin answered a command with an error; <see cref="PluginError"/> is its own text.</summary>
public sealed class BrokerCommandRefusedException(string command, string subject, string pluginError)
    : Exception($"The broker refused {command} for '{subject}': {pluginError}.")
{
    /// <summary>The plugin's command name, e.g. "createClient".</summary>
    public string Command { get; } = command;

    /// <summary>The user name or role the command was about.</summary>
    public string Subject { get; } = subject;

    /// <summary>The plugin's words, e.g. "Client already exists", "Client not found".</summary>
    public string PluginError { get; } = pluginError;
}
