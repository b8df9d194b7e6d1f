using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeNode.Daemon.Status;

/// <summary>
/// <c>status.json</c> in the data directory: written by the service, read by <c>edgenode status</c>. Written to
/// a temporary file and renamed, so a reader never sees half a file.
/// </summary>
public static class StatusFile
{
    public const string FileName = "status.json";

    public static void Write(string dataDirectory, NodeStatus status)
    {
        string path = Path.Combine(dataDirectory, FileName);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(status, StatusJsonContext.Default.NodeStatus));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Null when the service has not written one (not running, or never started with this data directory).</summary>
    /// <exception cref="JsonException">The file is not a status this version understands.</exception>
    public static NodeStatus? Read(string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), StatusJsonContext.Default.NodeStatus) : null;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NodeStatus))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
