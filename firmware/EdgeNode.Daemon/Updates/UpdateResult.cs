namespace EdgeNode.Daemon.Updates;

/// <summary>How the last update of a node ended.</summary>
public enum UpdateResult
{
    /// <summary>The new version proved healthy and is now the one the node comes back to.</summary>
    Committed,

    /// <summary>The new version was abandoned and the previous one runs again; the reason says why.</summary>
    RolledBack,
}
