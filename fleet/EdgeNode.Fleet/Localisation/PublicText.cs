using System.Globalization;
using EdgeNode.Fleet.AirQuality;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Localisation;

/// <summary>
/// Every word the public pages show, one subclass per language, so that a missing translation is a build error
/// rather than a French word on an English page. The fleet runs with invariant globalization (no ICU), so numbers,
/// dates and month names are formatted here rather than by a <see cref="CultureInfo"/>.
/// </summary>
public abstract class PublicText
{
    /// <summary>The BCP 47 code, for lang attributes and Content-Language: "fr" or "en".</summary>
    public abstract string Code { get; }

    /// <summary>The other language's code, the one the switch offers.</summary>
    public abstract string OtherCode { get; }

    /// <summary>The switch's label, written in the other language ("English", "Français").</summary>
    public abstract string OtherLanguageName { get; }

    public abstract string SwitchHint { get; }

    public abstract string SiteTitle { get; }

    public abstract string SkipToContent { get; }

    public abstract string MainNavigation { get; }

    public abstract string HomeLink { get; }

    public abstract string HomeIntro { get; }

    public abstract string MunicipalitiesHeading { get; }

    public abstract string NoMunicipalities { get; }

    public abstract string NodeCount(int count);

    public abstract string NodesIn(string municipality);

    public abstract string MunicipalityNotFound { get; }

    public abstract string NodeNotFound { get; }

    public abstract string BandName(AirQualityBand band);

    /// <summary>"niveau 3 sur 6": the band as a rank, for anyone who cannot tell the colours or shapes apart.</summary>
    public abstract string Level(AirQualityBand band);

    public abstract string BandMeaning(AirQualityBand band);

    public abstract string AdviceGeneral(AirQualityBand band);

    public abstract string AdviceSensitive(AirQualityBand band);

    public abstract string GeneralPopulation { get; }

    public abstract string SensitiveGroups { get; }

    public abstract string SensitiveGroupsDefinition { get; }

    public abstract string AirQualityNow { get; }

    /// <summary>"Measured 40 minutes ago: mean from 09:10 to 10:10."</summary>
    public abstract string Measured(TimeSpan age, DateTime localFrom, DateTime localTo);

    /// <summary>An age in words: "40 minutes ago", "1 hour and 5 minutes ago", "just now".</summary>
    public abstract string Ago(TimeSpan age);

    public abstract string NoMeasurementSince(DateTime localLastEnd);

    public abstract string NoMeasurementIn24Hours { get; }

    /// <summary>For a node without pollutant sensor (or none that answered in 24 hours), before the list of what it measures.</summary>
    public abstract string NoPollutionMeasurementButMeasures { get; }

    /// <summary>For a node that only counts vehicles.</summary>
    public abstract string NoPollutionMeasurementButCountsVehicles { get; }

    /// <summary>"Last measured 7 minutes ago."</summary>
    public abstract string LastMeasured(TimeSpan age);

    /// <summary>A municipality on the home page when none of its nodes has a current band.</summary>
    public abstract string NoRecentPollutionMeasurement { get; }

    /// <summary>How the home page's band of a municipality is chosen.</summary>
    public abstract string MunicipalityBandHint { get; }

    public abstract string PageNotFound { get; }

    public abstract string PageNotFoundExplanation { get; }

    public abstract string BackToHome { get; }

    /// <summary>The rate limiter's refusal: "try again in 42 s".</summary>
    public abstract string TooManyRequests(int seconds);

    /// <summary>The name of any quantity a node measures: a pollutant's as <see cref="PollutantName"/>, or "Temperature".</summary>
    public abstract string MeasurementName(string metric);

    /// <summary>"Temperature: 12.3 °C": a label and its value, with this language's punctuation.</summary>
    public abstract string Labelled(string label, string value);

    /// <summary>A quantity's name and value with its unit, to as many decimals as a citizen needs.</summary>
    public string Reading(string metric, double value) =>
        Labelled(MeasurementName(metric), $"{Number(value, Decimals(metric))} {MetricCatalogue.All.FirstOrDefault(m => m.Name == metric)?.Unit}".TrimEnd());

    public abstract string PollutantName(string metric);

    public abstract string WhatItMeans { get; }

    public abstract string AboutTheIndex { get; }

    public abstract string AboutTheIndexLink { get; }

    public abstract string BandsHeading { get; }

    public abstract string Last24Hours { get; }

    public abstract string ChartSummary(string pollutant, double minimum, double maximum, double mean, int hours);

    public abstract string ChartNoData { get; }

    public abstract string ChartTableSummary { get; }

    public abstract string HourColumn { get; }

    public abstract string NoValue { get; }

    public abstract string TrafficToday { get; }

    public abstract string TrafficCounts(int approaching, int receding);

    public abstract string NoTrafficToday { get; }

    public abstract string MapHeading { get; }

    public abstract string MapHint { get; }

    public abstract string Location { get; }

    public abstract string LampPost { get; }

    public abstract string Details { get; }

    public abstract string OpenData { get; }

    public abstract string OpenDataIntro { get; }

    public abstract string Licence { get; }

    public abstract string DownloadCsv(string pollutant);

    public abstract string DownloadJson(string pollutant);

    public abstract string MonthName(int month);

    /// <summary>A concentration as this language writes it, one decimal.</summary>
    public string Number(double value) => Number(value, 1);

    /// <summary>A number as this language writes it, to <paramref name="decimals"/> decimals, without thousands separator.</summary>
    public abstract string Number(double value, int decimals);

    /// <summary>"22 novembre 2026 à 09:50", "22 November 2026 at 09:50".</summary>
    public abstract string DateAndTime(DateTime local);

    /// <summary>For a language's switch over a closed enum: a value it has no words for is a missing translation.</summary>
    protected static ArgumentOutOfRangeException Untranslated<T>(T value) where T : struct, Enum =>
        new(nameof(value), value, $"No public text for {typeof(T).Name}.{value}: add it to every PublicText language.");

    /// <summary>Rounded as shown, and never "-0,0": a temperature of −0.04 °C reads 0,0 °C.</summary>
    protected static double Rounded(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0;

    // Humidity to the percent, pressure to the hectopascal and CO2 to the ppm: finer is noise to a reader.
    private static int Decimals(string metric) =>
        metric == MetricCatalogue.RelativeHumidity.Name || metric == MetricCatalogue.Pressure.Name || metric == MetricCatalogue.Co2.Name ? 0 : 1;

    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Unit => MetricCatalogue.Pm25.Unit;

    public static PublicText French { get; } = new FrenchText();

    public static PublicText English { get; } = new EnglishText();
}
