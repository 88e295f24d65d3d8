using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

public sealed record BlobProperties(string Name, long ContentLength, string ContentType, ETag ETag, DateTimeOffset? LastModified, IReadOnlyDictionary<string, string> Metadata);

public sealed record BlobItem(string Name, long ContentLength, string ContentType, DateTimeOffset? LastModified);

public sealed class BlobDownloadResult(Stream content, BlobProperties properties) : IDisposable, IAsyncDisposable
{
    public Stream Content { get; } = content;
    public BlobProperties Properties { get; } = properties;

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>One container of the Blob service (x-ms-version 2021-12-02), block blobs only.</summary>
public sealed class BlobContainerClient
{
    private const string ApiVersion = "2021-12-02";
    private readonly StorageAccount _account;
    private readonly HttpPipeline _pipeline;

    internal BlobContainerClient(StorageAccount account, HttpPipeline pipeline, string name)
    {
        if (name.Length is < 3 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new StorageLimitException($"Container name '{name}' must be 3–63 lower-case letters, digits or dashes.");
        }

        _account = account;
        _pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, null, [("restype", "container")]);
        var response = await SendAsync(message, ct);
        if (response.Status is not (201 or 409))
        {
            throw StorageErrors.From(response);
        }
    }

    public async Task<BlobProperties> UploadAsync(
        string blobName, Stream content, string contentType, IDictionary<string, string>? metadata = null, bool overwrite = true, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return await UploadAsync(blobName, new BinaryData(buffer.ToArray()), contentType, metadata, overwrite, ct);
    }

    public async Task<BlobProperties> UploadAsync(
        string blobName, BinaryData content, string contentType, IDictionary<string, string>? metadata = null, bool overwrite = true, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, blobName);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", contentType);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.SetValue("x-ms-meta-" + key, value);
        }

        if (!overwrite)
        {
            request.Headers.SetValue("If-None-Match", "*");
        }

        request.Content = RequestContent.Create(content.ToMemory());
        var response = await SendAsync(message, ct);
        if (response.Status != 201)
        {
            throw StorageErrors.From(response);
        }

        return new BlobProperties(blobName, content.ToMemory().Length, contentType, response.Headers.ETag ?? default,
            LastModified(response), new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase));
    }

    public async Task<BlobDownloadResult> DownloadAsync(string blobName, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Get, blobName);
        var response = await SendAsync(message, ct);
        if (response.Status != 200)
        {
            throw StorageErrors.From(response);
        }

        var bytes = response.Content.ToArray();
        return new BlobDownloadResult(new MemoryStream(bytes, writable: false), Properties(blobName, response, bytes.Length));
    }

    public async Task<BlobProperties> GetPropertiesAsync(string blobName, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Head, blobName);
        var response = await SendAsync(message, ct);
        if (response.Status != 200)
        {
            throw new RequestFailedException(response.Status, $"{response.Status} for blob {blobName}",
                response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : response.Status == 404 ? "BlobNotFound" : null, null);
        }

        var length = response.Headers.TryGetValue("Content-Length", out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var l) ? l : 0;
        return Properties(blobName, response, length);
    }

    public async Task DeleteAsync(string blobName, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, blobName);
        var response = await SendAsync(message, ct);
        if (response.Status != 202)
        {
            throw StorageErrors.From(response);
        }
    }

    public async Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, blobName);
        var response = await SendAsync(message, ct);
        return response.Status switch
        {
            202 => true,
            404 => false,
            _ => throw StorageErrors.From(response),
        };
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? marker = null;
        do
        {
            var query = new List<(string, string)> { ("restype", "container"), ("comp", "list") };
            if (!string.IsNullOrEmpty(prefix))
            {
                query.Add(("prefix", prefix));
            }

            if (marker is not null)
            {
                query.Add(("marker", marker));
            }

            using var message = Create(RequestMethod.Get, null, query);
            var response = await SendAsync(message, ct);
            if (response.Status != 200)
            {
                throw StorageErrors.From(response);
            }

            var xml = XDocument.Parse(response.Content.ToString().TrimStart('\uFEFF'));
            foreach (var blob in xml.Descendants("Blob"))
            {
                var properties = blob.Element("Properties");
                yield return new BlobItem(
                    blob.Element("Name")?.Value ?? "",
                    long.TryParse(properties?.Element("Content-Length")?.Value, CultureInfo.InvariantCulture, out var length) ? length : 0,
                    properties?.Element("Content-Type")?.Value ?? "",
                    DateTimeOffset.TryParse(properties?.Element("Last-Modified")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null);
            }

            marker = xml.Root?.Element("NextMarker")?.Value is { Length: > 0 } next ? next : null;
        }
        while (marker is not null);
    }

    /// <summary>
    /// A service SAS that can only read this one blob until <paramref name="expiresOn"/>. Needs the account key: with a
    /// managed identity (shared keys disabled) download through the API instead.
    /// </summary>
    public Uri GenerateReadSasUri(string blobName, DateTimeOffset expiresOn)
    {
        var key = _account.AccountKey
            ?? throw new InvalidOperationException("A service SAS needs the account key; with a token credential, serve downloads through the API.");
        const string version = "2022-11-02";
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var resource = $"/blob/{_account.AccountName}/{Name}/{blobName}";
        // sp, st, se, canonicalized resource, si, sip, spr, sv, sr, snapshot time, ses, rscc, rscd, rsce, rscl, rsct
        var toSign = string.Join('\n', "r", "", expiry, resource, "", "", "", version, "b", "", "", "", "", "", "", "");
        var signature = SharedKeyPolicy.Sign(key, toSign);
        var query = $"sv={version}&sr=b&sp=r&se={Uri.EscapeDataString(expiry)}&sig={Uri.EscapeDataString(signature)}";
        return new Uri(BlobUri(blobName) + "?" + query);
    }

    private string BlobUri(string blobName) =>
        new Uri(_account.BlobEndpoint, Name + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))).AbsoluteUri;

    private static BlobProperties Properties(string name, Response response, long length)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        response.Headers.TryGetValue("Content-Type", out var contentType);
        return new BlobProperties(name, length, contentType ?? "application/octet-stream", response.Headers.ETag ?? default, LastModified(response), metadata);
    }

    private static DateTimeOffset? LastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    private HttpMessage Create(RequestMethod method, string? blobName, IEnumerable<(string Name, string Value)>? query = null)
    {
        var message = _pipeline.CreateMessage();
        message.SetProperty(StorageTransactionCountingPolicy.ServiceProperty, StorageService.Blob);
        message.Request.Method = method;
        var uri = new RequestUriBuilder();
        uri.Reset(_account.BlobEndpoint);
        uri.AppendPath(Name, escape: false);
        if (blobName is not null)
        {
            uri.AppendPath("/", escape: false);
            uri.AppendPath(string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString)), escape: false);
        }

        foreach (var (name, value) in query ?? [])
        {
            uri.AppendQuery(name, value, escapeValue: true);
        }

        message.Request.Uri = uri;
        message.Request.Headers.SetValue("x-ms-version", ApiVersion);
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken ct)
    {
        await _pipeline.SendAsync(message, ct);
        return message.Response;
    }
}
