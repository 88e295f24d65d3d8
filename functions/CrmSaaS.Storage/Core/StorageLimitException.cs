namespace CrmSaaS.Storage;

/// <summary>
/// A request breaks one of Azure Storage's documented limits (key characters, property count, sizes, batch rules).
/// Thrown before anything is sent because Azurite accepts many of these requests while Azure rejects them.
/// </summary>
public sealed class StorageLimitException : ArgumentException
{
    public StorageLimitException()
    {
    }

    public StorageLimitException(string message)
        : base(message)
    {
    }

    public StorageLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageLimitException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
