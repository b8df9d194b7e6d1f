namespace EdgeNode.Fleet.Storage;

/// <summary>
/// A row of an <see cref="IngestBatch"/> is malformed (no node id, a histogram of the wrong length, NaN…). Nothing of the
/// batch was stored. The ingest should dead-letter the message it came from rather than retry it.
/// </summary>
public sealed class InvalidIngestBatchException : ArgumentException
{
    public InvalidIngestBatchException(string message)
        : base(message)
    {
    }
}
