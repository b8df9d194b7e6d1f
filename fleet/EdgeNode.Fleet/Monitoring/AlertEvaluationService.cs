using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>Runs <see cref="AlertEvaluator"/> at start and then every <c>Fleet:Alerts:EvaluationInterval</c> (a minute).</summary>
public sealed class AlertEvaluationService(AlertEvaluator evaluator, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertEvaluationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, time);
        do
        {
            try
            {
                await evaluator.EvaluateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Storage.FleetStoreException exception)
            {
                // The database may be restarting: say so once per round and try again at the next tick.
                logger.LogError("Alert evaluation failed, next try in {Interval}: {Problem}", options.Value.EvaluationInterval, exception.Message);
            }
            // An exception escaping a BackgroundService stops the host: a bug here must not take ingest down with it.
            catch (Exception exception)
            {
                logger.LogError(exception, "Alert evaluation failed unexpectedly, next try in {Interval}", options.Value.EvaluationInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
