using System.Runtime.InteropServices;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// Where Mosquitto's dynamic-security plugin lives, and the mosquitto.conf lines that load it. Debian and Raspberry Pi
/// OS put it in the multiarch library directory (/usr/lib/x86_64-linux-gnu, /usr/lib/aarch64-linux-gnu,
/// /usr/lib/arm-linux-gnueabihf); builds from source put it under /usr/local/lib or /usr/lib.
/// </summary>
public static class DynamicSecurityPlugin
{
    public const string FileName = "mosquitto_dynamic_security.so";

    /// <summary>The places looked in, this machine's architecture first.</summary>
    public static IReadOnlyList<string> CandidatePaths()
    {
        string[] multiarch = ["x86_64-linux-gnu", "aarch64-linux-gnu", "arm-linux-gnueabihf", "i386-linux-gnu"];
        string? own = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            Architecture.Arm => "arm-linux-gnueabihf",
            Architecture.X86 => "i386-linux-gnu",
            _ => null,
        };
        var paths = new List<string>();
        foreach (string triplet in own is null ? multiarch : multiarch.Where(t => t != own).Prepend(own))
        {
            paths.Add($"/usr/lib/{triplet}/{FileName}");
        }

        paths.Add($"/usr/local/lib/{FileName}");
        paths.Add($"/usr/lib/{FileName}");
        paths.Add($"/usr/lib/mosquitto/{FileName}");
        return paths;
    }

    public static bool TryLocate(out string path)
    {
        path = CandidatePaths().FirstOrDefault(File.Exists) ?? "";
        return path.Length > 0;
    }

    /// <summary>The plugin's path, or an exception that says how to get it.</summary>
    public static string Locate() => TryLocate(out string path)
        ? path
        : throw new FileNotFoundException(
            $"Mosquitto's dynamic-security plugin ({FileName}) is not installed; looked in {string.Join(", ", CandidatePaths())}. " +
            "Install Mosquitto 2.0 or later (Debian, Raspberry Pi OS: sudo apt-get install mosquitto), which ships it.", FileName);

    /// <summary>
    /// The mosquitto.conf lines: load the plugin with its configuration file, and refuse anonymous clients. Mosquitto
    /// writes the file back (through "&lt;file&gt;.new" and a rename) after every change, so its directory must be writable
    /// by the broker's user.
    /// </summary>
    public static string ConfigurationLines(string configurationFilePath, string? pluginPath = null) =>
        string.Join('\n', PluginLines(configurationFilePath, pluginPath)) + "\nallow_anonymous false\n";

    /// <summary>
    /// The two lines that load the plugin, without <c>allow_anonymous</c>: for the supervised broker, whose configuration
    /// writer alone sets that.
    /// </summary>
    public static IReadOnlyList<string> PluginLines(string configurationFilePath, string? pluginPath = null)
    {
        if (!Path.IsPathFullyQualified(configurationFilePath))
        {
            throw new ArgumentException($"Give the dynamic-security file as an absolute path (got '{configurationFilePath}'): Mosquitto resolves a relative one against its own working directory.", nameof(configurationFilePath));
        }

        if (configurationFilePath.Contains('\n') || configurationFilePath.Contains('\r'))
        {
            throw new ArgumentException("A configuration file path cannot contain a line break.", nameof(configurationFilePath));
        }

        return [$"plugin {pluginPath ?? Locate()}", $"plugin_opt_config_file {configurationFilePath}"];
    }
}
