namespace EdgeNode.Protocol.Catalogue;

/// <summary>
/// Every sensor name a node may send and the fleet stores (README, "Sensor names"). Like metric codes, a name is known
/// to the fleet before any node sends it: the fleet refuses a batch naming another, so that a misspelt name never
/// starts a series of its own with no instrument behind it.
/// </summary>
public static class SensorCatalogue
{
    // Constants, not only records, because the node's configuration code switches on them.
    public const string Bme280 = "bme280";
    public const string Scd4x = "scd4x";
    public const string Sds011 = "sds011";
    public const string Pms5003 = "pms5003";
    public const string Ops243 = "ops243";
    public const string No2 = "no2";

    public static IReadOnlyList<WireSensor> All { get; } =
    [
        new(Bme280, "Bosch Sensortec BME280 (temperature, humidity, pressure)"),
        new(Scd4x, "Sensirion SCD4x (photoacoustic CO2)"),
        new(Sds011, "Nova Fitness SDS011 (laser scattering, PM2.5 and PM10)"),
        new(Pms5003, "Plantower PMS5003 (laser scattering, PM1, PM2.5 and PM10)"),
        new(Ops243, "OmniPreSense OPS243-A Doppler radar (counts and speeds only)"),
        new(No2, "Alphasense NO2-B43F electrochemical cell, read through a TI ADS1115"),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The sensor of that name, or null for a name no EdgeNode uses.</summary>
    public static WireSensor? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
