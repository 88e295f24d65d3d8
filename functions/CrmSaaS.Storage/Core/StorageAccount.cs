using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>
/// One storage account: its three endpoints, how calls are authorized (Shared Key or a <see cref="TokenCredential"/>)
/// and one HTTP pipeline per service. Create it once and reuse it; the clients it hands out are cheap.
/// </summary>
public sealed class StorageAccount
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The public, documented key of the storage emulator; it grants nothing outside a local emulator.
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string StorageScope = "https://storage.azure.com/.default";

    private readonly byte[]? _accountKey;

    private StorageAccount(
        string accountName,
        Uri tableEndpoint,
        Uri blobEndpoint,
        Uri queueEndpoint,
        byte[]? accountKey,
        TokenCredential? credential,
        StorageClientOptions? options)
    {
        AccountName = accountName;
        TableEndpoint = TrimSlash(tableEndpoint);
        BlobEndpoint = TrimSlash(blobEndpoint);
        QueueEndpoint = TrimSlash(queueEndpoint);
        _accountKey = accountKey;
        options ??= new StorageClientOptions();
        TablePipeline = BuildPipeline(StorageService.Table, options, credential);
        BlobPipeline = BuildPipeline(StorageService.Blob, options, credential);
        QueuePipeline = BuildPipeline(StorageService.Queue, options, credential);
        UserDelegationKeys = new UserDelegationKeys(this);
    }

    public string AccountName { get; }

    public Uri TableEndpoint { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>True when calls are signed with the account key (connection string); false with a token credential.</summary>
    public bool UsesSharedKey => _accountKey is not null;

    internal HttpPipeline TablePipeline { get; }

    internal HttpPipeline BlobPipeline { get; }

    internal HttpPipeline QueuePipeline { get; }

    internal byte[]? AccountKey => _accountKey;

    internal UserDelegationKeys UserDelegationKeys { get; }

    public static StorageAccount Parse(string connectionString) => Parse(connectionString, null);

    /// <summary>
    /// Parses "UseDevelopmentStorage=true" or an account connection string (AccountName, AccountKey,
    /// DefaultEndpointsProtocol, EndpointSuffix and/or explicit TableEndpoint/BlobEndpoint/QueueEndpoint).
    /// </summary>
    public static StorageAccount Parse(string connectionString, StorageClientOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException($"Invalid storage connection string: segment '{Redact(part)}' is not 'Name=Value'.");
            }

            // Values may contain '=' (base64 keys), so only the first one separates name from value.
            settings[part[..separator].Trim()] = part[(separator + 1)..].Trim();
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with SharedAccessSignature are not supported; use an account key or a managed identity.");
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development)
            && development.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageAccount(
                DevelopmentAccountName,
                new Uri("http://127.0.0.1:10002/devstoreaccount1"),
                new Uri("http://127.0.0.1:10000/devstoreaccount1"),
                new Uri("http://127.0.0.1:10001/devstoreaccount1"),
                Convert.FromBase64String(DevelopmentAccountKey),
                null,
                options);
        }

        settings.TryGetValue("AccountName", out var accountName);
        if (!settings.TryGetValue("AccountKey", out var keyText) || keyText.Length == 0)
        {
            throw new FormatException("Storage connection string has no AccountKey; for managed identity use StorageAccount.FromEndpoints.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException ex)
        {
            throw new FormatException("Storage connection string AccountKey is not valid base64.", ex);
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException($"Storage connection string DefaultEndpointsProtocol must be http or https, not '{protocol}'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string name, string service)
        {
            if (settings.TryGetValue(name, out var explicitEndpoint) && explicitEndpoint.Length > 0)
            {
                if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    throw new FormatException($"Storage connection string {name} is not an absolute http(s) URL.");
                }

                return uri;
            }

            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException($"Storage connection string needs AccountName or an explicit {name}.");
            }

            return new Uri($"{protocol}://{accountName}.{service}.{suffix}");
        }

        var table = Endpoint("TableEndpoint", "table");
        var blob = Endpoint("BlobEndpoint", "blob");
        var queue = Endpoint("QueueEndpoint", "queue");
        if (string.IsNullOrEmpty(accountName))
        {
            accountName = AccountNameFrom(table);
        }

        return new StorageAccount(accountName, table, blob, queue, key, null, options);
    }

    /// <summary>Managed identity (or any Entra ID credential): calls carry a bearer token for https://storage.azure.com.</summary>
    public static StorageAccount FromEndpoints(Uri tableEndpoint, Uri blobEndpoint, Uri queueEndpoint, TokenCredential credential) =>
        FromEndpoints(tableEndpoint, blobEndpoint, queueEndpoint, credential, null);

    public static StorageAccount FromEndpoints(
        Uri tableEndpoint,
        Uri blobEndpoint,
        Uri queueEndpoint,
        TokenCredential credential,
        StorageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(AccountNameFrom(tableEndpoint), tableEndpoint, blobEndpoint, queueEndpoint, null, credential, options);
    }

    public TableClient GetTableClient(string tableName) => new(this, tableName);

    public BlobContainerClient GetBlobContainerClient(string containerName) => new(this, containerName);

    public QueueClient GetQueueClient(string queueName) => new(this, queueName);


    private HttpPipeline BuildPipeline(StorageService service, StorageClientOptions options, TokenCredential? credential)
    {
        HttpPipelinePolicy authorization = _accountKey is not null
            ? new SharedKeyPolicy(service, AccountName, _accountKey)
            : new BearerTokenAuthenticationPolicy(credential!, StorageScope);

        // Per-retry order matters: headers (fresh x-ms-date), then signing over them, then counting the attempt.
        var perRetry = new[] { new StorageHeadersPolicy(service), authorization, new TransactionCountingPolicy(service) };
        return HttpPipelineBuilder.Build(options, [], perRetry, new ResponseClassifier());
    }

    private static Uri TrimSlash(Uri endpoint)
    {
        var text = endpoint.AbsoluteUri;
        return text.EndsWith('/') ? new Uri(text.TrimEnd('/')) : endpoint;
    }

    /// <summary>
    /// Path-style endpoints (emulator, http://127.0.0.1:10002/devstoreaccount1) carry the account in the path;
    /// Azure endpoints in the first label of the host.
    /// </summary>
    private static string AccountNameFrom(Uri endpoint)
    {
        var firstSegment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
        if (firstSegment.Length > 0)
        {
            return firstSegment;
        }

        var host = endpoint.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || System.Net.IPAddress.TryParse(host, out _))
        {
            throw new FormatException($"Cannot tell the storage account name from endpoint '{endpoint}'.");
        }

        return host[..dot];
    }

    private static string Redact(string segment) =>
        segment.Length > 12 ? segment[..12] + "…" : segment;
}
