using EdgeNode.Daemon.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Node;

/// <summary>Rewrites status.json every <see cref="Interval"/> for <c>edgenode status</c>.</summary>
public sealed class StatusFileService(IOptions<NodeOptions> node, NodeStatusSource status, TimeProvider time, ILogger<StatusFileService> logger) : BackgroundService
{
    /// <summary>How often status.json is rewritten; <c>edgenode status</c> calls a status older than three of these stale.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string directory = node.Value.EffectiveStatusDirectory;
        bool warned = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, stoppingToken);
                try
                {
                    StatusFile.Write(directory, status.Current());
                    warned = false;
                }
                catch (IOException e) when (!warned)
                {
                    // A full or read-only card must not stop sampling; the buffer reports the same trouble.
                    warned = true;
                    logger.LogWarning("Cannot write {File} in {Directory}: {Message}", StatusFile.FileName, directory, e.Message);
                }
                catch (IOException)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
