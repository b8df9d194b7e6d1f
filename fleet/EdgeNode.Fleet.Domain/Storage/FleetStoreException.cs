namespace EdgeNode.Fleet.Storage;

/// <summary>The database refused or failed an operation; the message says what and what to do. Wraps the provider's exception.</summary>
public sealed class FleetStoreException : Exception
{
    public FleetStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
