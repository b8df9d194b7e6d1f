namespace EdgeNode.Fleet.OpenData;

/// <summary>The licence every open-data answer carries: Etalab's Licence Ouverte 2.0, the French public sector's open licence.</summary>
/// <param name="Name">The licence's name.</param>
/// <param name="Url">Where its text is.</param>
/// <param name="Attribution">What a reuser must mention (source and date of last update, per the licence).</param>
public sealed record OpenDataLicence(string Name, string Url, string Attribution)
{
    public static OpenDataLicence Etalab20 { get; } = new(
        "Licence Ouverte / Open Licence version 2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "Mentionner la source (capteurs EdgeNode de la commune) et la date de la dernière mise à jour des données. / Credit the source (the municipality's EdgeNode sensors) and the date the data was last updated.");
}
