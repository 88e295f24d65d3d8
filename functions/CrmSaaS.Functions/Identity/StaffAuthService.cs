using RequestFailedException = Azure.RequestFailedException;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Identity;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record TokenRequest(string? Token);

public sealed record EmailRequest(string? Email);

public sealed record TokenPasswordRequest(string? Token, string? Password);

public sealed record AcceptInvitationRequest(string? Token, string? Name, string? Password);

public sealed record StaffUserView(
    string Id, string Name, string Email, IReadOnlyList<string> Roles, string TenantId, string TenantName, string TenantSlug, bool EmailConfirmed);

public sealed record StaffSession(string AccessToken, string RefreshToken, int ExpiresIn, StaffUserView User);

/// <summary>
/// Staff sessions and the e-mailed single-use links: login, refresh, logout, e-mail confirmation, password reset,
/// accepting an invitation. The login e-mail leads to the user through the directory's login claim; everything
/// else about the user (name, role, status) is read from the tenant's <c>user|&lt;id&gt;</c> row.
/// </summary>
public sealed class StaffAuthService(
    IdentityDirectory directory,
    RefreshTokens refreshTokens,
    TokenService tokens,
    TenantTable table,
    AuditLog audit,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<StaffAuthService> logger)
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private RequestContext Context => table.Context;

    public async Task<StaffSession> LoginAsync(LoginRequest request, CancellationToken ct)
    {
        var email = EmailAddresses.Normalize(request.Email);
        var login = email is null ? null : await directory.GetClaimAsync(IdentityDirectory.LoginKey(email), ct);
        if (login is null || login.GetString("Status") != UserStatus.Active || string.IsNullOrEmpty(login.GetString("PasswordHash")))
        {
            Passwords.VerifyNothing(request.Password);
            throw IdentityErrors.WrongCredentials();
        }

        login = await PasswordLogin.VerifyAsync(login, request.Password, clock,
            row => directory.UpdateClaimAsync(row, ct),
            () => directory.GetClaimAsync(login.RowKey, ct));

        Context.SetSystem(login.GetString("TenantId")!, "login");
        var user = await table.GetAsync(StaffUsers.Key(login.GetString("UserId")!), ct) ?? throw IdentityErrors.WrongCredentials();
        if (StaffUsers.Status(user) != UserStatus.Active)
        {
            throw IdentityErrors.Disabled();
        }

        return await OpenSessionAsync(user, ct);
    }

    public async Task<StaffSession> RefreshAsync(RefreshRequest request, CancellationToken ct)
    {
        var grant = await refreshTokens.ReadAsync(request.RefreshToken, TokenPurposes.StaffRefresh, ct);
        Context.SetSystem(grant.TenantId, "sessão");
        var userTask = table.GetAsync(StaffUsers.Key(grant.Subject), ct);
        var tenantTask = table.GetAsync("tenant", ct);
        var user = await userTask;
        var tenant = await tenantTask;

        // The role and status are read again here, so a changed role or a disabled user takes effect at the next refresh.
        if (user is null || StaffUsers.Status(user) != UserStatus.Active || RefreshTokens.SessionStamp(user) != grant.SessionStamp)
        {
            await refreshTokens.RevokeFamilyAsync(grant.Token.GetString("FamilyId")!, "account", ct);
            throw IdentityErrors.SessionEnded();
        }

        var next = await refreshTokens.RotateAsync(grant, ct);
        return Session(user, tenant, next);
    }

    public Task LogoutAsync(RefreshRequest request, CancellationToken ct) =>
        refreshTokens.RevokeAsync(request.RefreshToken, TokenPurposes.StaffRefresh, ct);

    public async Task<StaffUserView> MeAsync(CancellationToken ct)
    {
        var userTask = table.GetAsync(StaffUsers.Key(Context.RequireUserId()), ct);
        var tenantTask = table.GetAsync("tenant", ct);
        var user = await userTask;
        if (user is null || StaffUsers.Status(user) != UserStatus.Active)
        {
            throw IdentityErrors.SessionEnded();
        }

        return View(user, await tenantTask);
    }

    public async Task ConfirmEmailAsync(TokenRequest request, CancellationToken ct)
    {
        const string invalid = "O link de confirmação é inválido, já foi usado ou expirou. Entre no portal e peça um novo e-mail de confirmação.";
        var row = await directory.FindUsableTokenAsync(request.Token, TokenPurposes.ConfirmEmail, ct) ?? throw IdentityErrors.BadToken(invalid);
        Context.SetSystem(row.GetString("TenantId")!, "confirmação de e-mail");
        var user = await table.GetAsync(StaffUsers.Key(row.GetString("Subject")!), ct);
        if (user is null || !await directory.TryConsumeAsync(row, ct))
        {
            throw IdentityErrors.BadToken(invalid);
        }

        await ChangeUserAsync(user.GetString("Id")!, "email-confirmed", u =>
        {
            u["EmailConfirmed"] = true;
            u["EmailConfirmedAt"] = clock.GetUtcNow();
            return "e-mail confirmado";
        }, ct);
    }

    /// <summary>Sends a new confirmation link; answers the same whether or not the e-mail is known.</summary>
    public async Task ResendConfirmationAsync(EmailRequest request, CancellationToken ct)
    {
        var email = RequireEmail(request.Email);
        var login = await directory.GetClaimAsync(IdentityDirectory.LoginKey(email), ct);
        if (login?.GetString("Status") != UserStatus.Active)
        {
            return;
        }

        var tenantId = login.GetString("TenantId")!;
        Context.SetSystem(tenantId, "confirmação de e-mail");
        var user = await table.GetAsync(StaffUsers.Key(login.GetString("UserId")!), ct);
        if (user is null || StaffUsers.Status(user) != UserStatus.Active || user.GetBoolean("EmailConfirmed") == true)
        {
            return;
        }

        var tenant = await table.GetAsync("tenant", ct);
        var token = await directory.IssueTokenAsync(TokenPurposes.ConfirmEmail, tenantId, user.GetString("Id")!, SignupService.ConfirmationLifetime, ct,
            new Dictionary<string, string> { ["Email"] = email });
        await outbox.SendAsync(IdentityEmails.Confirmation(email, user.GetString("Name") ?? "", CompanyName(tenant),
            IdentityEmails.ConfirmEmailLink(portal.Value, token)), ct);
    }

    /// <summary>E-mails a reset link to an active user; answers the same whether or not the e-mail is known.</summary>
    public async Task RequestPasswordResetAsync(EmailRequest request, CancellationToken ct)
    {
        var email = RequireEmail(request.Email);
        var login = await directory.GetClaimAsync(IdentityDirectory.LoginKey(email), ct);
        if (login?.GetString("Status") != UserStatus.Active)
        {
            logger.LogInformation("Password reset asked for an e-mail without an active login");
            return;
        }

        var tenantId = login.GetString("TenantId")!;
        Context.SetSystem(tenantId, "redefinição de senha");
        var user = await table.GetAsync(StaffUsers.Key(login.GetString("UserId")!), ct);
        if (user is null || StaffUsers.Status(user) != UserStatus.Active)
        {
            return;
        }

        var token = await directory.IssueTokenAsync(TokenPurposes.PasswordReset, tenantId, user.GetString("Id")!, ResetLifetime, ct,
            new Dictionary<string, string> { ["Email"] = email });
        await outbox.SendAsync(IdentityEmails.PasswordReset(email, user.GetString("Name") ?? "", IdentityEmails.StaffResetLink(portal.Value, token)), ct);
    }

    public async Task ResetPasswordAsync(TokenPasswordRequest request, CancellationToken ct)
    {
        const string invalid = "O link de redefinição de senha é inválido, já foi usado ou expirou. Peça um novo em \"Esqueci minha senha\".";
        RequirePassword(request.Password);
        var row = await directory.FindUsableTokenAsync(request.Token, TokenPurposes.PasswordReset, ct) ?? throw IdentityErrors.BadToken(invalid);
        Context.SetSystem(row.GetString("TenantId")!, "redefinição de senha");
        var user = await table.GetAsync(StaffUsers.Key(row.GetString("Subject")!), ct);
        var login = user is null ? null : await directory.GetClaimAsync(IdentityDirectory.LoginKey(user.GetString("Email") ?? ""), ct);
        if (user is null || login is null || login.GetString("UserId") != user.GetString("Id") || StaffUsers.Status(user) == UserStatus.Invited)
        {
            throw IdentityErrors.BadToken(invalid);
        }

        if (StaffUsers.Status(user) == UserStatus.Disabled)
        {
            throw IdentityErrors.Disabled();
        }

        if (!await directory.TryConsumeAsync(row, ct))
        {
            throw IdentityErrors.BadToken(invalid);
        }

        await SetPasswordAsync(login, request.Password!, ct);

        // A new password ends every session started with the old one (someone else may have had it).
        await ChangeUserAsync(user.GetString("Id")!, "password-reset", u =>
        {
            RefreshTokens.EndSessions(u);
            u["EmailConfirmed"] = true;
            return "senha redefinida pelo link enviado por e-mail";
        }, ct);
    }

    public async Task<StaffSession> AcceptInvitationAsync(AcceptInvitationRequest request, CancellationToken ct)
    {
        const string invalid = "Este convite é inválido, já foi usado ou expirou. Peça um novo convite ao administrador da sua empresa.";
        var validation = new Validation().MaxLength(request.Name?.Trim(), 120, "name", "O nome");
        if (Passwords.Validate(request.Password) is { } passwordError)
        {
            validation.Add("password", passwordError);
        }

        validation.ThrowIfInvalid();
        var row = await directory.FindUsableTokenAsync(request.Token, TokenPurposes.StaffInvitation, ct) ?? throw IdentityErrors.BadToken(invalid);
        Context.SetSystem(row.GetString("TenantId")!, "aceite de convite");
        var user = await table.GetAsync(StaffUsers.Key(row.GetString("Subject")!), ct);
        var login = user is null ? null : await directory.GetClaimAsync(IdentityDirectory.LoginKey(user.GetString("Email") ?? ""), ct);

        // Only the latest invitation of a still-invited user counts: a re-sent invitation makes older links void.
        if (user is null || StaffUsers.Status(user) != UserStatus.Invited || user.GetString("InvitationTokenHash") != row.RowKey
            || login is null || login.GetString("UserId") != user.GetString("Id") || !await directory.TryConsumeAsync(row, ct))
        {
            throw IdentityErrors.BadToken(invalid);
        }

        login["Status"] = UserStatus.Active;
        await SetPasswordAsync(login, request.Password!, ct);
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        var accepted = await ChangeUserAsync(user.GetString("Id")!, "invitation-accepted", u =>
        {
            u["Name"] = name ?? u.GetString("Name") ?? "";
            u["Status"] = UserStatus.Active;
            u["Activated"] = true;
            u["EmailConfirmed"] = true;
            u["SearchText"] = SearchText.Of(u.GetString("Name"), u.GetString("Email"));
            u.Remove("InvitationTokenHash");
            return "convite aceito";
        }, ct);
        return await OpenSessionAsync(accepted, ct);
    }

    private async Task<StaffSession> OpenSessionAsync(TableEntity user, CancellationToken ct)
    {
        var tenant = await table.GetAsync("tenant", ct);
        var refresh = await refreshTokens.StartAsync(
            TokenPurposes.StaffRefresh, table.TenantId, user.GetString("Id")!, RefreshTokens.SessionStamp(user), ct);
        return Session(user, tenant, refresh);
    }

    private StaffSession Session(TableEntity user, TableEntity? tenant, string refreshToken)
    {
        var view = View(user, tenant);
        var access = tokens.IssueStaffToken(view.TenantId, view.Id, view.Name, view.Email, view.Roles);
        return new StaffSession(access, refreshToken, (int)tokens.AccessTokenLifetime.TotalSeconds, view);
    }

    private StaffUserView View(TableEntity user, TableEntity? tenant) => new(
        user.GetString("Id") ?? "",
        user.GetString("Name") ?? "",
        user.GetString("Email") ?? "",
        [StaffUsers.Role(user)],
        table.TenantId,
        CompanyName(tenant),
        tenant?.GetString("Slug") ?? "",
        user.GetBoolean("EmailConfirmed") == true);

    public static string CompanyName(TableEntity? tenant) =>
        tenant?.GetString("TradeName") is { Length: > 0 } trade ? trade : tenant?.GetString("LegalName") ?? "";

    /// <summary>New password on the login claim; also clears a lockout (the user proved they own the mailbox).</summary>
    private async Task SetPasswordAsync(TableEntity login, string password, CancellationToken ct)
    {
        var hash = Passwords.Hash(password);
        for (var attempt = 0; ; attempt++)
        {
            login["PasswordHash"] = hash;
            new LockoutState(0, null).WriteTo(login);
            try
            {
                await directory.UpdateClaimAsync(login, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 3)
            {
                var status = login.GetString("Status");
                login = await directory.GetClaimAsync(login.RowKey, ct) ?? throw AppException.Conflict(ProblemDetailsMapping.ConflictDetail);
                login["Status"] = status;
            }
        }
    }

    /// <summary>Read-change-write of a user row under its ETag, with its audit row in the same transaction.</summary>
    private Task<TableEntity> ChangeUserAsync(string userId, string action, Func<TableEntity, string?> change, CancellationToken ct) =>
        StaffUsers.ChangeAsync(table, audit, clock, userId, action, change, ct);

    private static string RequireEmail(string? value) =>
        EmailAddresses.Normalize(value) ?? throw AppException.Validation("email", EmailAddresses.InvalidMessage);

    private static void RequirePassword(string? password)
    {
        if (Passwords.Validate(password) is { } error)
        {
            throw AppException.Validation("password", error);
        }
    }
}
