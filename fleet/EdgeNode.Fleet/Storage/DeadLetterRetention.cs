using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Storage;

/// <summary>
/// Deletes dead letters (and drop counts) older than <see cref="DeadLetterOptions.KeepDays"/>, at start and then every
/// hour: they are for diagnosing what a node sent lately, not an archive.
/// </summary>
internal sealed class DeadLetterRetention(IFleetStore store, IOptions<DeadLetterOptions> options, TimeProvider time, ILogger<DeadLetterRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PurgeAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many dead letters were deleted.</returns>
    public async Task<long> PurgeAsync(CancellationToken ct)
    {
        DateTimeOffset before = time.GetUtcNow().AddDays(-options.Value.KeepDays);
        try
        {
            long deleted = await store.DeleteDeadLettersBeforeAsync(before, ct);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} dead letters received before {Before:u} ({Setting} = {Days})",
                    deleted, before, $"{DeadLetterOptions.SectionName}:{nameof(DeadLetterOptions.KeepDays)}", options.Value.KeepDays);
            }
            return deleted;
        }
        catch (FleetStoreException e)
        {
            // The next round tries again; old dead letters only take room meanwhile.
            logger.LogWarning("Could not delete old dead letters: {Problem}; trying again in {Interval}", e.Message, Interval);
            return 0;
        }
    }
}
