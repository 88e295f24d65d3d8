using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>One table, spoken to over the Table REST API (OData JSON, minimal metadata).</summary>
public sealed class TableClient
{
    private const string JsonContentType = "application/json";

    private readonly HttpPipeline _pipeline;
    private readonly string _tableUrl;

    internal TableClient(StorageAccount account, string tableName)
    {
        TableLimits.CheckTableName(tableName);
        Account = account;
        Name = tableName;
        _pipeline = account.TablePipeline;
        _tableUrl = $"{account.TableEndpoint.AbsoluteUri.TrimEnd('/')}/{tableName}";
    }

    public string Name { get; }

    internal StorageAccount Account { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var message = CreateMessage(RequestMethod.Post, $"{Account.TableEndpoint.AbsoluteUri.TrimEnd('/')}/Tables", body);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        await _pipeline.SendAsync(message, ct);
        if (message.Response.Status == 409 && ErrorCode(message.Response) == "TableAlreadyExists")
        {
            return;
        }

        await EnsureSuccessAsync(message.Response, ct);
    }

    /// <summary>Deletes the table (and every entity in it).</summary>
    public async Task DeleteAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"{Account.TableEndpoint.AbsoluteUri.TrimEnd('/')}/Tables('{Name}')");
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        using var message = CreateGetMessage(partitionKey, rowKey, select);
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return ReadEntity(response);
    }

    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        using var message = CreateGetMessage(partitionKey, rowKey, select);
        await _pipeline.SendAsync(message, ct);
        // A missing table is a setup error, not a missing entity: it still throws (404 TableNotFound).
        if (message.Response.Status == 404 && ErrorCode(message.Response) != "TableNotFound")
        {
            return null;
        }

        await EnsureSuccessAsync(message.Response, ct);
        return ReadEntity(message.Response);
    }

    /// <summary>Inserts; 409 EntityAlreadyExists when the keys are taken.</summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken ct = default)
    {
        TableLimits.CheckEntity(entity);
        using var message = CreateMessage(RequestMethod.Post, _tableUrl, TableJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return UpdateETag(entity, response);
    }

    /// <summary>Insert-or-merge (default) or insert-or-replace: PUT/MERGE without If-Match.</summary>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default)
    {
        TableLimits.CheckEntity(entity);
        using var message = CreateMessage(MethodFor(mode), EntityUrl(entity.PartitionKey, entity.RowKey), TableJson.Serialize(entity));
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return UpdateETag(entity, response);
    }

    /// <summary>Update guarded by <paramref name="ifMatch"/> (an entity's ETag or <see cref="ETag.All"/>); 412 when it changed, 404 when missing.</summary>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default)
    {
        TableLimits.CheckEntity(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("Pass the entity's ETag for an optimistic update, or ETag.All to overwrite unconditionally.", nameof(ifMatch));
        }

        using var message = CreateMessage(MethodFor(mode), EntityUrl(entity.PartitionKey, entity.RowKey), TableJson.Serialize(entity));
        message.Request.Headers.SetValue("If-Match", ifMatch.ToString());
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return UpdateETag(entity, response);
    }

    /// <summary>Deletes; the default ETag means any version. 404 ResourceNotFound when missing.</summary>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, EntityUrl(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? ETag.All.ToString() : ifMatch.ToString());
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    /// <summary>All entities matching <paramref name="filter"/>; continuation tokens are followed transparently.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        int? maxPerPage = null,
        IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        TableLimits.CheckPageSize(maxPerPage, nameof(maxPerPage));
        var selectList = select?.ToList();
        ContinuationKeys? next = null;
        do
        {
            var (items, continuation) = await QueryOnceAsync(filter, maxPerPage, next, selectList, ct);
            foreach (var item in items)
            {
                yield return item;
            }

            next = continuation;
        }
        while (next is not null);
    }

    /// <summary>
    /// Exactly one request. The page may hold fewer than <paramref name="pageSize"/> entities (even none) while a
    /// continuation token is still returned: the service stops at partition boundaries and time limits.
    /// </summary>
    public async Task<TablePage> QueryPageAsync(
        string? filter,
        int pageSize,
        string? continuationToken,
        IEnumerable<string>? select = null,
        CancellationToken ct = default)
    {
        TableLimits.CheckPageSize(pageSize, nameof(pageSize));
        var keys = continuationToken is null ? null : ContinuationKeys.Decode(continuationToken);
        var (items, next) = await QueryOnceAsync(filter, pageSize, keys, select?.ToList(), ct);
        return new TablePage(items, next?.Encode());
    }

    /// <summary>
    /// Builds a filter from an interpolated string, quoting every argument by its type:
    /// <c>CreateQueryFilter($"PartitionKey eq {tenant} and Total gt {100L}")</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableFilter.Create(filter);

    /// <summary>
    /// Entity-group transaction: all actions succeed or none does. Returns the new ETags in action order (default for
    /// deletes). Throws <see cref="TableTransactionFailedException"/> with the failing action's index.
    /// </summary>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var batch = TableBatch.Build(_tableUrl, list);
        using var message = CreateMessage(RequestMethod.Post, $"{Account.TableEndpoint.AbsoluteUri.TrimEnd('/')}/$batch", batch.Body, batch.ContentType);
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        var etags = TableBatch.ParseResponse(response, list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].ActionType != TableTransactionActionType.Delete)
            {
                list[i].Entity.ETag = etags[i];
            }
        }

        return etags;
    }

    internal static string EntityPath(string partitionKey, string rowKey)
    {
        TableLimits.CheckKey(partitionKey, TableEntity.PartitionKeyName);
        TableLimits.CheckKey(rowKey, TableEntity.RowKeyName);
        return $"(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    private string EntityUrl(string partitionKey, string rowKey) => _tableUrl + EntityPath(partitionKey, rowKey);

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static RequestMethod MethodFor(TableUpdateMode mode) =>
        mode == TableUpdateMode.Replace ? RequestMethod.Put : new RequestMethod("MERGE");

    private HttpMessage CreateGetMessage(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var url = new StringBuilder(EntityUrl(partitionKey, rowKey));
        var selectText = SelectText(select);
        if (selectText is not null)
        {
            url.Append("?$select=").Append(Uri.EscapeDataString(selectText));
        }

        return CreateMessage(RequestMethod.Get, url.ToString());
    }

    private async Task<(IReadOnlyList<TableEntity> Items, ContinuationKeys? Next)> QueryOnceAsync(
        string? filter,
        int? top,
        ContinuationKeys? continuation,
        IReadOnlyList<string>? select,
        CancellationToken ct)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (top is not null)
        {
            query.Add("$top=" + top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var selectText = SelectText(select);
        if (selectText is not null)
        {
            query.Add("$select=" + Uri.EscapeDataString(selectText));
        }

        if (continuation is not null)
        {
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(continuation.PartitionKey));
            if (continuation.RowKey is not null)
            {
                query.Add("NextRowKey=" + Uri.EscapeDataString(continuation.RowKey));
            }
        }

        var url = _tableUrl + "()" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var message = CreateMessage(RequestMethod.Get, url);
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);

        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var items = new List<TableEntity>();
        if (document.RootElement.TryGetProperty("value", out var value))
        {
            foreach (var element in value.EnumerateArray())
            {
                items.Add(TableJson.ReadEntity(element));
            }
        }

        StorageTransactions.RecordQueryRows(items.Count);
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
        var next = string.IsNullOrEmpty(nextPartition) ? null : new ContinuationKeys(nextPartition, string.IsNullOrEmpty(nextRow) ? null : nextRow);
        return (items, next);
    }

    private static string? SelectText(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var names = select.ToList();
        return names.Count == 0 ? null : string.Join(',', names);
    }

    private HttpMessage CreateMessage(RequestMethod method, string url, byte[]? body = null, string contentType = JsonContentType)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(url));
        if (body is not null)
        {
            // Set exactly the string that is signed: StringContent would append "; charset=utf-8".
            request.Headers.SetValue("Content-Type", contentType);
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private static TableEntity ReadEntity(Response response)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableJson.ReadEntity(document.RootElement);
        if (entity.ETag == default && response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    private static ETag UpdateETag(TableEntity entity, Response response)
    {
        var etag = StorageResponses.ETagOf(response);
        entity.ETag = etag;
        return etag;
    }

    private static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;

    private static async Task EnsureSuccessAsync(Response response, CancellationToken ct)
    {
        if (response.Status >= 400)
        {
            await StorageResponses.ThrowAsync(response, ct);
        }
    }

    /// <summary>The service's NextPartitionKey/NextRowKey pair, carried to API callers as one opaque base64url token.</summary>
    private sealed record ContinuationKeys(string PartitionKey, string? RowKey)
    {
        public string Encode()
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new[] { PartitionKey, RowKey });
            return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        public static ContinuationKeys Decode(string token)
        {
            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = JsonSerializer.Deserialize<string?[]>(Convert.FromBase64String(base64));
                if (parts is { Length: 2 } && !string.IsNullOrEmpty(parts[0]))
                {
                    return new ContinuationKeys(parts[0]!, parts[1]);
                }
            }
            catch (FormatException)
            {
            }
            catch (JsonException)
            {
            }

            throw new ArgumentException("The continuation token is not one this service issued.", nameof(token));
        }
    }
}
