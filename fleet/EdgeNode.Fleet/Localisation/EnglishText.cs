using System.Globalization;
using EdgeNode.Fleet.AirQuality;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Localisation;

/// <summary>The public pages in English. Advice paraphrases the EEA's texts for the index.</summary>
public sealed class EnglishText : PublicText
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public override string Code => "en";

    public override string OtherCode => "fr";

    public override string OtherLanguageName => "Français";

    public override string SwitchHint => "Lire cette page en français";

    public override string SiteTitle => "Air quality in our villages";

    public override string SkipToContent => "Skip to content";

    public override string MainNavigation => "Main navigation";

    public override string HomeLink => "Home";

    public override string HomeIntro =>
        "Sensors on street lamps measure fine particles in the air and count vehicles. "
        + "Choose your municipality to find out whether the air is good today.";

    public override string MunicipalitiesHeading => "Municipalities with sensors";

    public override string NoMunicipalities => "No sensor has been installed yet.";

    public override string NodeCount(int count) => count == 1 ? "1 sensor" : $"{count} sensors";

    public override string NodesIn(string municipality) => $"Air quality in {municipality}";

    public override string MunicipalityNotFound => "We do not know this municipality, or it has no sensor yet.";

    public override string NodeNotFound => "We do not know this sensor.";

    public override string BandName(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => "Good",
        AirQualityBand.Fair => "Fair",
        AirQualityBand.Moderate => "Moderate",
        AirQualityBand.Poor => "Poor",
        AirQualityBand.VeryPoor => "Very poor",
        AirQualityBand.ExtremelyPoor => "Extremely poor",
        _ => throw Untranslated(band),
    };

    public override string Level(AirQualityBand band) => $"level {(int)band + 1} of 6";

    public override string BandMeaning(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => "The air is clean: there is very little pollution.",
        AirQualityBand.Fair => "The air is fair: there is a little pollution.",
        AirQualityBand.Moderate => "The air is somewhat polluted.",
        AirQualityBand.Poor => "The air is polluted.",
        AirQualityBand.VeryPoor => "The air is very polluted.",
        AirQualityBand.ExtremelyPoor => "The air is extremely polluted.",
        _ => throw Untranslated(band),
    };

    public override string AdviceGeneral(AirQualityBand band) => band switch
    {
        AirQualityBand.Good or AirQualityBand.Fair or AirQualityBand.Moderate => "Enjoy your usual outdoor activities.",
        AirQualityBand.Poor => "If your eyes are sore or you have a cough or sore throat, do less strenuous activity outdoors.",
        AirQualityBand.VeryPoor => "Do less physical activity, especially outdoors, and above all if you feel unwell.",
        AirQualityBand.ExtremelyPoor => "Do less physical activity outdoors.",
        _ => throw Untranslated(band),
    };

    public override string AdviceSensitive(AirQualityBand band) => band switch
    {
        AirQualityBand.Good or AirQualityBand.Fair => "Enjoy your usual outdoor activities.",
        AirQualityBand.Moderate => "If you feel unwell, do less strenuous activity outdoors.",
        AirQualityBand.Poor => "Do less physical activity, especially outdoors, and above all if you feel unwell.",
        AirQualityBand.VeryPoor => "Do less physical activity outdoors.",
        AirQualityBand.ExtremelyPoor => "Avoid physical activity outdoors.",
        _ => throw Untranslated(band),
    };

    public override string GeneralPopulation => "For everyone";

    public override string SensitiveGroups => "For sensitive people";

    public override string SensitiveGroupsDefinition =>
        "Sensitive people: young children, older people, pregnant women, and people with asthma or a heart or lung condition.";

    public override string AirQualityNow => "Air quality now";

    public override string Measured(TimeSpan age, DateTime localFrom, DateTime localTo) => $"Measured {Ago(age)}: mean from {Time(localFrom)} to {Time(localTo)}.";

    public override string Ago(TimeSpan age)
    {
        int hours = (int)age.TotalHours;
        int minutes = age.Minutes;
        string h = hours == 1 ? "1 hour" : $"{hours} hours";
        string m = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        return (hours, minutes) switch
        {
            (0, 0) => "just now",
            (0, _) => $"{m} ago",
            (_, 0) => $"{h} ago",
            _ => $"{h} and {m} ago",
        };
    }

    public override string NoMeasurementSince(DateTime localLastEnd) => $"No measurement since {DateAndTime(localLastEnd)}.";

    public override string NoMeasurementIn24Hours => "No measurement for more than 24 hours.";

    public override string NoPollutionMeasurementButMeasures => "This sensor gives no measurement of air pollution. It measures:";

    public override string NoPollutionMeasurementButCountsVehicles => "This sensor gives no measurement of air pollution. It counts vehicles.";

    public override string LastMeasured(TimeSpan age) => $"Last measured {Ago(age)}.";

    public override string NoRecentPollutionMeasurement => "No recent measurement of air pollution";

    public override string MunicipalityBandHint => "For each municipality, the level of its most polluted sensor.";

    public override string PageNotFound => "Page not found";

    public override string PageNotFoundExplanation => "There is no page at this address. It may have changed, or contain a typing mistake.";

    public override string BackToHome => "Back to the home page: air quality in our villages";

    public override string TooManyRequests(int seconds) => $"Too many requests: try again in {Number(seconds, 0)} s.";

    public override string MeasurementName(string metric) =>
        metric == MetricCatalogue.Temperature.Name ? "Temperature"
        : metric == MetricCatalogue.RelativeHumidity.Name ? "Relative humidity"
        : metric == MetricCatalogue.Pressure.Name ? "Air pressure"
        : metric == MetricCatalogue.Co2.Name ? "Carbon dioxide (CO₂)"
        : metric == MetricCatalogue.Pm1.Name ? "Ultrafine particles (PM1)"
        : PollutantName(metric);

    public override string Labelled(string label, string value) => $"{label}: {value}";

    public override string PollutantName(string metric) =>
        metric == MetricCatalogue.Pm25.Name ? "Fine particles (PM2.5)"
        : metric == MetricCatalogue.Pm10.Name ? "Particles (PM10)"
        : metric == MetricCatalogue.No2.Name ? "Nitrogen dioxide (NO₂)"
        : metric;

    public override string WhatItMeans => "What it means";

    public override string AboutTheIndex =>
        "The colours and levels are those of the European Environment Agency's European Air Quality Index, "
        + "from the mean of the last hour. A sensor's level is the worst of its pollutants.";

    public override string AboutTheIndexLink => "The European Air Quality Index";

    public override string BandsHeading => "The index's six levels";

    public override string Last24Hours => "The last 24 hours";

    public override string ChartSummary(string pollutant, double minimum, double maximum, double mean, int hours) =>
        $"{pollutant}: between {Number(minimum)} and {Number(maximum)} {Unit} per hour, {Number(mean)} {Unit} on average, over {hours} measured hour{(hours > 1 ? "s" : "")}.";

    public override string ChartNoData => "No measurement of pollution in the last 24 hours.";

    public override string ChartTableSummary => "Hour by hour values";

    public override string HourColumn => "Hour";

    public override string NoValue => "no measurement";

    public override string TrafficToday => "Traffic today";

    public override string TrafficCounts(int approaching, int receding) =>
        $"{approaching + receding} vehicles counted since midnight: {approaching} one way, {receding} the other.";

    public override string NoTrafficToday => "No vehicle count today.";

    public override string MapHeading => "Map of the sensors";

    public override string MapHint => "The list above gives the same information as the map.";

    public override string Location => "Location";

    public override string LampPost => "Street lamp";

    public override string Details => "See details";

    public override string OpenData => "Open data";

    public override string OpenDataIntro => "The measurements are free to reuse, as CSV or JSON:";

    public override string Licence => "Licence Ouverte / Open Licence 2.0 (Etalab)";

    public override string DownloadCsv(string pollutant) => $"{pollutant}, last 24 hours, CSV";

    public override string DownloadJson(string pollutant) => $"{pollutant}, last 24 hours, JSON";

    public override string MonthName(int month) => Months[month - 1];

    public override string Number(double value, int decimals) => Rounded(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public override string DateAndTime(DateTime local) => $"{local.Day} {MonthName(local.Month)} {local.Year} at {Time(local)}";
}
