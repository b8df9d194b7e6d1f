using System.Threading.Channels;
using EdgeNode.TestSupport;

namespace EdgeNode.MqttLink.Tests;

/// <summary>Collects what a client's handler receives, for a test to await.</summary>
internal sealed class Inbox
{
    private readonly Channel<MqttApplicationMessage> _messages = Channel.CreateUnbounded<MqttApplicationMessage>();

    public ValueTask Handle(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _messages.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    public Task<MqttApplicationMessage> NextAsync() => _messages.Reader.ReadAsync().AsTask().WaitAsync(Patience.Long);

    /// <summary>Reads until a message satisfies <paramref name="match"/>, returning those before it.</summary>
    public async Task<List<MqttApplicationMessage>> UntilAsync(Func<MqttApplicationMessage, bool> match)
    {
        var before = new List<MqttApplicationMessage>();
        while (true)
        {
            MqttApplicationMessage message = await NextAsync();
            if (match(message))
            {
                return before;
            }

            before.Add(message);
        }
    }

    public bool TryRead(out MqttApplicationMessage? message) => _messages.Reader.TryRead(out message);
}

/// <summary>Waits that normally take milliseconds get many seconds: a loaded two-core CI box must not fail them.</summary>
internal static class Patience
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan VeryLong = TimeSpan.FromSeconds(60);
}

internal static class Clients
{
    public static MqttClientOptions Options(string host, int port, string clientId, bool cleanSession = false,
        IList<MqttSubscription>? subscriptions = null, MqttApplicationMessage? will = null, TimeSpan? keepAlive = null,
        string? username = null, string? password = null, MqttTlsOptions? tls = null) => new()
        {
            Host = host,
            Port = port,
            ClientId = clientId,
            CleanSession = cleanSession,
            Subscriptions = subscriptions ?? new List<MqttSubscription>(),
            Will = will,
            KeepAlive = keepAlive ?? TimeSpan.FromSeconds(10),
            Username = username,
            Password = password,
            Tls = tls,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ReconnectMinimumDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaximumDelay = TimeSpan.FromSeconds(1),
        };

    public static MqttClientOptions Options(MosquittoBroker broker, string clientId, bool cleanSession = false,
        IList<MqttSubscription>? subscriptions = null, MqttApplicationMessage? will = null) =>
        Options(broker.Host, broker.Port, clientId, cleanSession, subscriptions, will);

    public static async Task<MqttClient> StartedAsync(MqttClientOptions options, Inbox inbox, RecordingLogger<MqttClient> logger)
    {
        var client = new MqttClient(options, inbox.Handle, logger);
        await client.StartAsync();
        await client.WaitUntilConnectedAsync(new CancellationTokenSource(Patience.Long).Token);
        return client;
    }

    /// <summary>Completes when the client's state satisfies <paramref name="match"/> (now or later).</summary>
    public static async Task<MqttConnectionState> StateAsync(MqttClient client, Func<MqttConnectionState, bool> match)
    {
        var reached = new TaskCompletionSource<MqttConnectionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(MqttConnectionState state)
        {
            if (match(state))
            {
                reached.TrySetResult(state);
            }
        }
        client.StateChanged += OnChange;
        try
        {
            if (match(client.State))
            {
                return client.State;
            }

            return await reached.Task.WaitAsync(Patience.Long);
        }
        finally
        {
            client.StateChanged -= OnChange;
        }
    }

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static string Text(MqttApplicationMessage message) => System.Text.Encoding.UTF8.GetString(message.Payload.Span);
}
