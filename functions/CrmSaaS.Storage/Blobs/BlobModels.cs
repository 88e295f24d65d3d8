using Azure;

namespace CrmSaaS.Storage;

public sealed record BlobProperties(
    string Name,
    long ContentLength,
    string ContentType,
    ETag ETag,
    DateTimeOffset? LastModified,
    IReadOnlyDictionary<string, string> Metadata);

public sealed record BlobItem(string Name, long ContentLength, string ContentType, DateTimeOffset? LastModified);

/// <summary>A downloaded blob. <see cref="Content"/> streams from the service; dispose the result when done.</summary>
public sealed class BlobDownloadResult : IAsyncDisposable, IDisposable
{
    internal BlobDownloadResult(Stream content, BlobProperties properties)
    {
        Content = content;
        Properties = properties;
    }

    public Stream Content { get; }

    public BlobProperties Properties { get; }

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
