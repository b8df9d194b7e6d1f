using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace EdgeNode.MqttLink.Connection;

/// <summary>
/// Opens the TCP connection for MQTTnet and hands it back counted. MQTTnet layers TLS over this stream, so the
/// counters see handshakes, records and alerts: what a metered link bills, not just MQTT packets.
/// It also keeps the open socket so that a test can cut it as a crash would.
/// </summary>
internal sealed class CountingStreamProvider(MqttTrafficCounters counters) : IMqttClientStreamProvider
{
    private volatile Socket? _current;

    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(brokerEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            string reason = e is SocketException socketError ? $"{socketError.SocketErrorCode}: {socketError.Message}" : "TCP connect timed out";
            throw new BrokerUnreachableException($"{Describe(brokerEndPoint)}: {reason}", e);
        }
        _current = socket;
        return new CountingStream(new NetworkStream(socket, ownsSocket: true), counters);
    }

    /// <summary>Drops the TCP connection without DISCONNECT, so the broker publishes the will.</summary>
    public void Abort()
    {
        Socket? socket = _current;
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }

    private static string Describe(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endPoint.ToString() ?? "the broker",
    };
}
