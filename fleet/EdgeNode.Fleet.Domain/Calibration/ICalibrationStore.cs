using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Calibration;

/// <summary>Every calibration set the fleet has given each node, and the node's answer (the same store object as <see cref="Storage.IFleetStore"/>).</summary>
public interface ICalibrationStore
{
    /// <summary>
    /// Stores <paramref name="entries"/> as the node's next version and returns what was stored. The version is above
    /// the fleet's newest for the node and above <paramref name="nodeRevision"/>, the configuration revision the node
    /// last reported in force (0 when unknown): a node ignores a revision no newer than its own, and a node may hold a
    /// higher one than this database (restored from a backup, or the node enrolled again under its old id).
    /// </summary>
    Task<CalibrationRecord> AddCalibrationAsync(string nodeId, IReadOnlyList<CalibrationEntry> entries, string createdBy, DateTimeOffset at, int nodeRevision, CancellationToken ct);

    /// <summary>One node's sets, newest version first.</summary>
    Task<IReadOnlyList<CalibrationRecord>> ReadCalibrationsAsync(string nodeId, CancellationToken ct);

    /// <summary>Every node's newest set, by node id.</summary>
    Task<IReadOnlyList<CalibrationRecord>> ReadLatestCalibrationsAsync(CancellationToken ct);

    /// <summary>Records the node's answer to a version; false when the node has no such version.</summary>
    Task<bool> RecordCalibrationAnswerAsync(string nodeId, int version, CalibrationAnswer answer, CancellationToken ct);
}
