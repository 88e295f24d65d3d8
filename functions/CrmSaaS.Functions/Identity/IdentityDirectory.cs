using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// The identity rows of the global <c>directory</c> table.
/// <list type="bullet">
/// <item>Partition <c>claims</c>: what must be unique across tenants (<c>taxid|…</c>, <c>slug|…</c>, <c>login|…</c>). One
/// partition so that sign-up claims all three in one entity-group transaction, and a login is a point read.</item>
/// <item>Partition <c>token</c>: SHA-256 of every e-mailed or handed-out secret, with its purpose, tenant, subject,
/// expiry and use; and <c>family|…</c> rows of refresh-token families.</item>
/// </list>
/// </summary>
public sealed class IdentityDirectory(DirectoryTable directory, TimeProvider clock)
{
    public const string ClaimsPartition = "claims";
    public const string TokenPartition = "token";

    private TableClient Table => directory.Table;

    public static string LoginKey(string normalizedEmail) => KeyRange.Key("login", normalizedEmail);

    public static string TaxIdKey(string taxId) => KeyRange.Key("taxid", taxId);

    public static string SlugKey(string slug) => KeyRange.Key("slug", slug);

    public static TableEntity NewClaim(string rowKey, string tenantId) =>
        new(ClaimsPartition, rowKey) { ["TenantId"] = tenantId };

    public Task<TableEntity?> GetClaimAsync(string rowKey, CancellationToken ct) =>
        Table.GetEntityIfExistsAsync(ClaimsPartition, rowKey, null, ct);

    public async Task<string?> TenantOfSlugAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > Slugs.MaxLength || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return null;
        }

        return (await GetClaimAsync(SlugKey(slug), ct))?.GetString("TenantId");
    }

    /// <summary>All the claims or none (one entity-group transaction): a 409 means one of them is taken.</summary>
    public Task<IReadOnlyList<ETag>> ClaimAllAsync(IReadOnlyList<TableEntity> claims, CancellationToken ct) =>
        Table.SubmitTransactionAsync(claims.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c)), ct);

    public Task<ETag> ClaimAsync(TableEntity claim, CancellationToken ct) => Table.AddEntityAsync(claim, ct);

    /// <summary>Gives claims back (the compensation when the tenant-side write after them failed).</summary>
    public Task ReleaseAllAsync(IReadOnlyList<TableEntity> claims, CancellationToken ct) =>
        Table.SubmitTransactionAsync(claims.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, c.ETag)), ct);

    /// <summary>Replaces a claim row read earlier; a concurrent change makes this a 412.</summary>
    public Task<ETag> UpdateClaimAsync(TableEntity claim, CancellationToken ct) =>
        Table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);

    /// <summary>Stores the hash of a new secret and returns the secret itself (to e-mail or hand out; never stored).</summary>
    public async Task<string> IssueTokenAsync(
        string purpose, string tenantId, string subject, TimeSpan lifetime, CancellationToken ct, IReadOnlyDictionary<string, string>? extra = null)
    {
        var (token, row) = NewToken(purpose, tenantId, subject, lifetime, extra);
        await Table.AddEntityAsync(row, ct);
        return token;
    }

    public (string Token, TableEntity Row) NewToken(
        string purpose, string tenantId, string subject, TimeSpan lifetime, IReadOnlyDictionary<string, string>? extra = null)
    {
        var token = OneTimeTokens.New();
        var now = clock.GetUtcNow();
        var row = new TableEntity(TokenPartition, OneTimeTokens.Hash(token))
        {
            ["Purpose"] = purpose,
            ["TenantId"] = tenantId,
            ["Subject"] = subject,
            ["CreatedAt"] = now,
            ["ExpiresAt"] = now + lifetime,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            row[key] = value;
        }

        return (token, row);
    }

    /// <summary>The stored row of a secret, whatever its state (null when malformed or unknown).</summary>
    public async Task<TableEntity?> GetTokenRowAsync(string? token, CancellationToken ct) =>
        OneTimeTokens.IsWellFormed(token)
            ? await Table.GetEntityIfExistsAsync(TokenPartition, OneTimeTokens.Hash(token!), null, ct)
            : null;

    /// <summary>The row of a secret that is still usable for <paramref name="purpose"/>: known, unexpired, unused.</summary>
    public async Task<TableEntity?> FindUsableTokenAsync(string? token, string purpose, CancellationToken ct)
    {
        var row = await GetTokenRowAsync(token, ct);
        return row is not null && IsUsable(row, purpose, clock.GetUtcNow()) ? row : null;
    }

    public static bool IsUsable(TableEntity row, string purpose, DateTimeOffset now) =>
        string.Equals(row.GetString("Purpose"), purpose, StringComparison.Ordinal)
        && row.GetDateTimeOffset("UsedAt") is null
        && row.GetDateTimeOffset("ExpiresAt") is { } expires && expires > now;

    /// <summary>
    /// Marks a single-use secret used, under the ETag it was read with: of two requests racing with the same link,
    /// exactly one wins. False when it was used meanwhile.
    /// </summary>
    public async Task<bool> TryConsumeAsync(TableEntity row, CancellationToken ct)
    {
        var used = new TableEntity(TokenPartition, row.RowKey) { ["UsedAt"] = clock.GetUtcNow() };
        try
        {
            await Table.UpdateEntityAsync(used, row.ETag, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task<TableEntity?> GetFamilyAsync(string familyId, CancellationToken ct) =>
        Table.GetEntityIfExistsAsync(TokenPartition, KeyRange.Key("family", familyId), null, ct);

    /// <summary>An entity-group transaction inside the <c>token</c> partition (refresh rotation).</summary>
    public Task<IReadOnlyList<ETag>> SubmitTokensAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) =>
        Table.SubmitTransactionAsync(actions, ct);

    public Task<ETag> MergeTokenRowAsync(TableEntity row, CancellationToken ct) =>
        Table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct);
}
