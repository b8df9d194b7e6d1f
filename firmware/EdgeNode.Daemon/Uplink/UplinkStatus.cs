namespace EdgeNode.Daemon.Uplink;

/// <summary>What <c>edgenode status</c> says about the link to the fleet.</summary>
/// <param name="Enabled">False when no broker is configured: windows stay on the node.</param>
/// <param name="Problem">Why the node is not connected, in words a technician can act on; null when connected.</param>
/// <param name="CalibrationVersion">The fleet's calibration set the node applies to what it sends; 0 for none.</param>
public sealed record UplinkStatus(
    bool Enabled, bool Connected, string? Problem, DateTimeOffset? LastSyncAt, int AppliedConfigRevision, long BytesSent, long BytesReceived, int CalibrationVersion = 0)
{
    public static UplinkStatus Disabled { get; } = new(false, false, "no broker configured (Uplink:Broker)", null, 0, 0, 0);
}
