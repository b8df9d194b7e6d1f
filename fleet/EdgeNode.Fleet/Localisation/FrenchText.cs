using System.Globalization;
using EdgeNode.Fleet.AirQuality;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Localisation;

/// <summary>The public pages in French, the default. Advice paraphrases the EEA's texts for the index.</summary>
public sealed class FrenchText : PublicText
{
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public override string Code => "fr";

    public override string OtherCode => "en";

    public override string OtherLanguageName => "English";

    public override string SwitchHint => "Read this page in English";

    public override string SiteTitle => "Qualité de l'air dans nos communes";

    public override string SkipToContent => "Aller au contenu";

    public override string MainNavigation => "Navigation principale";

    public override string HomeLink => "Accueil";

    public override string HomeIntro =>
        "Des capteurs installés sur des lampadaires mesurent les particules fines de l'air et comptent les véhicules. "
        + "Choisissez votre commune pour savoir si l'air est bon aujourd'hui.";

    public override string MunicipalitiesHeading => "Communes équipées";

    public override string NoMunicipalities => "Aucun capteur n'est encore installé.";

    public override string NodeCount(int count) => count == 1 ? "1 capteur" : $"{count} capteurs";

    public override string NodesIn(string municipality) => $"Qualité de l'air à {municipality}";

    public override string MunicipalityNotFound => "Nous ne connaissons pas cette commune, ou elle n'a pas encore de capteur.";

    public override string NodeNotFound => "Nous ne connaissons pas ce capteur.";

    public override string BandName(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => "Bon",
        AirQualityBand.Fair => "Moyen",
        AirQualityBand.Moderate => "Dégradé",
        AirQualityBand.Poor => "Mauvais",
        AirQualityBand.VeryPoor => "Très mauvais",
        AirQualityBand.ExtremelyPoor => "Extrêmement mauvais",
        _ => throw Untranslated(band),
    };

    public override string Level(AirQualityBand band) => $"niveau {(int)band + 1} sur 6";

    public override string BandMeaning(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => "L'air est pur : il y a très peu de pollution.",
        AirQualityBand.Fair => "L'air est correct : il y a un peu de pollution.",
        AirQualityBand.Moderate => "L'air est un peu pollué.",
        AirQualityBand.Poor => "L'air est pollué.",
        AirQualityBand.VeryPoor => "L'air est très pollué.",
        AirQualityBand.ExtremelyPoor => "L'air est extrêmement pollué.",
        _ => throw Untranslated(band),
    };

    public override string AdviceGeneral(AirQualityBand band) => band switch
    {
        AirQualityBand.Good or AirQualityBand.Fair or AirQualityBand.Moderate => "Vous pouvez faire vos activités habituelles en plein air.",
        AirQualityBand.Poor => "Si vous avez les yeux qui piquent, si vous toussez ou avez mal à la gorge, faites moins d'efforts intenses dehors.",
        AirQualityBand.VeryPoor => "Faites moins d'activités physiques, surtout dehors, en particulier si vous ressentez une gêne.",
        AirQualityBand.ExtremelyPoor => "Faites moins d'activités physiques dehors.",
        _ => throw Untranslated(band),
    };

    public override string AdviceSensitive(AirQualityBand band) => band switch
    {
        AirQualityBand.Good or AirQualityBand.Fair => "Vous pouvez faire vos activités habituelles en plein air.",
        AirQualityBand.Moderate => "Si vous ressentez une gêne, faites moins d'efforts intenses dehors.",
        AirQualityBand.Poor => "Faites moins d'activités physiques, surtout dehors, en particulier si vous ressentez une gêne.",
        AirQualityBand.VeryPoor => "Faites moins d'activités physiques dehors.",
        AirQualityBand.ExtremelyPoor => "Évitez les activités physiques dehors.",
        _ => throw Untranslated(band),
    };

    public override string GeneralPopulation => "Pour tout le monde";

    public override string SensitiveGroups => "Pour les personnes sensibles";

    public override string SensitiveGroupsDefinition =>
        "Personnes sensibles : jeunes enfants, personnes âgées, femmes enceintes, personnes asthmatiques ou ayant une maladie du cœur ou des poumons.";

    public override string AirQualityNow => "Qualité de l'air maintenant";

    public override string Measured(TimeSpan age, DateTime localFrom, DateTime localTo) => $"Mesuré {Ago(age)} : moyenne de {Time(localFrom)} à {Time(localTo)}.";

    public override string Ago(TimeSpan age)
    {
        int hours = (int)age.TotalHours;
        int minutes = age.Minutes;
        string h = hours == 1 ? "1 heure" : $"{hours} heures";
        string m = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        return (hours, minutes) switch
        {
            (0, 0) => "à l'instant",
            (0, _) => $"il y a {m}",
            (_, 0) => $"il y a {h}",
            _ => $"il y a {h} et {m}",
        };
    }

    public override string NoMeasurementSince(DateTime localLastEnd) => $"Pas de mesure depuis le {DateAndTime(localLastEnd)}.";

    public override string NoMeasurementIn24Hours => "Pas de mesure depuis plus de 24 heures.";

    public override string NoPollutionMeasurementButMeasures => "Ce capteur ne donne pas de mesure de la pollution de l'air. Il mesure :";

    public override string NoPollutionMeasurementButCountsVehicles => "Ce capteur ne donne pas de mesure de la pollution de l'air. Il compte les véhicules.";

    public override string LastMeasured(TimeSpan age) => $"Dernière mesure {Ago(age)}.";

    public override string NoRecentPollutionMeasurement => "Pas de mesure récente de la pollution de l'air";

    public override string MunicipalityBandHint => "Pour chaque commune, le niveau de son capteur le plus pollué.";

    public override string PageNotFound => "Page introuvable";

    public override string PageNotFoundExplanation => "Il n'y a pas de page à cette adresse. Elle a peut-être changé, ou contient une faute de frappe.";

    public override string BackToHome => "Retour à l'accueil : la qualité de l'air dans nos communes";

    public override string TooManyRequests(int seconds) => $"Trop de requêtes : réessayez dans {Number(seconds, 0)} s.";

    public override string MeasurementName(string metric) =>
        metric == MetricCatalogue.Temperature.Name ? "Température"
        : metric == MetricCatalogue.RelativeHumidity.Name ? "Humidité relative"
        : metric == MetricCatalogue.Pressure.Name ? "Pression atmosphérique"
        : metric == MetricCatalogue.Co2.Name ? "Dioxyde de carbone (CO₂)"
        : metric == MetricCatalogue.Pm1.Name ? "Particules très fines (PM1)"
        : PollutantName(metric);

    public override string Labelled(string label, string value) => $"{label} : {value}";

    public override string PollutantName(string metric) =>
        metric == MetricCatalogue.Pm25.Name ? "Particules fines (PM2,5)"
        : metric == MetricCatalogue.Pm10.Name ? "Particules (PM10)"
        : metric == MetricCatalogue.No2.Name ? "Dioxyde d'azote (NO₂)"
        : metric;

    public override string WhatItMeans => "Ce que cela veut dire";

    public override string AboutTheIndex =>
        "Les couleurs et les niveaux sont ceux de l'indice européen de la qualité de l'air de l'Agence européenne pour l'environnement, "
        + "calculé sur la moyenne de la dernière heure. Le niveau d'un capteur est le plus mauvais de ses polluants.";

    public override string AboutTheIndexLink => "L'indice européen de la qualité de l'air (en anglais)";

    public override string BandsHeading => "Les six niveaux de l'indice";

    public override string Last24Hours => "Les dernières 24 heures";

    public override string ChartSummary(string pollutant, double minimum, double maximum, double mean, int hours) =>
        $"{pollutant} : entre {Number(minimum)} et {Number(maximum)} {Unit} par heure, en moyenne {Number(mean)} {Unit}, sur {hours} heure{(hours > 1 ? "s" : "")} mesurée{(hours > 1 ? "s" : "")}.";

    public override string ChartNoData => "Aucune mesure de pollution ces dernières 24 heures.";

    public override string ChartTableSummary => "Les valeurs heure par heure";

    public override string HourColumn => "Heure";

    public override string NoValue => "pas de mesure";

    public override string TrafficToday => "Circulation aujourd'hui";

    public override string TrafficCounts(int approaching, int receding) =>
        $"{approaching + receding} véhicules comptés depuis minuit : {approaching} dans un sens, {receding} dans l'autre.";

    public override string NoTrafficToday => "Pas de comptage de véhicules aujourd'hui.";

    public override string MapHeading => "Carte des capteurs";

    public override string MapHint => "La liste ci-dessus donne les mêmes informations que la carte.";

    public override string Location => "Emplacement";

    public override string LampPost => "Lampadaire";

    public override string Details => "Voir le détail";

    public override string OpenData => "Données ouvertes";

    public override string OpenDataIntro => "Les mesures sont libres de réutilisation, en CSV ou en JSON :";

    public override string Licence => "Licence Ouverte / Open Licence 2.0 (Etalab)";

    public override string DownloadCsv(string pollutant) => $"{pollutant}, dernières 24 heures, CSV";

    public override string DownloadJson(string pollutant) => $"{pollutant}, dernières 24 heures, JSON";

    public override string MonthName(int month) => Months[month - 1];

    public override string Number(double value, int decimals) => Rounded(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');

    public override string DateAndTime(DateTime local) => $"{local.Day} {MonthName(local.Month)} {local.Year} à {Time(local)}";
}
