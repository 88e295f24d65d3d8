using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

public enum TableUpdateMode
{
    Merge,
    Replace,
}

public sealed record TablePage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    UpsertMerge,
    UpsertReplace,
    Delete,
}

public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);

/// <summary>One table of the Table service, over its REST API (x-ms-version 2019-02-02, OData JSON).</summary>
public sealed class TableClient
{
    private const string ApiVersion = "2019-02-02";
    private const string JsonType = "application/json";
    private const string Accept = "application/json;odata=minimalmetadata";
    private readonly StorageAccount _account;
    private readonly HttpPipeline _pipeline;

    internal TableClient(StorageAccount account, HttpPipeline pipeline, string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new StorageLimitException($"Table name '{name}' must be 3–63 letters and digits, starting with a letter.");
        }

        _account = account;
        _pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var message = Create(RequestMethod.Post, "Tables", body);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, ct);
        if (response.Status is not (201 or 204 or 409))
        {
            throw StorageErrors.From(response);
        }
    }

    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken ct = default) =>
        await GetEntityIfExistsAsync(partitionKey, rowKey, select, ct)
        ?? throw new RequestFailedException(404, $"Entity ({partitionKey}, {rowKey}) not found in {Name}.", "ResourceNotFound", null);

    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        TableSerialization.ValidateKey(partitionKey, "PartitionKey");
        TableSerialization.ValidateKey(rowKey, "RowKey");
        using var message = Create(RequestMethod.Get, EntityPath(partitionKey, rowKey), null, Select(select));
        var response = await SendAsync(message, ct);
        if (response.Status == 404)
        {
            return null;
        }

        EnsureSuccess(response, 200);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableSerialization.Deserialize(json.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Post, Name, TableSerialization.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, ct);
        EnsureSuccess(response, 201, 204);
        return entity.ETag = response.Headers.ETag ?? default;
    }

    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default) =>
        WriteAsync(entity, mode, null, ct);

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default) =>
        WriteAsync(entity, mode, ifMatch == default ? ETag.All : ifMatch, ct);

    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken ct = default)
    {
        TableSerialization.ValidateKey(partitionKey, "PartitionKey");
        TableSerialization.ValidateKey(rowKey, "RowKey");
        using var message = Create(RequestMethod.Delete, EntityPath(partitionKey, rowKey), null);
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        var response = await SendAsync(message, ct);
        EnsureSuccess(response, 204);
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        int? maxPerPage = null,
        IEnumerable<string>? select = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? token = null;
        var columns = select?.ToList();
        do
        {
            var page = await QueryPageAsync(filter, maxPerPage ?? 1000, token, columns, ct);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>One request: at most <paramref name="pageSize"/> (≤ 1000) entities and the token to continue.</summary>
    public async Task<TablePage> QueryPageAsync(
        string? filter, int pageSize, string? continuationToken, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        var query = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query.Add(("$filter", filter));
        }

        query.Add(("$top", Math.Clamp(pageSize, 1, 1000).ToString(CultureInfo.InvariantCulture)));
        query.AddRange(Select(select));
        if (ContinuationToken.Decode(continuationToken) is var (nextPartition, nextRow) && nextPartition is not null)
        {
            query.Add(("NextPartitionKey", nextPartition));
            if (nextRow is not null)
            {
                query.Add(("NextRowKey", nextRow));
            }
        }

        using var message = Create(RequestMethod.Get, Name + "()", null, query);
        var response = await SendAsync(message, ct);
        EnsureSuccess(response, 200);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var items = json.RootElement.GetProperty("value").EnumerateArray().Select(TableSerialization.Deserialize).ToList();
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var row);
        return new TablePage(items, partition is null ? null : ContinuationToken.Encode(partition, row));
    }

    /// <summary>
    /// Builds a filter from an interpolated string, quoting each argument by its type, so user input can never
    /// change the filter's structure: <c>CreateQueryFilter($"PartitionKey eq {tenant} and Name eq {name}")</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        var arguments = filter.GetArguments().Select(FilterLiteral).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    private static string FilterLiteral(object? value) => value switch
    {
        null => throw new ArgumentException("A filter value cannot be null."),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var t && (t.Contains('.', StringComparison.Ordinal) || t.Contains('E', StringComparison.Ordinal)) ? t : t + ".0",
        DateTimeOffset d => "datetime'" + d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime d => "datetime'" + d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        decimal m => "'" + m.ToString(CultureInfo.InvariantCulture) + "'",
        _ => throw new ArgumentException($"A filter value of type {value.GetType().Name} is not supported."),
    };

    /// <summary>
    /// Entity-group transaction: all or nothing, one partition, ≤ 100 operations, each entity once. The response is
    /// 202 even when the changeset failed, so the changeset's own sub-responses decide.
    /// </summary>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct = default)
    {
        var list = actions.ToList();
        ValidateBatch(list);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        var tableUri = new Uri(_account.TableEndpoint, Name).AbsoluteUri;
        foreach (var action in list)
        {
            var entity = action.Entity;
            var entityUri = new Uri(_account.TableEndpoint, EntityPath(entity.PartitionKey, entity.RowKey)).AbsoluteUri;
            var (method, uri, ifMatch, withBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri, null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, IfMatch(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUri, IfMatch(action.ETag), true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
                TableTransactionActionType.Delete => ("DELETE", entityUri, IfMatch(action.ETag), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions)),
            };
            body.Append("--").Append(changesetBoundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
                .Append("Accept: ").Append(Accept).Append("\r\n")
                .Append("Prefer: return-no-content\r\n")
                .Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (withBody)
            {
                var json = Encoding.UTF8.GetString(TableSerialization.Serialize(entity));
                body.Append("Content-Type: application/json\r\n\r\n").Append(json).Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }

        body.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");
        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        if (bytes.Length > 4 * 1024 * 1024)
        {
            throw new StorageLimitException("An entity-group transaction may be at most 4 MiB.");
        }

        using var message = Create(RequestMethod.Post, "$batch", bytes, contentType: "multipart/mixed; boundary=" + batchBoundary);
        var response = await SendAsync(message, ct);
        if (response.Status != 202)
        {
            throw StorageErrors.From(response);
        }

        var results = BatchResponse.Parse(response.Content.ToString());
        var failure = results.FirstOrDefault(r => r.Status >= 300);
        if (failure is not null)
        {
            var (code, text) = StorageErrors.Parse(null, failure.Body);
            int? index = null;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                index = parsed;
            }
            else if (list.Count == 1)
            {
                index = 0;
            }

            throw new TableTransactionFailedException(failure.Status, $"{failure.Status} {code}: {text}", code, index);
        }

        if (results.Count != list.Count)
        {
            throw new RequestFailedException(response.Status, $"The transaction answered {results.Count} results for {list.Count} operations.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            list[i].Entity.ETag = results[i].ETag;
        }

        return results.Select(r => r.ETag).ToList();
    }

    private static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString();

    private static void ValidateBatch(List<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one operation.", nameof(actions));
        }

        if (actions.Count > 100)
        {
            throw new StorageLimitException($"An entity-group transaction may have at most 100 operations; this one has {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal)))
        {
            throw new StorageLimitException("An entity-group transaction must stay in one partition.");
        }

        var duplicate = actions.GroupBy(a => a.Entity.RowKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StorageLimitException($"An entity may appear only once in a transaction: RowKey '{duplicate.Key}'.");
        }
    }

    private async Task<ETag> WriteAsync(TableEntity entity, TableUpdateMode mode, ETag? ifMatch, CancellationToken ct)
    {
        var method = mode == TableUpdateMode.Merge ? RequestMethod.Parse("MERGE") : RequestMethod.Put;
        using var message = Create(method, EntityPath(entity.PartitionKey, entity.RowKey), TableSerialization.Serialize(entity));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        var response = await SendAsync(message, ct);
        EnsureSuccess(response, 204);
        return entity.ETag = response.Headers.ETag ?? default;
    }

    private string EntityPath(string partitionKey, string rowKey) =>
        $"{Name}(PartitionKey='{TableSerialization.KeyLiteral(partitionKey)}',RowKey='{TableSerialization.KeyLiteral(rowKey)}')";

    private static IEnumerable<(string, string)> Select(IEnumerable<string>? select)
    {
        var columns = select?.ToList();
        return columns is { Count: > 0 } ? [("$select", string.Join(',', columns))] : [];
    }

    private HttpMessage Create(RequestMethod method, string path, byte[]? body, IEnumerable<(string Name, string Value)>? query = null, string? contentType = null)
    {
        var message = _pipeline.CreateMessage();
        message.SetProperty(StorageTransactionCountingPolicy.ServiceProperty, StorageService.Table);
        var request = message.Request;
        request.Method = method;
        var uri = new RequestUriBuilder();
        uri.Reset(_account.TableEndpoint);
        uri.AppendPath(path, escape: false);
        foreach (var (name, value) in query ?? [])
        {
            uri.AppendQuery(name, value, escapeValue: true);
        }

        request.Uri = uri;
        request.Headers.SetValue("x-ms-version", ApiVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", Accept);
        if (body is not null)
        {
            // The exact string that is signed: no "; charset=utf-8" appended.
            request.Headers.SetValue("Content-Type", contentType ?? JsonType);
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken ct)
    {
        await _pipeline.SendAsync(message, ct);
        return message.Response;
    }

    private static void EnsureSuccess(Response response, params int[] expected)
    {
        if (!expected.Contains(response.Status))
        {
            throw StorageErrors.From(response);
        }
    }
}

/// <summary>Opaque continuation token: the service's NextPartitionKey and NextRowKey, base64url-encoded together.</summary>
internal static class ContinuationToken
{
    public static string Encode(string partition, string? row)
    {
        var text = partition + "\n" + (row ?? "");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static (string? Partition, string? Row) Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        var separator = text.IndexOf('\n', StringComparison.Ordinal);
        return separator < 0 ? (text, null) : (text[..separator], text[(separator + 1)..] is { Length: > 0 } row ? row : null);
    }
}

/// <summary>Reads the multipart/mixed answer of a batch: one HTTP response per operation (or one for the failure).</summary>
internal static class BatchResponse
{
    public sealed record Part(int Status, ETag ETag, string Body);

    public static List<Part> Parse(string content)
    {
        var parts = new List<Part>();
        var index = 0;
        while ((index = content.IndexOf("HTTP/1.1 ", index, StringComparison.Ordinal)) >= 0)
        {
            var lineEnd = content.IndexOf('\n', index);
            var statusLine = content[index..(lineEnd < 0 ? content.Length : lineEnd)].Trim();
            var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
            var headersEnd = content.IndexOf("\r\n\r\n", lineEnd, StringComparison.Ordinal);
            if (headersEnd < 0)
            {
                headersEnd = content.IndexOf("\n\n", lineEnd, StringComparison.Ordinal);
            }

            var headerBlock = content[lineEnd..(headersEnd < 0 ? content.Length : headersEnd)];
            var etag = default(ETag);
            foreach (var line in headerBlock.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("ETag:", StringComparison.OrdinalIgnoreCase))
                {
                    etag = new ETag(trimmed[5..].Trim());
                }
            }

            var bodyStart = headersEnd < 0 ? content.Length : headersEnd + 4;
            var next = content.IndexOf("--changesetresponse", bodyStart, StringComparison.Ordinal);
            if (next < 0)
            {
                next = content.IndexOf("--batchresponse", bodyStart, StringComparison.Ordinal);
            }

            var body = bodyStart >= content.Length ? "" : content[bodyStart..(next < 0 ? content.Length : next)].Trim();
            parts.Add(new Part(status, etag, body));
            index = next < 0 ? content.Length : next;
        }

        return parts;
    }
}
