using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Delivers pollution alerts to <c>Fleet:Alerts:WebhookUrl</c>. <see cref="Enqueue"/> never waits: deliveries queue
/// here (bounded, the oldest dropped when full) and this service POSTs them in order, retrying failures with
/// exponential back-off, so a slow or dead receiver never holds up the evaluator.
/// </summary>
public sealed class AlertWebhook : BackgroundService
{
    public const string HttpClientName = "alert-webhook";

    /// <summary>As <c>PostAsJsonAsync</c> wrote it before signing came: receivers already read camelCase.</summary>
    private static readonly JsonSerializerOptions BodyFormat = new(JsonSerializerDefaults.Web);

    private readonly Channel<PollutionWebhookPayload> _queue;
    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<AlertOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertWebhook> _logger;

    public AlertWebhook(IHttpClientFactory clients, IOptionsMonitor<AlertOptions> options, TimeProvider time, ILogger<AlertWebhook> logger)
    {
        _clients = clients;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<PollutionWebhookPayload>(
            new BoundedChannelOptions(Math.Max(1, options.CurrentValue.WebhookQueueLength)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => _logger.LogError("Alert webhook queue full: alert {AlertId} for {Node} dropped undelivered", dropped.AlertId, dropped.NodeId));
    }

    /// <summary>True when a webhook is configured, so that a raised alert has somewhere to go.</summary>
    public bool IsConfigured => Uri.TryCreate(_options.CurrentValue.WebhookUrl, UriKind.Absolute, out _);

    /// <summary>Queues a delivery and returns at once; false (and nothing queued) when no webhook is configured.</summary>
    public bool Enqueue(PollutionWebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return IsConfigured && _queue.Writer.TryWrite(payload);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (PollutionWebhookPayload payload in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(payload, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
                // An exception escaping a BackgroundService stops the host: one bad delivery must not stop the fleet.
                catch (Exception exception)
                {
                    _logger.LogError(exception, "Alert webhook could not deliver alert {AlertId}", payload.AlertId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(PollutionWebhookPayload payload, CancellationToken ct)
    {
        AlertOptions options = _options.CurrentValue;
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out Uri? url))
        {
            return;
        }

        // Serialised once, so that every attempt sends, and signs, the same bytes.
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(payload, BodyFormat);
        TimeSpan delay = options.WebhookFirstRetryDelay;
        int attempts = Math.Max(1, options.WebhookAttempts);
        for (int attempt = 1; ; attempt++)
        {
            string problem;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.WebhookTimeout);
                using HttpClient client = _clients.CreateClient(HttpClientName);
                using HttpRequestMessage request = Request(url, body, options.WebhookSecret);
                using HttpResponseMessage response = await client.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    _logger.LogInformation("Alert webhook delivered alert {AlertId} ({Pollutant} at {Node}) on attempt {Attempt}",
                        payload.AlertId, payload.Pollutant, payload.NodeId, attempt);
                    return;
                }

                problem = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException exception)
            {
                problem = exception.Message;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                problem = $"no answer within {options.WebhookTimeout.TotalSeconds:0} s";
            }

            if (attempt >= attempts)
            {
                _logger.LogError("Alert webhook gave up on alert {AlertId} ({Pollutant} at {Node}) after {Attempts} attempts: {Problem}",
                    payload.AlertId, payload.Pollutant, payload.NodeId, attempt, problem);
                return;
            }

            _logger.LogWarning("Alert webhook attempt {Attempt} for alert {AlertId} failed ({Problem}); retrying in {Delay}",
                attempt, payload.AlertId, problem, delay);
            await Task.Delay(delay, _time, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.WebhookMaximumRetryDelay.Ticks));
        }
    }

    private HttpRequestMessage Request(Uri url, byte[] body, string? secret)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (!string.IsNullOrEmpty(secret))
        {
            long now = _time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, now, body));
        }
        return request;
    }
}
