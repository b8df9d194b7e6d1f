namespace EdgeNode.MqttLink;

/// <summary>
/// Bytes on the TCP stream, counted below TLS (MQTTnet layers TLS over the stream we hand it) so they match what a
/// metered link bills.
/// Thread-safe; totals over the client's whole life, across reconnects.
/// </summary>
public sealed class MqttTrafficCounters
{
    private long _bytesSent;
    private long _bytesReceived;

    public long BytesSent => Interlocked.Read(ref _bytesSent);
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    internal void AddSent(int count) => Interlocked.Add(ref _bytesSent, count);
    internal void AddReceived(int count) => Interlocked.Add(ref _bytesReceived, count);
}
