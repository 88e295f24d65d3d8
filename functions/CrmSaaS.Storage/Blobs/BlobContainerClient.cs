using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>One blob container, spoken to over the Blob REST API (block blobs uploaded in one Put Blob).</summary>
public sealed class BlobContainerClient
{
    // Service SAS version whose 16-line string-to-sign was checked against Azurite.
    private const string SasVersion = "2022-11-02";
    private const int MaxBlobNameLength = 1024;
    private const int MaxMetadataBytes = 8 * 1024;

    private readonly StorageAccount _account;
    private readonly HttpPipeline _pipeline;
    private readonly string _containerUrl;

    internal BlobContainerClient(StorageAccount account, string containerName)
    {
        StorageNames.CheckContainerOrQueueName(containerName, "Container");
        _account = account;
        _pipeline = account.BlobPipeline;
        Name = containerName;
        _containerUrl = $"{account.BlobEndpoint.AbsoluteUri.TrimEnd('/')}/{containerName}";
    }

    public string Name { get; }

    public Uri Uri => new(_containerUrl);

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Put, _containerUrl + "?restype=container");
        await _pipeline.SendAsync(message, ct);
        if (message.Response.Status == 409 && ErrorCode(message.Response) == "ContainerAlreadyExists")
        {
            return;
        }

        await EnsureSuccessAsync(message.Response, ct);
    }

    /// <summary>Deletes the container and every blob in it.</summary>
    public async Task DeleteAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, _containerUrl + "?restype=container");
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    public Uri GetBlobUri(string blobName) => new(BlobUrl(blobName));

    /// <summary>
    /// Uploads a block blob in one request. With <paramref name="overwrite"/> false an existing blob is kept and the
    /// call fails with 409 BlobAlreadyExists.
    /// </summary>
    public async Task<BlobProperties> UploadAsync(
        string blobName,
        Stream content,
        string contentType,
        IDictionary<string, string>? metadata = null,
        bool overwrite = true,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            // The length is signed and a retry must resend the same bytes, so a forward-only stream is buffered.
            var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            content = buffer;
        }

        return await UploadCoreAsync(blobName, RequestContent.Create(content), content.Length - content.Position, contentType, metadata, overwrite, ct);
    }

    public Task<BlobProperties> UploadAsync(
        string blobName,
        BinaryData content,
        string contentType,
        IDictionary<string, string>? metadata = null,
        bool overwrite = true,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = content.ToMemory();
        return UploadCoreAsync(blobName, RequestContent.Create(bytes), bytes.Length, contentType, metadata, overwrite, ct);
    }

    /// <summary>Downloads a blob; 404 BlobNotFound when missing. The content streams until the result is disposed.</summary>
    public async Task<BlobDownloadResult> DownloadAsync(string blobName, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Get, BlobUrl(blobName));
        message.BufferResponse = false;
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        var properties = PropertiesFrom(blobName, response);
        var stream = message.ExtractResponseContent() ?? new MemoryStream();
        return new BlobDownloadResult(stream, properties);
    }

    /// <summary>Downloads a blob into memory.</summary>
    public async Task<BinaryData> DownloadContentAsync(string blobName, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Get, BlobUrl(blobName));
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return response.Content;
    }

    public async Task<BlobProperties> GetPropertiesAsync(string blobName, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Head, BlobUrl(blobName));
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return PropertiesFrom(blobName, response);
    }

    /// <summary>Deletes a blob; 404 BlobNotFound when missing.</summary>
    public async Task DeleteAsync(string blobName, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, BlobUrl(blobName));
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    /// <summary>Deletes a blob; false when it (or the container) did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, BlobUrl(blobName));
        await _pipeline.SendAsync(message, ct);
        if (message.Response.Status == 404 && ErrorCode(message.Response) is "BlobNotFound" or "ContainerNotFound")
        {
            return false;
        }

        await EnsureSuccessAsync(message.Response, ct);
        return true;
    }

    /// <summary>Blobs whose names start with <paramref name="prefix"/>, in name order; NextMarker is followed transparently.</summary>
    public IAsyncEnumerable<BlobItem> ListAsync(string? prefix = null, CancellationToken ct = default) =>
        ListAsync(prefix, 5000, ct);

    /// <summary>As <see cref="ListAsync(string?, CancellationToken)"/>, asking the service for at most <paramref name="pageSize"/> blobs a request.</summary>
    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix, int pageSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 5000);
        string? marker = null;
        do
        {
            var url = new StringBuilder(_containerUrl).Append("?restype=container&comp=list&maxresults=")
                .Append(pageSize.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(prefix))
            {
                url.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
            }

            if (!string.IsNullOrEmpty(marker))
            {
                url.Append("&marker=").Append(Uri.EscapeDataString(marker));
            }

            using var message = CreateMessage(RequestMethod.Get, url.ToString());
            var response = await StorageResponses.SendAsync(_pipeline, message, ct);
            var root = XDocument.Parse(response.Content.ToString()).Root!;
            foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
            {
                var properties = blob.Element("Properties");
                yield return new BlobItem(
                    blob.Element("Name")!.Value,
                    long.Parse(properties?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    properties?.Element("Content-Type")?.Value ?? string.Empty,
                    ParseHttpDate(properties?.Element("Last-Modified")?.Value));
            }

            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>
    /// A read-only service SAS URL for one blob, valid until <paramref name="expiresOn"/>, signed with the account
    /// key. Token-credential (managed identity) accounts have no key: they throw <see cref="InvalidOperationException"/>
    /// here and must use <see cref="GenerateReadSasUriAsync"/>.
    /// </summary>
    public Uri GenerateReadSasUri(string blobName, DateTimeOffset expiresOn)
    {
        CheckBlobName(blobName);
        var key = _account.AccountKey ?? throw new InvalidOperationException(
            "A service SAS is signed with the account key, and this account uses a token credential (managed identity). " +
            "Use GenerateReadSasUriAsync, which signs a user-delegation SAS.");

        var expiry = FormatSasTime(expiresOn);
        var protocol = SasProtocol();
        var stringToSign = string.Join(
            '\n',
            "r", // sp
            string.Empty, // st: omitted so clock skew cannot make a fresh link invalid
            expiry, // se
            CanonicalSasResource(blobName),
            string.Empty, // si
            string.Empty, // sip
            protocol, // spr
            SasVersion, // sv
            "b", // sr
            string.Empty, // snapshot time
            string.Empty, // ses
            string.Empty, // rscc
            string.Empty, // rscd
            string.Empty, // rsce
            string.Empty, // rscl
            string.Empty); // rsct

        var query = new StringBuilder("?sv=").Append(SasVersion);
        AppendProtocol(query, protocol);
        query.Append("&se=").Append(Uri.EscapeDataString(expiry))
            .Append("&sr=b&sp=r&sig=").Append(Uri.EscapeDataString(Sign(key, stringToSign)));
        return new Uri(BlobUrl(blobName) + query);
    }

    /// <summary>
    /// A read-only SAS URL for one blob that works with both kinds of account: a service SAS for Shared Key accounts,
    /// a user-delegation SAS (at most 7 days) for token-credential accounts. The identity then needs a role with
    /// generateUserDelegationKey (e.g. Storage Blob Data Contributor/Reader/Delegator).
    /// </summary>
    public async Task<Uri> GenerateReadSasUriAsync(string blobName, DateTimeOffset expiresOn, CancellationToken ct = default)
    {
        if (_account.AccountKey is not null)
        {
            return GenerateReadSasUri(blobName, expiresOn);
        }

        CheckBlobName(blobName);
        var key = await _account.UserDelegationKeys.GetAsync(expiresOn, ct);
        var expiry = FormatSasTime(expiresOn);
        var protocol = SasProtocol();
        var stringToSign = string.Join(
            '\n',
            "r", // sp
            string.Empty, // st
            expiry, // se
            CanonicalSasResource(blobName),
            key.SignedObjectId, // skoid
            key.SignedTenantId, // sktid
            key.SignedStart, // skt
            key.SignedExpiry, // ske
            key.SignedService, // sks
            key.SignedVersion, // skv
            string.Empty, // saoid
            string.Empty, // suoid
            string.Empty, // scid
            string.Empty, // sip
            protocol, // spr
            SasVersion, // sv
            "b", // sr
            string.Empty, // snapshot time
            string.Empty, // ses
            string.Empty, // rscc
            string.Empty, // rscd
            string.Empty, // rsce
            string.Empty, // rscl
            string.Empty); // rsct

        var query = new StringBuilder("?sv=").Append(SasVersion);
        AppendProtocol(query, protocol);
        query.Append("&se=").Append(Uri.EscapeDataString(expiry))
            .Append("&sr=b&sp=r")
            .Append("&skoid=").Append(Uri.EscapeDataString(key.SignedObjectId))
            .Append("&sktid=").Append(Uri.EscapeDataString(key.SignedTenantId))
            .Append("&skt=").Append(Uri.EscapeDataString(key.SignedStart))
            .Append("&ske=").Append(Uri.EscapeDataString(key.SignedExpiry))
            .Append("&sks=").Append(Uri.EscapeDataString(key.SignedService))
            .Append("&skv=").Append(Uri.EscapeDataString(key.SignedVersion))
            .Append("&sig=").Append(Uri.EscapeDataString(Sign(key.Value, stringToSign)));
        return new Uri(BlobUrl(blobName) + query);
    }

    private string CanonicalSasResource(string blobName) => $"/blob/{_account.AccountName}/{Name}/{blobName}";

    // https-only links when the endpoint is https; Azurite over http needs the default (http and https).
    private string SasProtocol() => _account.BlobEndpoint.Scheme == Uri.UriSchemeHttps ? "https" : string.Empty;

    private static void AppendProtocol(StringBuilder query, string protocol)
    {
        if (protocol.Length > 0)
        {
            query.Append("&spr=").Append(protocol);
        }
    }

    private static string FormatSasTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Sign(byte[] key, string stringToSign)
    {
        using var hmac = new HMACSHA256(key);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    private async Task<BlobProperties> UploadCoreAsync(
        string blobName,
        RequestContent content,
        long length,
        string contentType,
        IDictionary<string, string>? metadata,
        bool overwrite,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        CheckMetadata(metadata);
        using var message = CreateMessage(RequestMethod.Put, BlobUrl(blobName));
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        headers.SetValue("Content-Type", contentType);
        if (!overwrite)
        {
            headers.SetValue("If-None-Match", "*");
        }

        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            headers.SetValue("x-ms-meta-" + name, value);
        }

        message.Request.Content = content;
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return new BlobProperties(
            blobName,
            length,
            contentType,
            StorageResponses.ETagOf(response),
            ParseHttpDate(response.Headers.TryGetValue("Last-Modified", out var modified) ? modified : null),
            new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase));
    }

    private static BlobProperties PropertiesFrom(string blobName, Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        response.Headers.TryGetValue("Last-Modified", out var modified);
        return new BlobProperties(
            blobName,
            response.Headers.ContentLength ?? 0,
            response.Headers.ContentType ?? string.Empty,
            StorageResponses.ETagOf(response),
            ParseHttpDate(modified),
            metadata);
    }

    private string BlobUrl(string blobName)
    {
        CheckBlobName(blobName);
        // Keep '/' so virtual folders stay readable paths; escape everything else per segment.
        return _containerUrl + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
    }

    private static void CheckBlobName(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        if (blobName.Length is 0 or > MaxBlobNameLength)
        {
            throw new StorageLimitException($"A blob name has 1 to {MaxBlobNameLength} characters; got {blobName.Length}.", nameof(blobName));
        }

        if (blobName.Any(char.IsControl) || blobName.Contains('\\', StringComparison.Ordinal))
        {
            throw new StorageLimitException("A blob name cannot contain control characters or backslashes.", nameof(blobName));
        }

        // "." and ".." segments are collapsed by URI normalisation before signing, so "a/../b" would address "b":
        // a name built from user input could then reach another tenant's folder.
        if (blobName.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new StorageLimitException($"Blob name '{blobName}' has a '.' or '..' segment.", nameof(blobName));
        }

        if (blobName.EndsWith('.') || blobName.EndsWith('/') || blobName.StartsWith('/') || blobName.Contains("//", StringComparison.Ordinal))
        {
            throw new StorageLimitException(
                $"Blob name '{blobName}' has an empty path segment or ends with '.' or '/', which Azure does not handle reliably.",
                nameof(blobName));
        }
    }

    private static void CheckMetadata(IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        var total = 0;
        foreach (var (name, value) in metadata)
        {
            var validName = name.Length > 0
                && (char.IsAsciiLetter(name[0]) || name[0] == '_')
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
            if (!validName)
            {
                throw new StorageLimitException($"Metadata name '{name}' must be an identifier (ASCII letters, digits, '_', not starting with a digit).", nameof(metadata));
            }

            ArgumentNullException.ThrowIfNull(value, nameof(metadata));
            if (value.Any(c => c > 126 || c < 32) || value != value.Trim())
            {
                throw new StorageLimitException(
                    $"Metadata '{name}' must be printable ASCII without surrounding spaces (it travels as an HTTP header); encode other text, e.g. with Uri.EscapeDataString.",
                    nameof(metadata));
            }

            total += name.Length + value.Length;
        }

        if (total > MaxMetadataBytes)
        {
            throw new StorageLimitException($"Metadata totals {total} bytes; Azure allows at most 8 KiB.", nameof(metadata));
        }
    }

    private HttpMessage CreateMessage(RequestMethod method, string url)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(url));
        return message;
    }

    private static DateTimeOffset? ParseHttpDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;

    private static async Task EnsureSuccessAsync(Response response, CancellationToken ct)
    {
        if (response.Status >= 400)
        {
            await StorageResponses.ThrowAsync(response, ct);
        }
    }
}
