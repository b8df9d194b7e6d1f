using System.Text;

namespace EdgeNode.Sensors.Emulation;

/// <summary>The seed of a node's emulated world, from its id: nodes differ, and a node's runs are reproducible.</summary>
public static class EmulationSeed
{
    /// <summary>FNV-1a over the id's UTF-8 bytes; <see cref="string.GetHashCode()"/> changes with every process.</summary>
    public static ulong From(string nodeId)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(nodeId))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }
}
