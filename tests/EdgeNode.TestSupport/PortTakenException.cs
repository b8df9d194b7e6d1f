namespace EdgeNode.TestSupport;

/// <summary>A server a test started could not bind its loopback port: another process holds it. Try another port.</summary>
public sealed class PortTakenException : InvalidOperationException
{
    public PortTakenException(string message)
        : base(message)
    {
    }

    public PortTakenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
