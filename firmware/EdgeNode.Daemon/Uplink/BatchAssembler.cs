using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Calibration;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Daemon.Uplink;

/// <summary>Takes the oldest windows and the unreported buffer events from the outbox and encodes them as one batch.</summary>
/// <param name="calibration">Applied as windows leave; null sends raw values (calibration version 0).</param>
public sealed class BatchAssembler(WindowBuffer buffer, string nodeId, string trafficSensor, TimeProvider time, CalibrationInForce? calibration = null)
{
    // Batch ids only need to be unique among this node's batches in flight; starting from the clock keeps a restarted
    // daemon from reusing the id of a batch whose ack may still be on its way.
    private ulong _nextId = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The next batch, or null when there is nothing to send.</summary>
    /// <param name="holdBackUndated">
    /// Leave out windows of this boot that wait for the clock to be synchronised: sent now they could only be
    /// flagged Unconfirmed, while a little patience gets them re-stamped with their true time.
    /// </param>
    public OutgoingBatch? Next(int maxWindows, bool holdBackUndated = false)
    {
        IReadOnlyList<StoredWindow> windows = buffer.PeekOldest(maxWindows);
        if (holdBackUndated)
        {
            windows = windows.Where(w => !buffer.IsAwaitingRestamp(w)).ToList();
        }
        var gaps = buffer.Gaps().Take(PayloadLimits.MaximumReportsPerBatch).ToList();
        var downsamplings = buffer.Downsamplings().Take(PayloadLimits.MaximumReportsPerBatch).ToList();
        var setAside = buffer.SetAsideFiles().Take(PayloadLimits.MaximumReportsPerBatch).ToList();
        if (windows.Count == 0 && gaps.Count == 0 && downsamplings.Count == 0 && setAside.Count == 0)
        {
            return null;
        }

        ulong id = Interlocked.Increment(ref _nextId);
        CalibrationSet set = calibration?.Current ?? CalibrationSet.None;
        var batch = new WindowBatch(
            nodeId,
            id,
            windows.Select(w => WireMapping.ToWire(w.Window, trafficSensor, set)).ToList(),
            gaps.Select(WireMapping.ToWire).ToList(),
            downsamplings.Select(WireMapping.ToWire).ToList(),
            setAside.Select(WireMapping.ToWire).ToList());
        return new OutgoingBatch(
            id,
            EdgeCodec.Encode(batch),
            windows.Select(w => w.Id).ToList(),
            gaps.Select(g => g.Id).ToList(),
            downsamplings.Select(d => d.Id).ToList(),
            setAside.Select(s => s.Id).ToList());
    }

    /// <summary>Forgets what the fleet has committed.</summary>
    public void Forget(OutgoingBatch batch)
    {
        buffer.Acknowledge(batch.WindowIds);
        if (batch.GapIds.Count > 0)
        {
            buffer.MarkGapsReported(batch.GapIds);
        }
        if (batch.DownsamplingIds.Count > 0)
        {
            buffer.MarkDownsamplingsReported(batch.DownsamplingIds);
        }
        if (batch.SetAsideIds.Count > 0)
        {
            buffer.MarkSetAsideReported(batch.SetAsideIds);
        }
    }
}
