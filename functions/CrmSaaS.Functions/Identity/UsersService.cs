using RequestFailedException = Azure.RequestFailedException;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Identity;

public sealed record InviteUserRequest(string? Email, string? Name, string? Role);

public sealed record ChangeRoleRequest(string? Role);

/// <summary>
/// The admin's view of the tenant's staff: invite by e-mail with a role, list, change roles, disable and enable.
/// A tenant always keeps at least one active admin.
/// </summary>
public sealed class UsersService(
    IdentityDirectory directory,
    TenantTable table,
    AuditLog audit,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<UsersService> logger)
{
    private const string NotFoundDetail = "Usuário não encontrado.";

    private RequestContext Context => table.Context;

    public async Task<Page<UserSummary>> ListAsync(string? q, int? pageSize, string? continuation, CancellationToken ct)
    {
        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync("user|", Paging.Size(pageSize), continuation, match, ct: ct);
        return new Page<UserSummary>(page.Items.Select(StaffUsers.Summary).ToList(), page.Continuation);
    }

    public async Task<UserSummary> InviteAsync(InviteUserRequest request, CancellationToken ct)
    {
        var email = EmailAddresses.Normalize(request.Email);
        var name = request.Name?.Trim() ?? "";
        var role = request.Role?.Trim() ?? "";
        new Validation()
            .Check(email is not null, "email", EmailAddresses.InvalidMessage)
            .Required(name, "name", "Informe o nome da pessoa convidada.")
            .MaxLength(name, 120, "name", "O nome")
            .Check(Roles.All.Contains(role), "role", RoleMessage)
            .ThrowIfInvalid();

        var tenantId = table.TenantId;
        var existing = await directory.GetClaimAsync(IdentityDirectory.LoginKey(email!), ct);
        if (existing is not null)
        {
            if (existing.GetString("TenantId") == tenantId && existing.GetString("Status") == UserStatus.Invited)
            {
                return await ReinviteAsync(existing.GetString("UserId")!, email!, name, role, ct);
            }

            throw AppException.Duplicate(existing.GetString("TenantId") == tenantId
                ? "Já existe um usuário da sua empresa com este e-mail."
                : "Este e-mail já está em uso no CrmSaaS. Use outro e-mail para este usuário.");
        }

        var userId = Ids.New();
        var claim = IdentityDirectory.NewClaim(IdentityDirectory.LoginKey(email!), tenantId);
        claim["UserId"] = userId;
        claim["Status"] = UserStatus.Invited;
        claim["PasswordHash"] = "";
        claim["FailedCount"] = 0;
        claim["CreatedAt"] = clock.GetUtcNow();
        try
        {
            await directory.ClaimAsync(claim, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw AppException.Duplicate("Este e-mail já está em uso no CrmSaaS. Use outro e-mail para este usuário.");
        }

        string token;
        TableEntity user;
        try
        {
            token = await IssueInvitationAsync(userId, email!, ct);
            var now = clock.GetUtcNow();
            user = StaffUsers.NewRow(table, userId, name, email!, role, UserStatus.Invited, now);
            MarkInvited(user, token, now);
            await table.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, user),
                audit.Entry("user", userId, "invited", $"{email} como {Roles.Label(role)}"),
            ], ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Compensation: the e-mail must not stay claimed by a user that was never created.
            logger.LogError(ex, "Invitation of a user to tenant {Tenant} failed after the e-mail claim: releasing it", tenantId);
            try
            {
                await directory.ReleaseAllAsync([claim], CancellationToken.None);
            }
            catch (Exception release) when (release is RequestFailedException or HttpRequestException)
            {
                logger.LogError(release, "Could not release the e-mail claim of invited user {User}", userId);
            }

            throw;
        }

        await SendInvitationAsync(email!, name, role, token, ct);
        return StaffUsers.Summary(user);
    }

    public async Task<UserSummary> ChangeRoleAsync(string id, ChangeRoleRequest request, CancellationToken ct)
    {
        var role = request.Role?.Trim() ?? "";
        if (!Roles.All.Contains(role))
        {
            throw AppException.Validation("role", RoleMessage);
        }

        var user = await RequireUserAsync(id, ct);
        var current = StaffUsers.Role(user);
        if (current == role)
        {
            return StaffUsers.Summary(user);
        }

        var guard = StaffUsers.IsActiveAdmin(user) && role != Roles.Admin ? await RequireAnotherAdminAsync(id, ct) : null;
        user["Role"] = role;
        await SaveAsync(user, guard, "role-changed", $"{Roles.Label(current)} → {Roles.Label(role)}", ct);
        return StaffUsers.Summary(user);
    }

    public async Task<UserSummary> DisableAsync(string id, CancellationToken ct)
    {
        if (id == Context.UserId)
        {
            throw AppException.InvalidState("Você não pode desativar o seu próprio usuário.");
        }

        var user = await RequireUserAsync(id, ct);
        if (StaffUsers.Status(user) == UserStatus.Disabled)
        {
            return StaffUsers.Summary(user);
        }

        var guard = StaffUsers.IsActiveAdmin(user) ? await RequireAnotherAdminAsync(id, ct) : null;
        user["Status"] = UserStatus.Disabled;
        RefreshTokens.EndSessions(user);
        await SaveAsync(user, guard, "disabled", "usuário desativado", ct);
        return StaffUsers.Summary(user);
    }

    public async Task<UserSummary> EnableAsync(string id, CancellationToken ct)
    {
        var user = await RequireUserAsync(id, ct);
        if (StaffUsers.Status(user) != UserStatus.Disabled)
        {
            return StaffUsers.Summary(user);
        }

        // Someone disabled before accepting the invitation goes back to "invited" (and may need a new invitation).
        user["Status"] = user.GetBoolean("Activated") == true ? UserStatus.Active : UserStatus.Invited;
        await SaveAsync(user, null, "enabled", "usuário reativado", ct);
        return StaffUsers.Summary(user);
    }

    private const string RoleMessage = "Escolha um perfil: admin (Administrador), sales (Vendas), operations (Operações) ou finance (Financeiro).";

    private async Task<TableEntity> RequireUserAsync(string id, CancellationToken ct) =>
        (Ids.IsWellFormed(id) ? await table.GetAsync(StaffUsers.Key(id), ct) : null) ?? throw AppException.NotFound(NotFoundDetail);

    /// <summary>
    /// Another active admin, or a refusal. The admin found is written (an empty merge under its ETag) in the same
    /// transaction as the change: two admins demoting or disabling each other at the same moment cannot both
    /// succeed, because each one's transaction changes the ETag the other one relies on.
    /// </summary>
    private async Task<TableEntity> RequireAnotherAdminAsync(string exceptUserId, CancellationToken ct)
    {
        await foreach (var row in table.QueryPrefixAsync("user|", ct: ct))
        {
            if (StaffUsers.IsActiveAdmin(row) && row.GetString("Id") != exceptUserId)
            {
                return row;
            }
        }

        throw new AppException(409, IdentityErrors.LastAdmin,
            "A empresa precisa de pelo menos um administrador ativo. Dê o perfil de administrador a outro usuário antes.");
    }

    private async Task SaveAsync(TableEntity user, TableEntity? guard, string action, string details, CancellationToken ct)
    {
        user.StampUpdated(Context, clock.GetUtcNow());
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, user, user.ETag) };
        if (guard is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, table.NewEntity(guard.RowKey), guard.ETag));
        }

        actions.Add(audit.Entry("user", user.GetString("Id")!, action, details));
        await table.SubmitAsync(actions, ct);
    }

    private async Task<UserSummary> ReinviteAsync(string userId, string email, string name, string role, CancellationToken ct)
    {
        var token = await IssueInvitationAsync(userId, email, ct);
        var user = await StaffUsers.ChangeAsync(table, audit, clock, userId, "invited", u =>
        {
            if (StaffUsers.Status(u) != UserStatus.Invited)
            {
                throw AppException.Duplicate("Já existe um usuário da sua empresa com este e-mail.");
            }

            u["Name"] = name;
            u["Role"] = role;
            u["SearchText"] = SearchText.Of(name, email);
            MarkInvited(u, token, clock.GetUtcNow());
            return $"convite reenviado para {email} como {Roles.Label(role)}";
        }, ct);
        await SendInvitationAsync(email, name, role, token, ct);
        return StaffUsers.Summary(user);
    }

    private Task<string> IssueInvitationAsync(string userId, string email, CancellationToken ct) =>
        directory.IssueTokenAsync(TokenPurposes.StaffInvitation, table.TenantId, userId, StaffAuthService.InvitationLifetime, ct,
            new Dictionary<string, string> { ["Email"] = email });

    /// <summary>Only the latest invitation is valid: its hash is kept on the user row and checked on acceptance.</summary>
    private void MarkInvited(TableEntity user, string token, DateTimeOffset now)
    {
        user["InvitationTokenHash"] = OneTimeTokens.Hash(token);
        user["InvitedAt"] = now;
        user["InvitedById"] = Context.UserId ?? "";
        user["InvitedByName"] = Context.Actor;
    }

    private async Task SendInvitationAsync(string email, string name, string role, string token, CancellationToken ct)
    {
        var tenant = await table.GetAsync("tenant", ct);
        await outbox.SendAsync(IdentityEmails.StaffInvitation(email, name, StaffAuthService.CompanyName(tenant), Context.Actor, Roles.Label(role),
            IdentityEmails.StaffInvitationLink(portal.Value, token)), ct);
    }
}
