using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>
/// A storage account: its three service endpoints and how to authenticate (shared key for Azurite and
/// connection strings; a <see cref="TokenCredential"/>, e.g. a managed identity, in Azure).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The well-known Azurite development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly HttpPipeline _tablePipeline;
    private readonly HttpPipeline _blobPipeline;
    private readonly HttpPipeline _queuePipeline;

    private StorageAccount(string accountName, Uri table, Uri blob, Uri queue, byte[]? key, TokenCredential? credential, StorageClientOptions? options)
    {
        AccountName = accountName;
        TableEndpoint = WithTrailingSlash(table);
        BlobEndpoint = WithTrailingSlash(blob);
        QueueEndpoint = WithTrailingSlash(queue);
        AccountKey = key;
        options ??= new StorageClientOptions();
        _tablePipeline = Build(options, key is null
            ? new BearerTokenAuthenticationPolicy(credential!, "https://storage.azure.com/.default")
            : new TableSharedKeyPolicy(accountName, key));
        _blobPipeline = Build(options, key is null
            ? new BearerTokenAuthenticationPolicy(credential!, "https://storage.azure.com/.default")
            : new SharedKeyPolicy(accountName, key));
        _queuePipeline = Build(options, key is null
            ? new BearerTokenAuthenticationPolicy(credential!, "https://storage.azure.com/.default")
            : new SharedKeyPolicy(accountName, key));
    }

    public string AccountName { get; }
    public Uri TableEndpoint { get; }
    public Uri BlobEndpoint { get; }
    public Uri QueueEndpoint { get; }
    internal byte[]? AccountKey { get; }

    public static StorageAccount Parse(string connectionString, StorageClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            // Expanded by us: the well-known Azurite endpoints (path-style, account in the path).
            return new StorageAccount(
                DevelopmentAccountName,
                new Uri("http://127.0.0.1:10002/devstoreaccount1"),
                new Uri("http://127.0.0.1:10000/devstoreaccount1"),
                new Uri("http://127.0.0.1:10001/devstoreaccount1"),
                Convert.FromBase64String(DevelopmentAccountKey),
                null,
                options);
        }

        if (!parts.TryGetValue("AccountName", out var name) || string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException("The storage connection string has no AccountName.");
        }

        if (!parts.TryGetValue("AccountKey", out var keyText) || string.IsNullOrWhiteSpace(keyText))
        {
            throw new FormatException("The storage connection string has no AccountKey (use FromEndpoints with a TokenCredential for identity-based access).");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The storage connection string's AccountKey is not base64.", ex);
        }

        var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var p) ? p : "https";
        var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        Uri Endpoint(string key, string service) =>
            parts.TryGetValue(key, out var explicitEndpoint) && !string.IsNullOrWhiteSpace(explicitEndpoint)
                ? new Uri(explicitEndpoint)
                : new Uri($"{protocol}://{name}.{service}.{suffix}");

        return new StorageAccount(name, Endpoint("TableEndpoint", "table"), Endpoint("BlobEndpoint", "blob"), Endpoint("QueueEndpoint", "queue"), key, null, options);
    }

    public static StorageAccount FromEndpoints(Uri tableEndpoint, Uri blobEndpoint, Uri queueEndpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var host = blobEndpoint.Host;
        var accountName = host.Contains('.', StringComparison.Ordinal) ? host[..host.IndexOf('.', StringComparison.Ordinal)] : host;
        return new StorageAccount(accountName, tableEndpoint, blobEndpoint, queueEndpoint, null, credential, options);
    }

    public TableClient GetTableClient(string tableName) => new(this, _tablePipeline, tableName);

    public BlobContainerClient GetBlobContainerClient(string containerName) => new(this, _blobPipeline, containerName);

    public QueueClient GetQueueClient(string queueName) => new(this, _queuePipeline, queueName);

    private static HttpPipeline Build(StorageClientOptions options, HttpPipelinePolicy auth) =>
        // Per-retry policies run on every attempt: each attempt is a billed transaction, and each is signed anew (x-ms-date).
        HttpPipelineBuilder.Build(options, [], [new StorageTransactionCountingPolicy(), auth], new ResponseClassifier());

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

/// <summary>Client options: Azure.Core's retry (exponential backoff on 408/429/5xx), diagnostics and transport.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(5);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "crmsaas";
    }
}
