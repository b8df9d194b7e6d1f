namespace EdgeNode.Fleet.OpenData;

/// <summary>
/// What each sensor name in the windows is (the daemon's SensorWiring names), so that open data says which instrument
/// measured a value: a low-cost optical PM sensor is not a reference analyser, and a reuser needs to know which.
/// </summary>
public static class SensorModels
{
    private static readonly Dictionary<string, string> Models = new(StringComparer.Ordinal)
    {
        ["sds011"] = "Nova Fitness SDS011 (laser scattering, PM2.5 and PM10)",
        ["pms5003"] = "Plantower PMS5003 (laser scattering, PM1, PM2.5 and PM10)",
        ["bme280"] = "Bosch Sensortec BME280 (temperature, humidity, pressure)",
        ["scd4x"] = "Sensirion SCD4x (photoacoustic CO2)",
        ["no2"] = "Alphasense NO2-B43F electrochemical cell, read through a TI ADS1115",
        ["ops243"] = "OmniPreSense OPS243-A Doppler radar (counts and speeds only)",
    };

    /// <summary>The model, or null for a sensor name this fleet does not know.</summary>
    public static string? Describe(string sensor) => Models.GetValueOrDefault(sensor);
}
