using System.Net;
using System.Net.Sockets;

namespace EdgeNode.EndToEnd.Benchmarks.Wire;

/// <summary>
/// A TCP proxy on a loopback port that forwards to the broker and counts every byte each way, at the TCP payload level
/// (MQTT framing, CONNECT, acks, pings and all; not IP/TCP headers). It also tallies MQTT frames by type as they pass.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _brokerHost;
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly Task _accepting;
    private long _up;
    private long _down;
    private int _connections;

    public CountingProxy(string brokerHost, int brokerPort)
    {
        _brokerHost = brokerHost;
        _brokerPort = brokerPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Client → broker.</summary>
    public long BytesUp => Interlocked.Read(ref _up);

    /// <summary>Broker → client.</summary>
    public long BytesDown => Interlocked.Read(ref _down);

    public int Connections => Volatile.Read(ref _connections);

    public MqttFrameTally UpFrames { get; } = new();

    public MqttFrameTally DownFrames { get; } = new();

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client = await _listener.AcceptSocketAsync(_stop.Token);
                var broker = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await broker.ConnectAsync(_brokerHost, _brokerPort, _stop.Token);
                client.NoDelay = true;
                Interlocked.Increment(ref _connections);
                lock (_pumps)
                {
                    _pumps.Add(PumpAsync(client, broker, isUp: true));
                    _pumps.Add(PumpAsync(broker, client, isUp: false));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool isUp)
    {
        byte[] buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    break;
                }
                Interlocked.Add(ref isUp ? ref _up : ref _down, read);
                (isUp ? UpFrames : DownFrames).Add(buffer.AsSpan(0, read));
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            // Pass a close on to the other side, as the real path would.
            try
            {
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] pumps;
        lock (_pumps)
        {
            pumps = [.. _pumps];
        }
        await Task.WhenAll(pumps);
        _stop.Dispose();
    }
}
