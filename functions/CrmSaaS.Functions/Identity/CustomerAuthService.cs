using RequestFailedException = Azure.RequestFailedException;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Identity;

public sealed record CustomerView(string ContactId, string ContactName, string CustomerId, string CustomerName, string TenantName, string TenantSlug);

public sealed record CustomerSession(string AccessToken, string RefreshToken, int ExpiresIn, CustomerView Customer);

/// <summary>
/// Customer-area sessions. Every door but refresh and logout is under the tenant's slug (<c>/api/customer-auth/{slug}/…</c>):
/// customer logins are per tenant, so the slug says which tenant's <c>customer-login|&lt;email&gt;</c> row to read.
/// </summary>
public sealed class CustomerAuthService(
    IdentityDirectory directory,
    RefreshTokens refreshTokens,
    TokenService tokens,
    TenantTable table,
    AuditLog audit,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    TimeProvider clock)
{
    private const string InvalidInvitation =
        "Este convite é inválido, já foi usado ou expirou. Peça um novo convite à empresa que enviou o acesso.";

    private const string InvalidReset =
        "O link de redefinição de senha é inválido, já foi usado ou expirou. Peça um novo em \"Esqueci minha senha\".";

    public async Task<CustomerSession> LoginAsync(string slug, LoginRequest request, CancellationToken ct)
    {
        var tenant = await EnterTenantAsync(slug, ct);
        var email = EmailAddresses.Normalize(request.Email);
        var login = email is null ? null : await table.GetAsync(CustomerLogins.Key(email), ct);
        if (login is null || login.GetString("Status") != PortalAccessStatus.Active || string.IsNullOrEmpty(login.GetString("PasswordHash")))
        {
            Passwords.VerifyNothing(request.Password);
            throw IdentityErrors.WrongCredentials();
        }

        login = await PasswordLogin.VerifyAsync(login, request.Password, clock,
            row => table.UpdateAsync(row, row.ETag, TableUpdateMode.Replace, ct),
            () => table.GetAsync(login.RowKey, ct));
        var customer = await ActiveCustomerAsync(login, ct) ?? throw IdentityErrors.CustomerAccessDisabled();
        return await OpenSessionAsync(login, customer, tenant, ct);
    }

    public async Task<CustomerSession> AcceptInvitationAsync(string slug, TokenPasswordRequest request, CancellationToken ct)
    {
        RequirePassword(request.Password);
        var tenant = await EnterTenantAsync(slug, ct);
        var row = await directory.FindUsableTokenAsync(request.Token, TokenPurposes.CustomerInvitation, ct);
        var login = row is null || row.GetString("TenantId") != table.TenantId
            ? null
            : await table.GetAsync(CustomerLogins.Key(row.GetString("Subject") ?? ""), ct);

        // Only the latest invitation counts: a new grant (or a revoke) makes older links void.
        if (row is null || login is null || login.GetString("Status") != PortalAccessStatus.Invited
            || login.GetString("InvitationTokenHash") != row.RowKey)
        {
            throw IdentityErrors.BadToken(InvalidInvitation);
        }

        var customer = await ActiveCustomerAsync(login, ct) ?? throw IdentityErrors.CustomerAccessDisabled();
        if (!await directory.TryConsumeAsync(row, ct))
        {
            throw IdentityErrors.BadToken(InvalidInvitation);
        }

        var now = clock.GetUtcNow();
        login["Status"] = PortalAccessStatus.Active;
        login["PasswordHash"] = Passwords.Hash(request.Password!);
        login["ActivatedAt"] = now;
        login.Remove("InvitationTokenHash");
        new LockoutState(0, null).WriteTo(login);
        login.StampUpdated(table.Context, now);
        var customerId = login.GetString("CustomerId")!;
        var index = table.NewEntity(CustomerLogins.IndexKey(customerId, login.GetString("ContactId")!));
        index["Status"] = PortalAccessStatus.Active;
        index["ActivatedAt"] = now;
        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, login, login.ETag),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, index),
            audit.Entry("customer", customerId, "portal-access-activated", login.GetString("Email")),
        ], ct);
        return await OpenSessionAsync(login, customer, tenant, ct);
    }

    public async Task<CustomerSession> RefreshAsync(RefreshRequest request, CancellationToken ct)
    {
        var grant = await refreshTokens.ReadAsync(request.RefreshToken, TokenPurposes.CustomerRefresh, ct);
        table.Context.SetSystem(grant.TenantId, "área do cliente");
        var login = await table.GetAsync(CustomerLogins.Key(grant.Subject), ct);
        var customer = login is null ? null : await ActiveCustomerAsync(login, ct);
        if (login is null || customer is null || login.GetString("Status") != PortalAccessStatus.Active
            || RefreshTokens.SessionStamp(login) != grant.SessionStamp)
        {
            await refreshTokens.RevokeFamilyAsync(grant.Token.GetString("FamilyId")!, "account", ct);
            throw IdentityErrors.SessionEnded();
        }

        var tenant = await table.GetAsync("tenant", ct);
        var next = await refreshTokens.RotateAsync(grant, ct);
        return Session(login, customer, tenant, next);
    }

    public Task LogoutAsync(RefreshRequest request, CancellationToken ct) =>
        refreshTokens.RevokeAsync(request.RefreshToken, TokenPurposes.CustomerRefresh, ct);

    /// <summary>E-mails a reset link to an active customer login; answers the same whether or not the e-mail is known.</summary>
    public async Task RequestPasswordResetAsync(string slug, EmailRequest request, CancellationToken ct)
    {
        var tenant = await EnterTenantAsync(slug, ct);
        var email = EmailAddresses.Normalize(request.Email) ?? throw AppException.Validation("email", EmailAddresses.InvalidMessage);
        var login = await table.GetAsync(CustomerLogins.Key(email), ct);
        if (login?.GetString("Status") != PortalAccessStatus.Active)
        {
            return;
        }

        var token = await directory.IssueTokenAsync(TokenPurposes.CustomerPasswordReset, table.TenantId, email, StaffAuthService.ResetLifetime, ct);
        var company = StaffAuthService.CompanyName(tenant);
        await outbox.SendAsync(IdentityEmails.CustomerPasswordReset(email, login.GetString("ContactName") ?? "", company,
            IdentityEmails.CustomerResetLink(portal.Value, tenant.GetString("Slug") ?? slug, token)), ct);
    }

    public async Task ResetPasswordAsync(string slug, TokenPasswordRequest request, CancellationToken ct)
    {
        RequirePassword(request.Password);
        await EnterTenantAsync(slug, ct);
        var row = await directory.FindUsableTokenAsync(request.Token, TokenPurposes.CustomerPasswordReset, ct);
        var login = row is null || row.GetString("TenantId") != table.TenantId
            ? null
            : await table.GetAsync(CustomerLogins.Key(row.GetString("Subject") ?? ""), ct);
        if (row is null || login is null || login.GetString("Status") != PortalAccessStatus.Active || !await directory.TryConsumeAsync(row, ct))
        {
            throw IdentityErrors.BadToken(InvalidReset);
        }

        var hash = Passwords.Hash(request.Password!);
        for (var attempt = 0; ; attempt++)
        {
            login["PasswordHash"] = hash;
            new LockoutState(0, null).WriteTo(login);

            // A new password ends every session started with the old one.
            RefreshTokens.EndSessions(login);
            login.StampUpdated(table.Context, clock.GetUtcNow());
            try
            {
                await table.UpdateAsync(login, login.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 3)
            {
                login = await table.GetAsync(login.RowKey, ct) ?? throw IdentityErrors.BadToken(InvalidReset);
            }
        }
    }

    /// <summary>Binds this request to the slug's tenant (a public flow acting inside one tenant).</summary>
    private async Task<TableEntity> EnterTenantAsync(string slug, CancellationToken ct)
    {
        var tenantId = await directory.TenantOfSlugAsync(slug, ct) ?? throw IdentityErrors.TenantNotFound();
        table.Context.SetSystem(tenantId, "área do cliente");
        return await table.GetAsync("tenant", ct) ?? throw IdentityErrors.TenantNotFound();
    }

    /// <summary>The login's customer, unless it was deleted or archived (which ends its contacts' access).</summary>
    private async Task<TableEntity?> ActiveCustomerAsync(TableEntity login, CancellationToken ct)
    {
        var customer = await table.GetAsync(CustomerLogins.CustomerKey(login.GetString("CustomerId") ?? ""), ct);
        return customer is null || CustomerLogins.IsArchived(customer) ? null : customer;
    }

    private async Task<CustomerSession> OpenSessionAsync(TableEntity login, TableEntity customer, TableEntity? tenant, CancellationToken ct)
    {
        var refresh = await refreshTokens.StartAsync(
            TokenPurposes.CustomerRefresh, table.TenantId, login.GetString("Email")!, RefreshTokens.SessionStamp(login), ct);
        return Session(login, customer, tenant, refresh);
    }

    private CustomerSession Session(TableEntity login, TableEntity customer, TableEntity? tenant, string refreshToken)
    {
        var view = new CustomerView(
            login.GetString("ContactId") ?? "",
            login.GetString("ContactName") ?? "",
            login.GetString("CustomerId") ?? "",
            CustomerLogins.CustomerName(customer),
            StaffAuthService.CompanyName(tenant),
            tenant?.GetString("Slug") ?? "");
        var access = tokens.IssueCustomerToken(table.TenantId, view.CustomerId, view.ContactId, view.ContactName, login.GetString("Email") ?? "");
        return new CustomerSession(access, refreshToken, (int)tokens.AccessTokenLifetime.TotalSeconds, view);
    }

    private static void RequirePassword(string? password)
    {
        if (Passwords.Validate(password) is { } error)
        {
            throw AppException.Validation("password", error);
        }
    }
}
