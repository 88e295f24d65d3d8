using Azure;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// The only door to tenant records: every call is confined to the partition of the caller's tenant, taken from
/// <see cref="RequestContext"/> (never from a parameter), and fails closed when no tenant is set.
/// Feature stores receive this, never a raw <see cref="TableClient"/> for <c>tenantdata</c>.
/// </summary>
public sealed class TenantTable(TableClient table, RequestContext context)
{
    public string TenantId => context.RequireTenantId();

    public RequestContext Context => context;

    public TableEntity NewEntity(string rowKey) => new(TenantId, rowKey);

    public Task<TableEntity?> GetAsync(string rowKey, CancellationToken ct = default) =>
        table.GetEntityIfExistsAsync(TenantId, rowKey, null, ct);

    public Task<TableEntity?> GetAsync(string rowKey, IEnumerable<string> select, CancellationToken ct = default) =>
        table.GetEntityIfExistsAsync(TenantId, rowKey, select, ct);

    public async Task<TableEntity> GetRequiredAsync(string rowKey, string notFoundDetail, CancellationToken ct = default) =>
        await GetAsync(rowKey, ct) ?? throw AppException.NotFound(notFoundDetail);

    public Task<ETag> InsertAsync(TableEntity entity, CancellationToken ct = default) =>
        table.AddEntityAsync(Own(entity), ct);

    public Task<ETag> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default) =>
        table.UpsertEntityAsync(Own(entity), mode, ct);

    /// <summary>Update guarded by the ETag the caller read: a stale ETag is a 412, mapped to the <c>conflict</c> problem.</summary>
    public Task<ETag> UpdateAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        table.UpdateEntityAsync(Own(entity), ifMatch, mode, ct);

    public Task DeleteAsync(string rowKey, ETag ifMatch, CancellationToken ct = default) =>
        table.DeleteEntityAsync(TenantId, rowKey, ifMatch, ct);

    /// <summary>Entity-group transaction inside the tenant's partition (≤ 100 operations).</summary>
    public Task<IReadOnlyList<ETag>> SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct = default)
    {
        // An update or delete without an explicit ETag uses the one the entity was read with, so a batch cannot
        // silently overwrite a concurrent change; an unconditional write must say ETag.All.
        var owned = actions.Select(a => a with
        {
            Entity = Own(a.Entity),
            ETag = a.ETag == default && a.ActionType is not (TableTransactionActionType.Add or TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpsertReplace)
                ? (a.Entity.ETag == default ? ETag.All : a.Entity.ETag)
                : a.ETag,
        }).ToList();
        return owned.Count == 0 ? Task.FromResult<IReadOnlyList<ETag>>([]) : table.SubmitTransactionAsync(owned, ct);
    }

    /// <summary>All rows whose key starts with <paramref name="prefix"/>, in key order, following continuation.</summary>
    public IAsyncEnumerable<TableEntity> QueryPrefixAsync(
        string prefix, string? andFilter = null, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        var (from, to) = KeyRange.Prefix(prefix);
        return OnlyThisTenant(table.QueryAsync(RangeFilter(from, to, andFilter), maxPerPage: 1000, WithKeys(select), ct), ct);
    }

    /// <summary>
    /// One page of a prefix scan, in key order. Table Storage has no substring search, so <paramref name="match"/>
    /// filters client-side (server-side <paramref name="andFilter"/> where an exact comparison suffices). The scan is
    /// bounded: it stops after <paramref name="pageSize"/> matches or <paramref name="maxRowsScanned"/> rows, and the
    /// continuation token (the last row key read, base64url) resumes right after it, even in the middle of a server page.
    /// </summary>
    public async Task<Page<TableEntity>> ScanPageAsync(
        string prefix,
        int pageSize,
        string? continuation,
        Func<TableEntity, bool>? match = null,
        string? andFilter = null,
        IEnumerable<string>? select = null,
        int maxRowsScanned = 5000,
        CancellationToken ct = default)
    {
        var (from, to) = KeyRange.Prefix(prefix);
        var after = DecodeContinuation(continuation);
        if (after is not null && (string.CompareOrdinal(after, from) < 0 || string.CompareOrdinal(after, to) >= 0))
        {
            throw AppException.Validation("continuation", "O token de continuação não pertence a esta lista.");
        }

        var selected = WithKeys(select);
        var items = new List<TableEntity>();
        var scanned = 0;
        string? serverToken = null;
        do
        {
            var range = after is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {TenantId} and RowKey ge {from} and RowKey lt {to}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {TenantId} and RowKey gt {after} and RowKey lt {to}");
            var filter = string.IsNullOrWhiteSpace(andFilter) ? range : $"{range} and ({andFilter})";
            var take = match is null ? pageSize - items.Count : 1000;
            var page = await table.QueryPageAsync(filter, Math.Clamp(take, 1, 1000), serverToken, selected, ct);
            serverToken = page.ContinuationToken;
            foreach (var row in page.Items)
            {
                EnsureThisTenant(row);
                scanned++;
                after = row.RowKey;
                if (match is null || match(row))
                {
                    items.Add(row);
                }

                if (items.Count >= pageSize || scanned >= maxRowsScanned)
                {
                    return new Page<TableEntity>(items, EncodeContinuation(after));
                }
            }
        }
        while (serverToken is not null);

        return new Page<TableEntity>(items, null);
    }

    private static string EncodeContinuation(string rowKey) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeContinuation(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw AppException.Validation("continuation", "Token de continuação inválido.");
        }
    }

    /// <summary>
    /// The last line of defence: a feature's extra filter is a string, and a badly escaped value could widen the
    /// query beyond this partition; a row of another tenant must never leave this class.
    /// </summary>
    // The keys are always selected: the row key drives continuation and the partition key proves the tenant.
    private static List<string>? WithKeys(IEnumerable<string>? select) =>
        select?.Concat(["PartitionKey", "RowKey"]).Distinct().ToList();

    private void EnsureThisTenant(TableEntity row)
    {
        if (!string.Equals(row.PartitionKey, TenantId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A query returned a row outside the caller's tenant; the filter is unsafe.");
        }
    }

    private async IAsyncEnumerable<TableEntity> OnlyThisTenant(
        IAsyncEnumerable<TableEntity> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            EnsureThisTenant(row);
            yield return row;
        }
    }

    private string RangeFilter(string from, string to, string? andFilter)
    {
        var range = TableClient.CreateQueryFilter($"PartitionKey eq {TenantId} and RowKey ge {from} and RowKey lt {to}");
        return string.IsNullOrWhiteSpace(andFilter) ? range : $"{range} and ({andFilter})";
    }

    private TableEntity Own(TableEntity entity)
    {
        var tenant = TenantId;
        if (string.IsNullOrEmpty(entity.PartitionKey))
        {
            entity.PartitionKey = tenant;
        }
        else if (!string.Equals(entity.PartitionKey, tenant, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("An entity of another tenant cannot be written through this request.");
        }

        return entity;
    }
}
