using System.Text.Json;

namespace EdgeNode.Daemon.Updates;

/// <summary>
/// Reads and writes <see cref="InstallLayout.StateFile"/>. A write is a new file flushed to the card and renamed over
/// the old one, so a power cut leaves the state before or after the step, never half of it; each step is ordered so
/// that either is a state from which the node starts a whole version.
/// </summary>
public static class UpdateStateFile
{
    /// <summary>The state, or null when none was ever written (a node installed before updates existed).</summary>
    public static UpdateState? Read(InstallLayout layout)
    {
        if (!File.Exists(layout.StateFile))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(layout.StateFile), UpdateJsonContext.Default.UpdateState)
                ?? throw new InvalidDataException("the state is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{layout.StateFile} cannot be read ({e.Message}).", e);
        }
    }

    public static void Write(InstallLayout layout, UpdateState state)
    {
        string temporary = layout.StateFile + ".new";
        using (FileStream file = new(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, state, UpdateJsonContext.Default.UpdateState);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, layout.StateFile, overwrite: true);
    }
}
