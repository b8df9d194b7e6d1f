namespace EdgeNode.Fleet.Registry;

/// <summary>
/// One change to nodes' access at a time in this process: every <see cref="NodeEnrolment"/> change and every
/// <see cref="RegistryReconciler"/> pass runs under it. A change is two steps (the broker first when taking access away,
/// so a node disabled a moment ago is still enabled in the registry); a pass that looked in between would take that
/// for damage and enable the node again. The command line (<c>nodes …</c>) runs in a process of its own, outside this
/// lock: for it the reconciler reads both sides again just before each repair, which leaves only the instant between a
/// command's two steps.
/// </summary>
public sealed class NodeAccessLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the lock; disposing what this returns releases it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Held(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
