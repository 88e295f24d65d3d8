using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Identity;

/// <summary>A refresh token that was accepted: whose it is, and the rows needed to rotate it.</summary>
public sealed record RefreshGrant(string TenantId, string Subject, string SessionStamp, TableEntity Token, TableEntity Family);

/// <summary>
/// Rotating refresh tokens. A login starts a family (<c>token</c>/<c>family|&lt;id&gt;</c>); each refresh consumes the
/// presented token and issues the next one of the same family in one entity-group transaction. Presenting a token
/// that was already rotated means someone kept a copy: the whole family is revoked, so both the thief and the user
/// have to log in again. The family also remembers the account's session stamp: a password reset, a disabled
/// account or a revoked customer access writes a new stamp on the account row, which ends every family started before.
/// </summary>
public sealed class RefreshTokens(IdentityDirectory directory, TimeProvider clock, ILogger<RefreshTokens> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Ends the account's refresh-token families (password reset, disabled account, revoked access): each family
    /// remembers the stamp it started with, checked at every refresh.
    /// </summary>
    public static void EndSessions(TableEntity account) => account["SessionStamp"] = Ids.New();

    public static string SessionStamp(TableEntity account) => account.GetString("SessionStamp") ?? "";

    public async Task<string> StartAsync(string purpose, string tenantId, string subject, string sessionStamp, CancellationToken ct)
    {
        var familyId = Ids.New();
        var family = new TableEntity(IdentityDirectory.TokenPartition, KeyRange.Key("family", familyId))
        {
            ["Purpose"] = purpose,
            ["TenantId"] = tenantId,
            ["Subject"] = subject,
            ["SessionStamp"] = sessionStamp,
            ["Revoked"] = false,
            ["CreatedAt"] = clock.GetUtcNow(),
        };
        var (token, row) = NewToken(purpose, tenantId, subject, familyId);
        await directory.SubmitTokensAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, family),
            new TableTransactionAction(TableTransactionActionType.Add, row),
        ], ct);
        return token;
    }

    /// <summary>Accepts a refresh token of <paramref name="purpose"/> or throws 401 (revoking its family on reuse).</summary>
    public async Task<RefreshGrant> ReadAsync(string? token, string purpose, CancellationToken ct)
    {
        var row = await directory.GetTokenRowAsync(token, ct);
        var now = clock.GetUtcNow();
        if (row is null
            || !string.Equals(row.GetString("Purpose"), purpose, StringComparison.Ordinal)
            || row.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= now
            || row.GetString("FamilyId") is not { Length: > 0 } familyId)
        {
            throw IdentityErrors.SessionEnded();
        }

        var family = await directory.GetFamilyAsync(familyId, ct);
        if (family is null || family.GetBoolean("Revoked") == true)
        {
            throw IdentityErrors.SessionEnded();
        }

        if (row.GetDateTimeOffset("UsedAt") is not null)
        {
            logger.LogWarning("Refresh token reuse in family {Family} of tenant {Tenant}: family revoked", familyId, row.GetString("TenantId"));
            await RevokeFamilyAsync(familyId, "reuse", ct);
            throw IdentityErrors.SessionEnded();
        }

        return new RefreshGrant(
            row.GetString("TenantId") ?? "", row.GetString("Subject") ?? "", family.GetString("SessionStamp") ?? "", row, family);
    }

    /// <summary>Consumes the presented token and returns its successor, atomically.</summary>
    public async Task<string> RotateAsync(RefreshGrant grant, CancellationToken ct)
    {
        var familyId = grant.Token.GetString("FamilyId")!;
        var used = new TableEntity(IdentityDirectory.TokenPartition, grant.Token.RowKey) { ["UsedAt"] = clock.GetUtcNow() };
        var (token, row) = NewToken(grant.Token.GetString("Purpose")!, grant.TenantId, grant.Subject, familyId);
        try
        {
            await directory.SubmitTokensAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, used, grant.Token.ETag),
                new TableTransactionAction(TableTransactionActionType.Add, row),
            ], ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            // Another request rotated this token a moment earlier (two tabs refreshing at once): this one loses.
            // A later replay of the same token is caught as reuse by its UsedAt.
            throw IdentityErrors.SessionEnded();
        }

        return token;
    }

    /// <summary>Logout: ends the family of the presented token (unknown or foreign tokens are ignored).</summary>
    public async Task RevokeAsync(string? token, string purpose, CancellationToken ct)
    {
        var row = await directory.GetTokenRowAsync(token, ct);
        if (row is not null
            && string.Equals(row.GetString("Purpose"), purpose, StringComparison.Ordinal)
            && row.GetString("FamilyId") is { Length: > 0 } familyId)
        {
            await RevokeFamilyAsync(familyId, "logout", ct);
        }
    }

    public Task RevokeFamilyAsync(string familyId, string reason, CancellationToken ct) =>
        directory.MergeTokenRowAsync(new TableEntity(IdentityDirectory.TokenPartition, KeyRange.Key("family", familyId))
        {
            ["Revoked"] = true,
            ["RevokedAt"] = clock.GetUtcNow(),
            ["RevokedReason"] = reason,
        }, ct);

    private (string Token, TableEntity Row) NewToken(string purpose, string tenantId, string subject, string familyId) =>
        directory.NewToken(purpose, tenantId, subject, Lifetime, new Dictionary<string, string> { ["FamilyId"] = familyId });
}
