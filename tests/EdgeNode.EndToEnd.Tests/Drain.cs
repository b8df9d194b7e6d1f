namespace EdgeNode.EndToEnd.Tests;

/// <summary>The last step of every delivery scenario.</summary>
internal static class Drain
{
    /// <summary>
    /// Stops the caught-up nodes, starts them again at real speed (a node syncs its backlog the moment it connects)
    /// until each has had its sync committed, and stops them for good: what is left in their buffers is only what
    /// they measured after that sync.
    /// </summary>
    public static async Task StopAfterLastSyncAsync(IReadOnlyList<NodeUnderTest> nodes)
    {
        await Task.WhenAll(nodes.Select(n => n.Process.TerminateAsync()));
        foreach (NodeUnderTest node in nodes)
        {
            await node.RestartAtRealSpeedAsync();
        }
        await Task.WhenAll(nodes.Select(n => n.Process.WaitForOutputAsync("Sync: ", TimeSpan.FromMinutes(3))));
        await Task.WhenAll(nodes.Select(n => n.Process.TerminateAsync()));
    }
}
