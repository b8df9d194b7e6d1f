using System.Collections.Immutable;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// Where the comparison of the registry with the broker's accounts stands, for /health and the enrolment page: the last
/// pass that succeeded, the nodes still without an account, and the failure under way if any.
/// </summary>
public sealed class RegistryReconciliationStatus(TimeProvider time)
{
    private readonly Lock _gate = new();
    private RegistryReconciliation? _lastSuccess;
    private ImmutableSortedSet<string> _withoutAccount = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
    private string? _failure;
    private DateTimeOffset? _failingSince;
    private string? _notChecked;

    /// <summary>When this fleet process started; "never checked" is counted from here.</summary>
    public DateTimeOffset WatchingSince { get; } = time.GetUtcNow();

    public RegistryReconciliation? LastSuccess
    {
        get { lock (_gate)
            {
                return _lastSuccess;
            }
        }
    }

    /// <summary>
    /// Registered nodes the broker has no account for, by id: those of the last pass, less those given an account (by
    /// rotation) or removed since.
    /// </summary>
    public IReadOnlyList<string> NodesWithoutAccount
    {
        get { lock (_gate)
            {
                return [.. _withoutAccount];
            }
        }
    }

    /// <summary>Why the latest pass failed; null once one succeeds.</summary>
    public string? Failure
    {
        get { lock (_gate)
            {
                return _failure;
            }
        }
    }

    /// <summary>When the failures under way began; null when the latest pass succeeded.</summary>
    public DateTimeOffset? FailingSince
    {
        get { lock (_gate)
            {
                return _failingSince;
            }
        }
    }

    /// <summary>Why this fleet does not compare at all (an external broker it has no admin account on); null when it does.</summary>
    public string? NotChecked
    {
        get { lock (_gate)
            {
                return _notChecked;
            }
        }
    }

    /// <summary>Records a successful pass; returns when the failures it ends began (null if there were none).</summary>
    internal DateTimeOffset? Succeeded(RegistryReconciliation pass)
    {
        lock (_gate)
        {
            DateTimeOffset? failingSince = _failingSince;
            _lastSuccess = pass;
            _withoutAccount = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, pass.NodesWithoutAccount);
            _failure = null;
            _failingSince = null;
            return failingSince;
        }
    }

    /// <summary>Records a failed pass; true when it is the first of an outage (the one worth a warning).</summary>
    internal bool Failed(string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            _failure = reason;
            if (_failingSince is not null)
            {
                return false;
            }

            _failingSince = at;
            return true;
        }
    }

    /// <summary>The node has an account again (a rotation made it), or the registry no longer holds it.</summary>
    internal void Settled(string nodeId)
    {
        lock (_gate)
        {
            _withoutAccount = _withoutAccount.Remove(nodeId);
        }
    }

    internal void WillNotCheck(string reason)
    {
        lock (_gate)
        {
            _notChecked = reason;
        }
    }
}
