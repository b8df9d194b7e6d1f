using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Calibration;

/// <summary>Every calibration set the fleet has given each node, and the node's answer (the same store object as <see cref="Storage.IFleetStore"/>).</summary>
public interface ICalibrationStore
{
    /// <summary>Stores <paramref name="entries"/> as the node's next version (its newest plus one) and returns what was stored.</summary>
    Task<CalibrationRecord> AddCalibrationAsync(string nodeId, IReadOnlyList<CalibrationEntry> entries, string createdBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>One node's sets, newest version first.</summary>
    Task<IReadOnlyList<CalibrationRecord>> ReadCalibrationsAsync(string nodeId, CancellationToken ct);

    /// <summary>Every node's newest set, by node id.</summary>
    Task<IReadOnlyList<CalibrationRecord>> ReadLatestCalibrationsAsync(CancellationToken ct);

    /// <summary>Records the node's answer to a version; false when the node has no such version.</summary>
    Task<bool> RecordCalibrationAnswerAsync(string nodeId, int version, CalibrationAnswer answer, CancellationToken ct);
}
