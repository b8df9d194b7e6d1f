using System.Globalization;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Localisation;

/// <summary>
/// The staff panel in French, the staff's language. Over 400 lines on purpose: every staff text, grouped by
/// page, in one file a translator reads from top to bottom; split by page, the words several pages share would have no home.
/// </summary>
public sealed class FrenchStaffText : StaffText
{
    // Statuses, faults and alerts.

    public override string StatusSilent => "Silencieux";

    public override string StatusSensorFault => "Capteur en défaut";

    public override string StatusLowDisk => "Disque presque plein";

    public override string StatusClockUnsynchronised => "Horloge non synchronisée";

    public override string StatusOutdatedFirmware => "Firmware à mettre à jour";

    public override string StatusDegraded => "Dégradé";

    public override string StatusHealthy => "En service";

    public override string Fault(WireFault fault) => fault switch
    {
        WireFault.NotPresent => "absent (non détecté)",
        WireFault.NotAnswering => "ne répond pas",
        WireFault.CorruptData => "données corrompues",
        WireFault.OutOfRange => "valeur hors plage",
        WireFault.Stuck => "valeur figée",
        WireFault.WarmingUp => "en préchauffage",
        WireFault.Stale => "sans mesure récente (échantillonnage bloqué sur le nœud)",
        _ => fault.ToString(),
    };

    public override string AlertSilent => "Nœud silencieux";

    public override string AlertSensorFault => "Capteur en défaut";

    public override string AlertLowDisk => "Disque presque plein";

    public override string AlertDeadLetterFlood => "Messages refusés en masse";

    public override string AlertPollution => "Seuil de pollution franchi";

    public override string MetricName(string metric) =>
        metric == MetricCatalogue.Temperature.Name ? "Température"
        : metric == MetricCatalogue.RelativeHumidity.Name ? "Humidité relative"
        : metric == MetricCatalogue.Pressure.Name ? "Pression atmosphérique"
        : metric == MetricCatalogue.Co2.Name ? "Dioxyde de carbone, CO₂"
        : metric == MetricCatalogue.Pm1.Name ? "Particules PM1"
        : metric == MetricCatalogue.Pm25.Name ? "Particules fines PM2,5"
        : metric == MetricCatalogue.Pm10.Name ? "Particules PM10"
        : metric == MetricCatalogue.No2.Name ? "Dioxyde d'azote, NO₂"
        : metric;

    public override string SilentSince(string lastSeen, string threshold) => $"Rien reçu depuis le {lastSeen} (plus de {threshold}).";

    public override string NeverHeard => "Jamais entendu : ni bilan de santé ni données.";

    public override string SensorProblem(string sensor, WireFault fault, string? since) =>
        $"Capteur {sensor} : {Fault(fault)}{(since is null ? "" : $" depuis le {since}")}.";

    public override string DiskProblem(string free, string total) => $"Disque : {free} libres sur {total}.";

    public override string ClockProblem => "Horloge non synchronisée : l'heure de ses mesures n'est pas confirmée.";

    public override string OutdatedFirmwareProblem(string running, string reference) => $"Firmware {running}, plus ancien que {reference}.";

    public override string BacklogProblem(int windows, string oldest) =>
        string.Create(CultureInfo.InvariantCulture, $"{windows} fenêtres en attente sur le nœud, la plus ancienne du {oldest}.");

    public override string UnreadableHealthReportProblem => "Son dernier bilan de santé est illisible.";

    public override string NoDataSince(string? lastData) =>
        lastData is null ? "Bilans reçus, mais jamais aucune donnée." : $"Bilans reçus, mais aucune donnée depuis le {lastData}.";

    public override string NoHealthReportSince(string? lastReport) =>
        lastReport is null ? "Données reçues, mais jamais aucun bilan." : $"Données reçues, mais aucun bilan depuis le {lastReport}.";

    public override string SensorFaultAlert(string sensor, WireFault fault) => $"{sensor} : {Fault(fault)}";

    public override string LowDiskAlert(long freeMegabytes, long totalMegabytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{freeMegabytes} MB libres sur {totalMegabytes} MB");

    public override string NodePollutionAlert(string pollutant, double value, string band, string since) =>
        string.Create(CultureInfo.InvariantCulture, $"{pollutant} : {value:0.#}, bande {band}, depuis le {since}");

    public override string ThresholdAlert(string metric, double mean, string unit, double threshold, string window, string sensor) =>
        string.Create(CultureInfo.InvariantCulture, $"{MetricName(metric)} : {mean:0.#} {unit}, au-dessus du seuil de {threshold:0.#} (fenêtre du {window}, capteur {sensor})");

    public override string DeadLetterFloodAlert(long messages, string since, int maxMessages, long maxMegabytes, double periodMinutes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{messages} messages refusés non conservés depuis le {since} : " +
            $"au-delà de {maxMessages} messages ou {maxMegabytes} Mo par période de {periodMinutes:0} min ; identifiant du nœud volé ou nœud défaillant ?");

    // Enrolment.

    public override string InvalidNodeId(int maximumLength) =>
        $"Identifiant : seulement des minuscules a-z, des chiffres et des tirets (ni au début ni à la fin), {maximumLength} caractères au plus.";

    public override string FieldRequired(string field) => $"{field} : obligatoire.";

    public override string FieldTooLong(string field, int maximumLength) => $"{field} : {maximumLength} caractères au plus.";

    public override string FieldControlCharacter(string field) => $"{field} : contient un caractère de contrôle (retour à la ligne, tabulation…).";

    public override string LatitudeOutOfRange => "Latitude : entre -90 et 90 degrés (WGS 84).";

    public override string LongitudeOutOfRange => "Longitude : entre -180 et 180 degrés (WGS 84).";

    public override string CoordinatesNotPaired => "Latitude et longitude : donnez les deux, ou aucune.";

    public override string LampPostReference => "Référence du lampadaire";

    public override string AlreadyEnrolled(string nodeId) =>
        $"Un nœud est déjà enrôlé sous l'identifiant « {nodeId} » : choisissez-en un autre, ou donnez un nouveau secret à ce nœud.";

    public override string NotEnrolled(string nodeId) => $"Aucun nœud n'est enrôlé sous l'identifiant « {nodeId} ».";

    // Calibration.

    public override string CalibrationProblem(CalibrationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CalibrationEntry entry = problem.Entry;
        return problem.Kind switch
        {
            CalibrationProblemKind.SensorName =>
                $"capteur « {entry.Sensor} » : un nom de capteur s'écrit en minuscules, chiffres et tirets, {CalibrationEntry.MaximumSensorNameLength} caractères au plus",
            CalibrationProblemKind.UnknownMetric => $"« {entry.Metric} » n'est pas une mesure que le protocole transporte",
            CalibrationProblemKind.Gain =>
                $"{entry.Sensor}, {MetricName(entry.Metric)} : le gain doit être compris entre {Number(CalibrationEntry.MinimumGain)} et {Number(CalibrationEntry.MaximumGain)} " +
                $"(il vaut {Number(entry.Gain)}) ; au-delà, il faut remplacer le capteur, pas le corriger",
            CalibrationProblemKind.Offset =>
                $"{entry.Sensor}, {MetricName(entry.Metric)} : le décalage doit rester entre -{Number(problem.MaximumOffset)} et +{Number(problem.MaximumOffset)} {problem.Metric?.Unit} " +
                $"(il vaut {Number(entry.Offset)})",
            _ => throw Untranslated(problem.Kind),
        };
    }

    public override string ChooseSensorAndMeasure => "choisissez un capteur et une mesure dans la liste";

    public override string TheGain => "le gain";

    public override string TheOffset => "le décalage";

    public override string NotADecimal(string name, string text) => $"{name} doit être un nombre décimal, par exemple 0,85 (reçu : « {text} »)";

    public override string CorrectionSummary(string sensor, string metric, string gain, string offset) =>
        $"{sensor}, {MetricName(metric)} : gain {gain}, décalage {offset}";

    public override string CorrectionRemovedSummary(string sensor, string metric) => $"{sensor}, {MetricName(metric)} : correction retirée";

    public override string CalibrationAudit(int version, string summary) => $"calibration n° {version} — {summary}";

    public override string AppliedByNode(string at) => $"appliquée par le nœud le {at}";

    public override string RefusedByNode(string at, string problem) => $"refusée par le nœud le {at} : {problem}";

    public override string AppliedByHealthReport => "appliquée par le nœud (d'après son bilan de santé)";

    public override string AwaitingNode => "envoyée, en attente du nœud (il la recevra à sa prochaine connexion)";

    // Charts and the plain map (node and fleet pages).

    public override string ChartNoData => "Aucune donnée sur la période";

    public override string ChartSummary(int windows, double mean, double minimum, double maximum, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{windows} fenêtres ; moyenne de {mean:0.##} {unit}, minimum {minimum:0.##}, maximum {maximum:0.##}.");

    public override string ChartRawSummary(double mean, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"Valeurs brutes (avant calibration, en pointillés) : moyenne de {mean:0.##} {unit}.");

    public override string CustomPeriodNeedsTwoDates => "Période personnalisée : indiquez deux dates (début et fin). Affichage des dernières 24 h.";

    public override string CustomPeriodLimited(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"Période limitée à {days} jours : affichage des {days} derniers jours de la période.");

    public override string PlainMapTitle(int located) => string.Create(CultureInfo.InvariantCulture, $"Carte des nœuds ({located} localisés)");

    // The node page.

    public override string BackToFleet => "← État du parc";

    public override string Scrollable(string caption) => $"{caption} (défilement horizontal)";

    public override string CurrentHealth => "Santé actuelle";

    public override string Municipality => "Commune";

    public override string NotInRegistry => "(hors registre)";

    public override string LampPost => "Lampadaire";

    public override string LastContact => "Dernier contact";

    public override string Never => "jamais";

    public override string LastData => "Dernières données";

    public override string NoData => "aucune";

    public override string HealthReportOf => "Bilan du";

    public override string Firmware => "Firmware";

    public override string FullVersion => "Version complète";

    public override string InServiceSince => "En service depuis";

    public override string Uptime(TimeSpan uptime) => $"{(int)uptime.TotalDays} j {uptime.Hours} h";

    public override string Clock => "Horloge";

    public override string ClockState(WireClockState clock) => clock switch
    {
        WireClockState.Synchronised => "synchronisée",
        WireClockState.Unsynchronised => "non synchronisée",
        _ => "inconnue",
    };

    public override string Disk => "Disque";

    public override string DiskFree(string free, string total) => $"{free} libres sur {total}";

    public override string Memory => "Mémoire";

    public override string MemoryUse(string available, string process) => $"{available} disponibles ; processus {process}";

    public override string CpuTemperature => "Température CPU";

    public override string AwaitingSending => "En attente d'envoi";

    public override string Backlog(int windows, string? oldest) => $"{windows} fenêtre(s){(oldest is null ? "" : ", la plus ancienne du " + oldest)}";

    public override string LastSync => "Dernière synchro";

    public override string AppliedConfiguration => "Configuration appliquée";

    public override string Revision(int revision) => $"révision {revision}";

    public override string HealthReport => "Bilan de santé";

    public override string NoReadableHealthReport => "aucun bilan lisible reçu";

    public override string Sensors => "Capteurs";

    public override string Sensor => "Capteur";

    public override string State => "État";

    public override string LastGoodMeasurement => "Dernière mesure réussie";

    public override string LastFault => "Dernier défaut";

    public override string SensorState(WireFault? fault) => fault is { } known ? "défaut : " + Fault(known) : SensorOk;

    public override string SensorOk => "OK";

    public override string Measurements => "Mesures";

    public override string Period => "Période";

    public override string Last24Hours => "24 h";

    public override string Last7Days => "7 jours";

    public override string Last30Days => "30 jours";

    public override string RangeFrom => "Du";

    public override string RangeTo => "au";

    public override string Show => "Afficher";

    public override string ChartsExplanation(string from, string to) =>
        $"Du {from} au {to}. La ligne pleine est la moyenne calibrée de chaque fenêtre, la bande son minimum et son maximum. "
        + "Quand une calibration a corrigé la mesure, la ligne en pointillés montre la moyenne brute, telle que le capteur l'a lue.";

    public override string NoMeasurementInRange => "Aucune mesure sur la période.";

    public override string ChartSource(string sensor, int calibrationVersion) => $"capteur {sensor}, calibration n° {calibrationVersion}";

    public override string ChartTitle(string metric, string sensor) => $"{MetricWithUnit(metric)}, capteur {sensor}";

    public override string Calibration => "Calibration";

    public override string CalibrationExplanation =>
        "Une correction linéaire par capteur et par mesure : valeur calibrée = gain × valeur brute + décalage (par exemple après une comparaison avec une station de référence). "
        + "Le nœud l'applique à tout ce qu'il envoie ensuite ; il garde les valeurs brutes.";

    public override string CalibrationSaved(int version) => $"Calibration n° {version} enregistrée et envoyée au nœud.";

    public override string CalibrationNotSaved => "La calibration n'a pas été enregistrée :";

    public override string NoCalibration => "Aucune calibration : le nœud envoie les valeurs de ses capteurs telles quelles.";

    public override string CurrentCalibration(int version, string at, string by) => $"Calibration en vigueur : n° {version}, du {at} par {by}";

    public override string CorrectsNothing => "Elle ne corrige aucune mesure.";

    public override string Measure => "Mesure";

    public override string Gain => "Gain";

    public override string Offset => "Décalage";

    public override string Action => "Action";

    public override string RemoveCorrection(string sensor, string metric) => $"Retirer la correction de {sensor}, {MetricName(metric)}";

    public override string SensorAndMeasure => "Capteur et mesure";

    public override string SaveAndSend => "Enregistrer et envoyer";

    public override string NothingToCalibrate =>
        "Le nœud n'a envoyé aucune mesure depuis 30 jours : la calibration se règle une fois ses capteurs connus du parc.";

    public override string PreviousVersions => "Versions précédentes";

    public override string PreviousCalibration(int version, string at, string by, IReadOnlyList<CalibrationEntry> entries) =>
        $"n° {version}, du {at} par {by} : "
        + (entries.Count == 0 ? "aucune correction" : string.Join(" ; ", entries.Select(e => $"{e.Sensor}, {MetricName(e.Metric)} × {Number(e.Gain)} + {Number(e.Offset)}")));

    public override string FaultHistory => "Historique des défauts";

    public override string NoFaultInRange => "Aucun défaut de capteur dans les mesures de la période.";

    public override string Window => "Fenêtre";

    public override string Faults => "Défauts";

    public override string Alerts => "Alertes";

    public override string NoAlertInRange => "Aucune alerte ouverte ni levée sur la période.";

    public override string Raised => "Levée";

    public override string AlertType => "Type";

    public override string SubjectHeading => "Objet";

    public override string Detail => "Détail";

    public override string Closed => "Close";

    public override string StillOpen => "ouverte";

    public override string ThresholdsReportedByNode => "Seuils signalés par le nœud";

    public override string At => "À";

    public override string Pollutant => "Polluant";

    public override string Band => "Bande";

    public override string Value => "Valeur";

    public override string PollutionAlertState(bool cleared) => cleared ? "retour sous le seuil" : "seuil franchi";

    public override string DeadLetters => "Messages rejetés";

    public override string NoDeadLetter => "Aucun message rejeté pour ce nœud.";

    public override string MostRecent(int count) => $"Les {count} plus récents.";

    public override string Received => "Reçu";

    public override string MqttTopic => "Sujet MQTT";

    public override string Reason => "Raison";

    public override string Size => "Taille";

    public override string PayloadStart => "Début du contenu (hex)";

    public override string ByteCount(int length, bool truncated) => $"{length} o{(truncated ? " (tronqué)" : "")}";

    // The fleet page.

    public override string FleetTitle => "État du parc";

    public override string FleetAt(string at, int nodes) => $"Au {at} — {nodes} nœuds.";

    public override string ReferenceFirmware => "Firmware de référence :";

    public override string ByStatus => "Par état";

    public override string OpenAlertsAfterCount => "alerte(s) ouverte(s)";

    public override string Map => "Carte";

    public override string NoLocatedNode => "Aucun nœud localisé parmi ceux affichés : ajoutez leurs coordonnées dans le registre.";

    public override string MapCaption => "Chaque point est un nœud ; sa couleur est son état (voir le tableau ci-dessous).";

    public override string Nodes => "Nœuds";

    public override string AllStatuses => "Tous";

    public override string Search => "Recherche";

    public override string SearchPlaceholder => "nom, commune, lampadaire";

    public override string Filter => "Filtrer";

    public override string ShowAll => "Tout afficher";

    public override string NodesShown(int count) => $"{count} nœud(s) affiché(s).";

    public override string FleetNodes => "Nœuds du parc";

    public override string FleetNodesSortedBy(string column, bool descending) => $"Nœuds du parc, triés par « {column} »{(descending ? ", ordre décroissant" : "")}";

    public override string Name => "Nom";

    public override string Awaiting => "En attente";

    // The alerts page.

    public override string AlertAcknowledged(long id) => $"Alerte n° {id} prise en compte.";

    public override string OpenAlertsHeading(int count) => $"Ouvertes ({count})";

    public override string NoOpenAlert => "Aucune alerte ouverte.";

    public override string OpenAlerts => "Alertes ouvertes";

    public override string NumberHeading => "N°";

    public override string Node => "Nœud";

    public override string AcknowledgedHeading => "Prise en compte";

    public override string AcknowledgedBy(string? by, string at) => $"par {by}, le {at}";

    public override string Acknowledge => "Prendre en compte";

    public override string TheAlert(long id) => $" l'alerte n° {id}";

    public override string No => "non";

    public override string ClearedAlertsHeading(int days, int count) => $"Closes ces {days} derniers jours ({count})";

    public override string NoneCleared => "Aucune.";

    public override string ClearedAlerts => "Alertes closes";

    public override string AcknowledgedAudit(long id, string kind, string subject) => $"alerte n° {id} : {kind}{(subject.Length > 0 ? " " + subject : "")}";

    // Every page: the layout, roles.

    public override string PageTitle(string? title) => $"{title} — EdgeNode, espace agents";

    public override string SkipToContent => "Aller au contenu";

    public override string Brand => "EdgeNode · Espace agents";

    public override string StaffArea => "Espace agents";

    public override string Overview => "Vue d'ensemble";

    public override string Enrolment => "Enrôlement";

    public override string Users => "Utilisateurs";

    public override string AuditLog => "Journal d'audit";

    public override string SignOut => "Se déconnecter";

    public override string SignOutTitle => "Déconnexion";

    public override string RoleAdmin => "Administrateur";

    public override string RoleTechnician => "Technicien";

    public override string RoleViewer => "Lecteur";

    // The enrolment page.

    public override string EnrolmentTitle => "Enrôlement des nœuds";

    public override string NoCoordinates => "non renseignées";

    public override string RequestFailed => "La demande n'a pas abouti :";

    public override string NodeCredentials(string nodeId) => $"Identifiants du nœud « {nodeId} »";

    public override string ShownOnce => "Ils ne seront plus affichés :";

    public override string CopyCredentials =>
        "la flotte n'en garde qu'une empreinte. Téléchargez les deux fichiers et copiez-les dans";

    public override string ThenRestart => "sur le nœud, puis redémarrez-le";

    public override string Download(string fileName) => $"Télécharger {fileName}";

    public override string ContainsSecret => "(contient le secret)";

    public override string SiteAuthority => "(l'autorité de certification du site)";

    public override string Secret => "Secret :";

    public override string NodesNeedingNewSecret(int count) => $"Nœuds qui ont besoin d'un nouveau secret ({count})";

    public override string NoBrokerAccountExplanation =>
        "Le broker n'a plus de compte pour ces nœuds : ils ne peuvent pas se connecter. C'est le cas après la "
        + "restauration d'une sauvegarde du broker plus ancienne que la base, un compte supprimé à la main ou un enrôlement "
        + "interrompu. La flotte ne garde qu'une empreinte de leur secret et ne peut donc pas recréer le compte seule : "
        + "donnez-leur un nouveau secret avec le bouton « Nouveau secret » de leur ligne, puis copiez les nouveaux fichiers "
        + "sur le nœud.";

    public override string EnrolledNodes => "Nœuds enrôlés";

    public override string EnrolledNodesCount(int count) => $"Nœuds enrôlés ({count})";

    public override string Identifier => "Identifiant";

    public override string Coordinates => "Coordonnées";

    public override string Access => "Accès";

    public override string Actions => "Actions";

    public override string AccessState(bool enabled) => enabled ? "Autorisé" : "Désactivé";

    public override string NoBrokerAccount => "Sans compte sur le broker : nouveau secret nécessaire";

    public override string DisableOrEnable(bool enabled) => enabled ? "Désactiver" : "Réactiver";

    public override string NewSecret => "Nouveau secret";

    public override string Remove => "Retirer";

    public override string EnrolANode => "Enrôler un nœud";

    public override string IdentifierHelp =>
        "Minuscules sans accent, chiffres et tirets intérieurs, 48 caractères au plus (par exemple saint-jean-mairie). Il ne change plus.";

    public override string LampPostReferenceOptional => "Référence du lampadaire (facultatif)";

    public override string LatitudeOptional => "Latitude (degrés, facultatif)";

    public override string LongitudeOptional => "Longitude (degrés, facultatif)";

    public override string Enrol => "Enrôler";

    public override string NodeDisabled(string nodeId) => $"Nœud « {nodeId} » désactivé : le broker le refuse dès maintenant.";

    public override string NodeEnabled(string nodeId) => $"Nœud « {nodeId} » réactivé.";

    public override string NodeRemoved(string nodeId) => $"Nœud « {nodeId} » retiré ; ses mesures restent.";

    public override string BrokerRefused(string problem) => $"Le broker n'a pas pu appliquer la modification : {problem}";

    public override string NotDegrees(string field, string text) => $"{field} : « {text} » n'est pas un nombre de degrés (par exemple 45.2721).";

    public override string BrokerAccountRecreatedAudit => "compte recréé sur le broker, qui n'en avait plus";

    public override string BrokerOrphanDeletedAudit => "compte supprimé sur le broker : le registre ne connaît pas ce nœud";

    public override string BrokerAccountDisabledAudit => "désactivé sur le broker, comme dans le registre";

    public override string BrokerAccountEnabledAudit => "réactivé sur le broker, comme dans le registre";

    // The users, account, sign-in and audit pages.

    public override string UsersTitle => "Utilisateurs de l'espace agents";

    public override string Accounts => "Comptes";

    public override string AccountsCount(int count) => $"Comptes ({count})";

    public override string RoleHeading => "Rôle";

    public override string LastSignIn => "Dernière connexion";

    public override string RoleOf(string userName) => $"Rôle de {userName}";

    public override string ChangeRole => "Changer le rôle";

    public override string NewPasswordOf(string userName) => $"Nouveau mot de passe de {userName}";

    public override string NewPassword => "Nouveau mot de passe";

    public override string Reset => "Réinitialiser";

    public override string CreateUser => "Créer un utilisateur";

    public override string UserName => "Nom d'utilisateur";

    public override string UserNameHelp => "Lettres sans accent, chiffres, « . », « _ » et « - ».";

    public override string Password => "Mot de passe";

    public override string NewUserPasswordHelp(int minimumLength) => $"Au moins {minimumLength} caractères. Transmettez-le à la personne par un autre canal.";

    public override string Create => "Créer";

    public override string UserCreated(string userName, string roleName) => $"Utilisateur « {userName} » créé ({roleName}).";

    public override string RoleChanged(string userName, string roleName) => $"Rôle de « {userName} » : {roleName}.";

    public override string PasswordReset(string userName) => $"Mot de passe de « {userName} » réinitialisé ; ses sessions ouvertes sont fermées.";

    public override string UserDisabled(string userName) => $"« {userName} » est désactivé.";

    public override string UserEnabled(string userName) => $"« {userName} » est réactivé.";

    public override string UserDisabledState => "Désactivé";

    public override string UserActive => "Actif";

    public override string UserLockedOut(int clients, string until) =>
        $"Actif ; connexion suspendue depuis {(clients == 1 ? "1 adresse" : $"{clients} adresses")} jusqu'à {until}";

    public override string MyAccount => "Mon compte";

    public override string WhoAmI(string userName, string roleName) => $"{userName}, {roleName}.";

    public override string ChangeMyPassword => "Changer mon mot de passe";

    public override string CurrentPassword => "Mot de passe actuel";

    public override string OwnPasswordHelp(int minimumLength) => $"Au moins {minimumLength} caractères. Vos autres sessions seront fermées.";

    public override string ChangePassword => "Changer le mot de passe";

    public override string PasswordChanged => "Mot de passe changé ; vos autres sessions sont fermées.";

    public override string SignInTitle => "Connexion";

    public override string SignInHeading => "Connexion à l'espace agents";

    public override string SignIn => "Se connecter";

    public override string SignInRefused(int maximumFailures, TimeSpan lockout) =>
        $"Nom d'utilisateur ou mot de passe incorrect. Après {maximumFailures} échecs, la connexion à ce compte "
        + $"depuis votre adresse est suspendue pendant {Minutes(lockout)} ; un administrateur peut la rétablir "
        + "en réinitialisant le mot de passe.";

    public override string TooManySignIns => "Trop de tentatives de connexion";

    public override string TooManySignInsExplanation =>
        "Trop de tentatives de connexion sont venues de votre adresse en peu de temps. Par sécurité, la connexion est suspendue pour cette adresse.";

    public override string RetryIn(int seconds) => seconds < 60
        ? $"Réessayez dans {seconds} seconde{(seconds > 1 ? "s" : "")}"
        : $"Réessayez dans {(seconds + 59) / 60} minute{((seconds + 59) / 60 > 1 ? "s" : "")}";

    public override string RetryFrom(string at) => $"à partir de {at}";

    public override string ForgottenPassword => "Si vous avez oublié votre mot de passe, demandez à un administrateur de le réinitialiser.";

    public override string BackToSignIn => "Retour à la page de connexion";

    public override string AccessDenied => "Accès refusé";

    public override string RoleForbidsAction => "Votre rôle ne permet pas cette action.";

    public override string BackToStaffArea => "Retour à l'espace agents";

    public override string AuditIntro => "Chaque action des agents qui change quelque chose, la plus récente en premier.";

    public override string NoAuditEntry => "Aucune entrée.";

    public override string AuditEntries(long oldest, long newest) => $"Entrées {oldest} à {newest}";

    public override string When => "Quand";

    public override string Who => "Qui";

    public override string Target => "Cible";

    public override string Details => "Détails";

    public override string OlderEntries => "Entrées plus anciennes";

    // Why a change to staff users is refused, and what the audit log says of it.

    public override string InvalidUserName(int maximumLength) =>
        $"Nom d'utilisateur invalide : 1 à {maximumLength} caractères parmi a-z, 0-9, « . », « _ », « - ».";

    public override string UserExists(string userName) => $"L'utilisateur « {userName} » existe déjà.";

    public override string NoSuchUser(string userName) => $"Aucun utilisateur « {userName} ».";

    public override string UnknownRole => "Rôle inconnu : choisissez administrateur, technicien ou lecteur.";

    public override string LastAdminCannotChangeRole(string userName) => $"« {userName} » est le dernier administrateur actif : nommez-en un autre d'abord.";

    public override string LastAdminCannotBeDisabled(string userName) => $"« {userName} » est le dernier administrateur actif : il ne peut pas être désactivé.";

    public override string CannotDisableOwnAccount => "Vous ne pouvez pas désactiver votre propre compte.";

    public override string CurrentPasswordWrong => "Le mot de passe actuel est incorrect.";

    public override string PasswordTooShort(int minimumLength) =>
        $"Le mot de passe doit compter au moins {minimumLength} caractères (password: at least {minimumLength} characters).";

    public override string PasswordTooLong(int maximumLength) => $"Le mot de passe ne doit pas dépasser {maximumLength} caractères.";

    public override string UserCreatedAudit(string role) => $"rôle {role}";

    public override string FirstAdminAudit => "premier administrateur, créé au démarrage";

    public override string PasswordResetAudit => "mot de passe remplacé, sessions fermées";

    public override string OwnPasswordChangedAudit => "par l'utilisateur, autres sessions fermées";

    public override string LockedOutAudit(int failures, string client, string until) =>
        $"{failures} échecs depuis {client} ; connexion refusée depuis cette adresse jusqu'à {until}";

    private static string Minutes(TimeSpan duration) =>
        duration.TotalMinutes < 1 ? "moins d'une minute"
        : duration.TotalMinutes < 2 ? "1 minute"
        : $"{(int)duration.TotalMinutes} minutes";
}
