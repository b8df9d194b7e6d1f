using System.Net;
using System.Text;
using System.Threading.Channels;
using EdgeNode.TestSupport;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>
/// A real HTTP listener on a free local port standing in for the municipality's alert receiver: it records each
/// request's body and answers with the next status of its script (200 once the script is used up).
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Queue<HttpStatusCode> _answers;
    private readonly Task _serving;
    private readonly TimeSpan _answerDelay;

    public WebhookReceiver(params HttpStatusCode[] answers)
        : this(TimeSpan.Zero, answers)
    {
    }

    /// <param name="answerDelay">How long each answer is held back: a receiver that is slow, or hangs.</param>
    public WebhookReceiver(TimeSpan answerDelay, params HttpStatusCode[] answers)
    {
        _answerDelay = answerDelay;
        _answers = new Queue<HttpStatusCode>(answers);
        (_listener, Url) = LoopbackPort.StartOnFreePortAsync(port => Task.FromResult(Listen(port))).GetAwaiter().GetResult();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Every request's body the moment it arrives, before it is answered.</summary>
    public Channel<string> Received { get; } = Channel.CreateUnbounded<string>();

    /// <summary>Every request as answered: its answer and its body.</summary>
    public Channel<(HttpStatusCode Answer, string ContentType, string Body)> Requests { get; } =
        Channel.CreateUnbounded<(HttpStatusCode, string, string)>();

    /// <summary>Every request's headers and exact body bytes, as they arrived.</summary>
    public Channel<(System.Collections.Specialized.NameValueCollection Headers, byte[] Body)> Raw { get; } =
        Channel.CreateUnbounded<(System.Collections.Specialized.NameValueCollection, byte[])>();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _serving;
    }

    private static (HttpListener Listener, Uri Url) Listen(int port)
    {
        var url = new Uri($"http://127.0.0.1:{port}/alerts/");
        var listener = new HttpListener();
        listener.Prefixes.Add(url.ToString());
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            listener.Close();
            throw new PortTakenException($"The webhook receiver could not listen on {url}: {e.Message}", e);
        }
        return (listener, url);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var bytes = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(bytes);
            string body = Encoding.UTF8.GetString(bytes.ToArray());
            Raw.Writer.TryWrite((context.Request.Headers, bytes.ToArray()));
            Received.Writer.TryWrite(body);
            if (_answerDelay > TimeSpan.Zero)
            {
                await Task.Delay(_answerDelay);
            }

            HttpStatusCode answer;
            lock (_answers)
            {
                answer = _answers.Count > 0 ? _answers.Dequeue() : HttpStatusCode.OK;
            }

            try
            {
                context.Response.StatusCode = (int)answer;
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Requests.Writer.TryWrite((answer, context.Request.ContentType ?? "", body));
        }
    }
}
