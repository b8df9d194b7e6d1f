using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Compares texts the registry's way (<see cref="RegistryOrder.Folded"/>: accents and case ignored, so "École" sorts
/// before "Mairie"), falling back to ordinal so that the order is total.
/// </summary>
public sealed class FrenchOrder : IComparer<string>
{
    public static readonly FrenchOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        int folded = string.CompareOrdinal(Fold(x), Fold(y));
        return folded != 0 ? folded : string.CompareOrdinal(x, y);
    }

    public static string Fold(string? text) => string.IsNullOrEmpty(text) ? "" : RegistryOrder.Folded(text);
}
