using System.Net;
using System.Net.Sockets;

namespace EdgeNode.Mqtt.Tests.Fakes;

/// <summary>
/// A TCP listener that plays a broker byte by byte, so a test can send what no real broker would:
/// malformed packets, silence, refusals. Never a broker for behaviour tests; that is Mosquitto.
/// </summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<FakeBrokerConnection> _connections = [];

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task<FakeBrokerConnection> AcceptAsync()
    {
        var client = await _listener.AcceptTcpClientAsync().WaitAsync(Patience.Long);
        var connection = new FakeBrokerConnection(client);
        _connections.Add(connection);
        return connection;
    }

    /// <summary>Accepts, reads CONNECT and answers CONNACK (accepted, no session).</summary>
    public async Task<FakeBrokerConnection> AcceptConnectedAsync()
    {
        var connection = await AcceptAsync();
        var connect = await connection.ReadPacketAsync();
        Assert.Equal(0x10, connect.Header);
        await connection.SendAsync("20020000");
        return connection;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
            connection.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}

internal sealed class FakeBrokerConnection(TcpClient client) : IDisposable
{
    private readonly NetworkStream _stream = client.GetStream();

    public async Task<(byte Header, byte[] Body)> ReadPacketAsync()
    {
        using var timeout = new CancellationTokenSource(Patience.Long);
        var one = new byte[1];
        await _stream.ReadExactlyAsync(one, timeout.Token);
        var header = one[0];
        int length = 0, shift = 0;
        do
        {
            await _stream.ReadExactlyAsync(one, timeout.Token);
            length += (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);
        var body = new byte[length];
        await _stream.ReadExactlyAsync(body, timeout.Token);
        return (header, body);
    }

    public async Task SendAsync(string hex)
    {
        await _stream.WriteAsync(Convert.FromHexString(hex));
        await _stream.FlushAsync();
    }

    public void Dispose() => client.Dispose();
}
