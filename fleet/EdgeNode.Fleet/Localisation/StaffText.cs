using System.Globalization;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Localisation;

/// <summary>
/// Every word the staff panel shows, one subclass per language as <see cref="PublicText"/> does for the public pages,
/// so that a missing translation is a build error. Staff read French; <see cref="French"/> is the only language.
/// Pages reach it with <c>@inject StaffText Text</c>; code outside pages with <see cref="French"/>.
/// One line per text, grouped by page in the order of <see cref="FrenchStaffText"/>.
/// </summary>
public abstract class StaffText
{
    public static StaffText French { get; } = new FrenchStaffText();

    // Statuses, faults and alerts.
    public abstract string Fault(WireFault fault);
    public abstract string MetricName(string metric);

    // A node's status and an alert's kind, one key each: Monitoring picks the key (MonitoringText), so that the
    // catalogue knows no feature's types.
    public abstract string StatusSilent { get; }
    public abstract string StatusSensorFault { get; }
    public abstract string StatusLowDisk { get; }
    public abstract string StatusClockUnsynchronised { get; }
    public abstract string StatusOutdatedFirmware { get; }
    public abstract string StatusDegraded { get; }
    public abstract string StatusHealthy { get; }
    public abstract string AlertSilent { get; }
    public abstract string AlertSensorFault { get; }
    public abstract string AlertLowDisk { get; }
    public abstract string AlertDeadLetterFlood { get; }
    public abstract string AlertPollution { get; }

    // Why a node has its status (fleet overview, node page, silence alert); dates as StaffTime writes them.
    public abstract string SilentSince(string lastSeen, string threshold);
    public abstract string NeverHeard { get; }
    public abstract string SensorProblem(string sensor, WireFault fault, string? since);
    public abstract string DiskProblem(string free, string total);
    public abstract string ClockProblem { get; }
    public abstract string OutdatedFirmwareProblem(string running, string reference);
    public abstract string BacklogProblem(int windows, string oldest);
    public abstract string UnreadableHealthReportProblem { get; }
    public abstract string NoDataSince(string? lastData);
    public abstract string NoHealthReportSince(string? lastReport);

    // What an alert says (alerts page, webhook).
    public abstract string SensorFaultAlert(string sensor, WireFault fault);
    public abstract string LowDiskAlert(long freeMegabytes, long totalMegabytes);
    public abstract string NodePollutionAlert(string pollutant, double value, string band, string since);
    public abstract string ThresholdAlert(string metric, double mean, string unit, double threshold, string window, string sensor);
    public abstract string DeadLetterFloodAlert(long messages, string since, int maxMessages, long maxMegabytes, double periodMinutes);

    // Enrolment: Registry picks the key for a problem's kind and the label for its field (EnrolmentProblemText).
    public abstract string InvalidNodeId(int maximumLength);
    public abstract string FieldRequired(string field);
    public abstract string FieldTooLong(string field, int maximumLength);
    public abstract string FieldControlCharacter(string field);
    public abstract string LatitudeOutOfRange { get; }
    public abstract string LongitudeOutOfRange { get; }
    public abstract string CoordinatesNotPaired { get; }
    public abstract string LampPostReference { get; }
    public abstract string AlreadyEnrolled(string nodeId);
    public abstract string NotEnrolled(string nodeId);

    // Calibration.
    public abstract string CalibrationProblem(CalibrationProblem problem);
    public abstract string ChooseSensorAndMeasure { get; }
    public abstract string TheGain { get; }
    public abstract string TheOffset { get; }
    public abstract string NotADecimal(string name, string text);
    public abstract string CorrectionSummary(string sensor, string metric, string gain, string offset);
    public abstract string CorrectionRemovedSummary(string sensor, string metric);
    public abstract string CalibrationAudit(int version, string summary);
    public abstract string AppliedByNode(string at);
    public abstract string RefusedByNode(string at, string problem);
    public abstract string AppliedByHealthReport { get; }
    public abstract string AwaitingNode { get; }

    // Charts and the plain map (node and fleet pages).
    public abstract string ChartNoData { get; }
    public abstract string ChartSummary(int windows, double mean, double minimum, double maximum, string unit);
    public abstract string ChartRawSummary(double mean, string unit);
    public abstract string CustomPeriodNeedsTwoDates { get; }
    public abstract string CustomPeriodLimited(int days);
    public abstract string PlainMapTitle(int located);

    // The node page.
    public abstract string BackToFleet { get; }
    public abstract string Scrollable(string caption);
    public abstract string CurrentHealth { get; }
    public abstract string Municipality { get; }
    public abstract string NotInRegistry { get; }
    public abstract string LampPost { get; }
    public abstract string LastContact { get; }
    public abstract string Never { get; }
    public abstract string LastData { get; }
    public abstract string NoData { get; }
    public abstract string HealthReportOf { get; }
    public abstract string Firmware { get; }
    public abstract string FullVersion { get; }
    public abstract string InServiceSince { get; }
    public abstract string Uptime(TimeSpan uptime);
    public abstract string Clock { get; }
    public abstract string ClockState(WireClockState clock);
    public abstract string Disk { get; }
    public abstract string DiskFree(string free, string total);
    public abstract string Memory { get; }
    public abstract string MemoryUse(string available, string process);
    public abstract string CpuTemperature { get; }
    public abstract string AwaitingSending { get; }
    public abstract string Backlog(int windows, string? oldest);
    public abstract string LastSync { get; }
    public abstract string AppliedConfiguration { get; }
    public abstract string Revision(int revision);
    public abstract string HealthReport { get; }
    public abstract string NoReadableHealthReport { get; }
    public abstract string Sensors { get; }
    public abstract string Sensor { get; }
    public abstract string State { get; }
    public abstract string LastGoodMeasurement { get; }
    public abstract string LastFault { get; }
    public abstract string SensorState(WireFault? fault);
    public abstract string SensorOk { get; }
    public abstract string Measurements { get; }
    public abstract string Period { get; }
    public abstract string Last24Hours { get; }
    public abstract string Last7Days { get; }
    public abstract string Last30Days { get; }
    public abstract string RangeFrom { get; }
    public abstract string RangeTo { get; }
    public abstract string Show { get; }
    public abstract string ChartsExplanation(string from, string to);
    public abstract string NoMeasurementInRange { get; }
    public abstract string ChartSource(string sensor, int calibrationVersion);
    public abstract string ChartTitle(string metric, string sensor);
    public abstract string Calibration { get; }
    public abstract string CalibrationExplanation { get; }
    public abstract string CalibrationSaved(int version);
    public abstract string CalibrationNotSaved { get; }
    public abstract string NoCalibration { get; }
    public abstract string CurrentCalibration(int version, string at, string by);
    public abstract string CorrectsNothing { get; }
    public abstract string Measure { get; }
    public abstract string Gain { get; }
    public abstract string Offset { get; }
    public abstract string Action { get; }
    public abstract string RemoveCorrection(string sensor, string metric);
    public abstract string SensorAndMeasure { get; }
    public abstract string SaveAndSend { get; }
    public abstract string NothingToCalibrate { get; }
    public abstract string PreviousVersions { get; }
    public abstract string PreviousCalibration(int version, string at, string by, IReadOnlyList<CalibrationEntry> entries);
    public abstract string FaultHistory { get; }
    public abstract string NoFaultInRange { get; }
    public abstract string Window { get; }
    public abstract string Faults { get; }
    public abstract string Alerts { get; }
    public abstract string NoAlertInRange { get; }
    public abstract string Raised { get; }
    public abstract string AlertType { get; }
    public abstract string SubjectHeading { get; }
    public abstract string Detail { get; }
    public abstract string Closed { get; }
    public abstract string StillOpen { get; }
    public abstract string ThresholdsReportedByNode { get; }
    public abstract string At { get; }
    public abstract string Pollutant { get; }
    public abstract string Band { get; }
    public abstract string Value { get; }
    public abstract string PollutionAlertState(bool cleared);
    public abstract string DeadLetters { get; }
    public abstract string NoDeadLetter { get; }
    public abstract string MostRecent(int count);
    public abstract string Received { get; }
    public abstract string MqttTopic { get; }
    public abstract string Reason { get; }
    public abstract string Size { get; }
    public abstract string PayloadStart { get; }
    public abstract string ByteCount(int length, bool truncated);

    // The fleet page.
    public abstract string FleetTitle { get; }
    public abstract string FleetAt(string at, int nodes);
    public abstract string ReferenceFirmware { get; }
    public abstract string ByStatus { get; }
    public abstract string OpenAlertsAfterCount { get; }
    public abstract string Map { get; }
    public abstract string NoLocatedNode { get; }
    public abstract string MapCaption { get; }
    public abstract string Nodes { get; }
    public abstract string AllStatuses { get; }
    public abstract string Search { get; }
    public abstract string SearchPlaceholder { get; }
    public abstract string Filter { get; }
    public abstract string ShowAll { get; }
    public abstract string NodesShown(int count);
    public abstract string FleetNodes { get; }
    public abstract string FleetNodesSortedBy(string column, bool descending);
    public abstract string Name { get; }
    public abstract string Awaiting { get; }

    // The alerts page.
    public abstract string AlertAcknowledged(long id);
    public abstract string OpenAlertsHeading(int count);
    public abstract string NoOpenAlert { get; }
    public abstract string OpenAlerts { get; }
    public abstract string NumberHeading { get; }
    public abstract string Node { get; }
    public abstract string AcknowledgedHeading { get; }
    public abstract string AcknowledgedBy(string? by, string at);
    public abstract string Acknowledge { get; }
    public abstract string TheAlert(long id);
    public abstract string No { get; }
    public abstract string ClearedAlertsHeading(int days, int count);
    public abstract string NoneCleared { get; }
    public abstract string ClearedAlerts { get; }
    public abstract string AcknowledgedAudit(long id, string kind, string subject);

    // Every page: the layout, roles.
    public abstract string PageTitle(string? title);
    public abstract string SkipToContent { get; }
    public abstract string Brand { get; }
    public abstract string StaffArea { get; }
    public abstract string Overview { get; }
    public abstract string Enrolment { get; }
    public abstract string Users { get; }
    public abstract string AuditLog { get; }
    public abstract string SignOut { get; }
    public abstract string SignOutTitle { get; }
    public abstract string RoleAdmin { get; }
    public abstract string RoleTechnician { get; }
    public abstract string RoleViewer { get; }

    // The enrolment page.
    public abstract string EnrolmentTitle { get; }
    public abstract string NoCoordinates { get; }
    public abstract string RequestFailed { get; }
    public abstract string NodeCredentials(string nodeId);
    public abstract string ShownOnce { get; }
    public abstract string CopyCredentials { get; }
    public abstract string ThenRestart { get; }
    public abstract string Download(string fileName);
    public abstract string ContainsSecret { get; }
    public abstract string SiteAuthority { get; }
    public abstract string Secret { get; }
    public abstract string NodesNeedingNewSecret(int count);
    public abstract string NoBrokerAccountExplanation { get; }
    public abstract string EnrolledNodes { get; }
    public abstract string EnrolledNodesCount(int count);
    public abstract string Identifier { get; }
    public abstract string Coordinates { get; }
    public abstract string Access { get; }
    public abstract string Actions { get; }
    public abstract string AccessState(bool enabled);
    public abstract string NoBrokerAccount { get; }
    public abstract string DisableOrEnable(bool enabled);
    public abstract string NewSecret { get; }
    public abstract string Remove { get; }
    public abstract string EnrolANode { get; }
    public abstract string IdentifierHelp { get; }
    public abstract string LampPostReferenceOptional { get; }
    public abstract string LatitudeOptional { get; }
    public abstract string LongitudeOptional { get; }
    public abstract string Enrol { get; }
    public abstract string NodeDisabled(string nodeId);
    public abstract string NodeEnabled(string nodeId);
    public abstract string NodeRemoved(string nodeId);
    public abstract string BrokerRefused(string problem);
    public abstract string NotDegrees(string field, string text);
    public abstract string BrokerAccountRecreatedAudit { get; }
    public abstract string BrokerOrphanDeletedAudit { get; }
    public abstract string BrokerAccountDisabledAudit { get; }
    public abstract string BrokerAccountEnabledAudit { get; }

    // The users, account, sign-in and audit pages.
    public abstract string UsersTitle { get; }
    public abstract string Accounts { get; }
    public abstract string AccountsCount(int count);
    public abstract string RoleHeading { get; }
    public abstract string LastSignIn { get; }
    public abstract string RoleOf(string userName);
    public abstract string ChangeRole { get; }
    public abstract string NewPasswordOf(string userName);
    public abstract string NewPassword { get; }
    public abstract string Reset { get; }
    public abstract string CreateUser { get; }
    public abstract string UserName { get; }
    public abstract string UserNameHelp { get; }
    public abstract string Password { get; }
    public abstract string NewUserPasswordHelp(int minimumLength);
    public abstract string Create { get; }
    public abstract string UserCreated(string userName, string roleName);
    public abstract string RoleChanged(string userName, string roleName);
    public abstract string PasswordReset(string userName);
    public abstract string UserDisabled(string userName);
    public abstract string UserEnabled(string userName);
    public abstract string UserDisabledState { get; }
    public abstract string UserActive { get; }
    public abstract string UserLockedOut(int clients, string until);
    public abstract string MyAccount { get; }
    public abstract string WhoAmI(string userName, string roleName);
    public abstract string ChangeMyPassword { get; }
    public abstract string CurrentPassword { get; }
    public abstract string OwnPasswordHelp(int minimumLength);
    public abstract string ChangePassword { get; }
    public abstract string PasswordChanged { get; }
    public abstract string SignInTitle { get; }
    public abstract string SignInHeading { get; }
    public abstract string SignIn { get; }
    public abstract string SignInRefused(int maximumFailures, TimeSpan lockout);
    public abstract string TooManySignIns { get; }
    public abstract string TooManySignInsExplanation { get; }
    public abstract string RetryIn(int seconds);
    public abstract string RetryFrom(string at);
    public abstract string ForgottenPassword { get; }
    public abstract string BackToSignIn { get; }
    public abstract string AccessDenied { get; }
    public abstract string RoleForbidsAction { get; }
    public abstract string BackToStaffArea { get; }
    public abstract string AuditIntro { get; }
    public abstract string NoAuditEntry { get; }
    public abstract string AuditEntries(long oldest, long newest);
    public abstract string When { get; }
    public abstract string Who { get; }
    public abstract string Target { get; }
    public abstract string Details { get; }
    public abstract string OlderEntries { get; }

    // Why a change to staff users is refused, and what the audit log says of it.
    public abstract string InvalidUserName(int maximumLength);
    public abstract string UserExists(string userName);
    public abstract string NoSuchUser(string userName);
    public abstract string UnknownRole { get; }
    public abstract string LastAdminCannotChangeRole(string userName);
    public abstract string LastAdminCannotBeDisabled(string userName);
    public abstract string CannotDisableOwnAccount { get; }
    public abstract string CurrentPasswordWrong { get; }
    public abstract string PasswordTooShort(int minimumLength);
    public abstract string PasswordTooLong(int maximumLength);
    public abstract string UserCreatedAudit(string role);
    public abstract string FirstAdminAudit { get; }
    public abstract string PasswordResetAudit { get; }
    public abstract string OwnPasswordChangedAudit { get; }
    public abstract string LockedOutAudit(int failures, string client, string until);

    /// <summary>A fault as the windows store it (the enum's name), in staff words; a name this fleet does not know stays.</summary>
    public string StoredFault(string? stored) =>
        Enum.TryParse(stored, ignoreCase: false, out WireFault fault) && Enum.IsDefined(fault) ? Fault(fault) : stored ?? "";

    /// <summary>"Particules fines PM2,5 (µg/m³)" for "pm25_ugm3": a chart's title.</summary>
    public string MetricWithUnit(string metric) =>
        MetricCatalogue.All.FirstOrDefault(known => known.Name == metric)?.Unit is { Length: > 0 } unit ? $"{MetricName(metric)} ({unit})" : MetricName(metric);

    /// <summary>A gain or an offset as staff typed it: up to four decimals, a point as the separator.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>For a language's switch over a closed enum: a value it has no words for is a missing translation.</summary>
    protected static ArgumentOutOfRangeException Untranslated<T>(T value) where T : struct, Enum =>
        new(nameof(value), value, $"No staff text for {typeof(T).Name}.{value}: add it to every StaffText language.");
}
