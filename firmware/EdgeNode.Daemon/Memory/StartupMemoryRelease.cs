using EdgeNode.Hardware.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Memory;

/// <summary>
/// Once the node has settled, gives back what start-up left behind: the garbage of building the host (configuration,
/// dependency injection, sensor identification) and the program's pages that only start-up ran
/// (<see cref="ProgramPages"/>). The node's resident memory then is what it needs for the months that follow.
/// </summary>
public sealed class StartupMemoryRelease(ILogger<StartupMemoryRelease> logger, TimeSpan? settle = null) : BackgroundService
{
    /// <summary>Long enough for the first readings of every sensor, their status and the first status file.</summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(settle ?? DefaultSettle, TimeProvider.System, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // Aggressive: the collection also returns the freed heap to the system instead of keeping it for later.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        long bytes;
        int error;
        try
        {
            (bytes, error) = ProgramPages.Release(AppContext.BaseDirectory);
        }
        catch (IOException e)
        {
            logger.LogInformation("Start-up pages not released: /proc/self/maps could not be read ({Reason}); the node runs with them resident", e.Message);
            return;
        }

        if (error == 0)
        {
            logger.LogDebug("Released start-up memory: {Megabytes:F1} MB of program mappings paged out", bytes / 1048576.0);
        }
        else
        {
            // MADV_PAGEOUT came with Linux 5.4; Raspberry Pi OS has had it since 2020. Costs memory, nothing else.
            logger.LogInformation("Start-up pages not released: the kernel refused (errno {Errno}); the node runs with them resident", error);
        }
    }
}
