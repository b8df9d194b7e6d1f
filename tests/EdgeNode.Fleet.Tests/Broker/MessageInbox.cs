using System.Text;
using System.Threading.Channels;
using EdgeNode.MqttLink;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>What one client receives, for a test to await; waits are generous (a loaded CI box must not fail them).</summary>
internal sealed class MessageInbox
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Channel<MqttApplicationMessage> _messages = Channel.CreateUnbounded<MqttApplicationMessage>();

    public ValueTask Handle(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _messages.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    public Task<MqttApplicationMessage> NextAsync() => _messages.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>
    /// Reads until a message on <paramref name="topic"/> arrives and returns the topics of those that came before it:
    /// the positive control that shows a forbidden message sent earlier did not arrive, without sleeping.
    /// </summary>
    public async Task<List<string>> TopicsBeforeAsync(string topic)
    {
        var before = new List<string>();
        while (true)
        {
            MqttApplicationMessage message = await NextAsync();
            if (message.Topic == topic)
            {
                return before;
            }

            before.Add(message.Topic);
        }
    }

    public static string Text(MqttApplicationMessage message) => Encoding.UTF8.GetString(message.Payload.Span);
}
