using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// A sampling loop's run of errors that are no sensor fault (a bug in the node's own code, a value the aggregator
/// refused): each is logged with its stack for the developers, and the loop waits a growing back-off and carries on,
/// because a loop that ended would leave its sensor unread, unnoticed, until the service restarts.
/// </summary>
internal sealed class UnexpectedErrors(string sensor, FaultBackoff backoff, ILogger logger)
{
    private int _count;

    /// <summary>Logs the error and returns how long to wait before trying again.</summary>
    public TimeSpan Failed(Exception error)
    {
        _count++;
        TimeSpan wait = backoff.Delay(_count);
        logger.LogError(error, "Sampling {Sensor} failed with an error that is not a sensor fault (attempt {Attempt}); retrying in {Wait}. Please report it with this log.",
            sensor, _count, wait);
        return wait;
    }

    public void Succeeded() => _count = 0;
}
