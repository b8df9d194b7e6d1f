namespace EdgeNode.Releases.Refusals;

/// <summary>A bundle refused, with the reason as a code (<see cref="Problem"/>) and in words (the message).</summary>
public sealed class ReleaseBundleException(BundleProblem problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public BundleProblem Problem { get; } = problem;
}
