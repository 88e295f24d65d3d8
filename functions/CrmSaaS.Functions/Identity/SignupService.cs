using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Identity;

public sealed record SignupRequest(string? LegalName, string? TradeName, string? TaxId, string? AdminName, string? Email, string? Password);

public sealed record SignupResponse(string TenantId, string Slug);

/// <summary>
/// Online sign-up: a company becomes a tenant with its default settings and its first admin, all or nothing.
/// Two transactions, because the uniqueness claims are global and the tenant's records live in its own partition:
/// first the claims (CNPJ/CPF, login e-mail, slug) in one directory transaction, then the tenant's rows in one
/// tenant-partition transaction; if the second fails, the claims are deleted again (compensation).
/// </summary>
public sealed class SignupService(
    IdentityDirectory directory,
    TenantTable table,
    AuditLog audit,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<SignupService> logger)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);
    private const int MaxSlugAttempts = 50;

    public async Task<SignupResponse> SignUpAsync(SignupRequest request, CancellationToken ct)
    {
        var (taxId, email) = Validate(request);
        var legalName = request.LegalName!.Trim();
        var tradeName = request.TradeName!.Trim();
        var adminName = request.AdminName!.Trim();

        // Both duplicates reported at once; the claim transaction below still decides when two sign-ups race.
        ThrowIfTaken(
            await directory.GetClaimAsync(IdentityDirectory.TaxIdKey(taxId.Value), ct) is not null,
            await directory.GetClaimAsync(IdentityDirectory.LoginKey(email), ct) is not null,
            taxId);

        var tenantId = Ids.New();
        var userId = Ids.New();
        var (claims, slug) = await ClaimAsync(tenantId, userId, taxId, email, Passwords.Hash(request.Password!), tradeName, ct);

        table.Context.SetSystem(tenantId, adminName);
        var now = clock.GetUtcNow();
        try
        {
            await table.SubmitAsync(TenantRows(tenantId, userId, legalName, tradeName, taxId, slug, adminName, email, now), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Compensation: without its tenant the claims would block this CNPJ and e-mail forever.
            logger.LogError(ex, "Sign-up of tenant {Tenant} failed after the claims: releasing them", tenantId);
            try
            {
                await directory.ReleaseAllAsync(claims, CancellationToken.None);
            }
            catch (Exception release) when (release is Azure.RequestFailedException or HttpRequestException)
            {
                logger.LogError(release, "Could not release the sign-up claims of tenant {Tenant}", tenantId);
            }

            throw;
        }

        logger.LogInformation("Tenant {Tenant} signed up as {Slug}", tenantId, slug);
        await SendConfirmationAsync(tenantId, userId, email, adminName, tradeName, ct);
        return new SignupResponse(tenantId, slug);
    }

    private static (TaxId TaxId, string Email) Validate(SignupRequest request)
    {
        var validation = new Validation()
            .Required(request.LegalName, "legalName", "Informe a razão social da empresa.")
            .MaxLength(request.LegalName?.Trim(), 200, "legalName", "A razão social")
            .Required(request.TradeName, "tradeName", "Informe o nome fantasia da empresa.")
            .MaxLength(request.TradeName?.Trim(), 120, "tradeName", "O nome fantasia")
            .Required(request.AdminName, "adminName", "Informe o seu nome.")
            .MaxLength(request.AdminName?.Trim(), 120, "adminName", "O nome");
        if (Common.TaxId.Validate(request.TaxId) is { } taxError)
        {
            validation.Add("taxId", taxError);
        }

        var email = EmailAddresses.Normalize(request.Email);
        validation.Check(email is not null, "email", EmailAddresses.InvalidMessage);
        if (Passwords.Validate(request.Password) is { } passwordError)
        {
            validation.Add("password", passwordError);
        }

        validation.ThrowIfInvalid();
        return (Common.TaxId.Parse(request.TaxId), email!);
    }

    private static void ThrowIfTaken(bool taxIdTaken, bool emailTaken, TaxId taxId)
    {
        if (!taxIdTaken && !emailTaken)
        {
            return;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (taxIdTaken)
        {
            var label = taxId.Kind == TaxIdKind.Cnpj ? "CNPJ" : "CPF";
            errors["taxId"] = [$"Já existe uma empresa cadastrada com o {label} {taxId.Formatted}. Faça login ou peça acesso ao administrador dela."];
        }

        if (emailTaken)
        {
            errors["email"] = ["Este e-mail já está cadastrado. Faça login ou use \"Esqueci minha senha\"."];
        }

        var detail = string.Join(' ', errors.Values.SelectMany(v => v));
        throw new AppException(409, ErrorCodes.Duplicate, detail, errors);
    }

    /// <summary>Claims CNPJ/CPF, e-mail and the first free slug in one transaction; a lost slug race tries the next one.</summary>
    private async Task<(IReadOnlyList<TableEntity> Claims, string Slug)> ClaimAsync(
        string tenantId, string userId, TaxId taxId, string email, string passwordHash, string tradeName, CancellationToken ct)
    {
        var baseSlug = Slugs.From(tradeName);
        for (var attempt = 1; attempt <= MaxSlugAttempts; attempt++)
        {
            var slug = Slugs.Candidate(baseSlug, attempt);
            if (await directory.GetClaimAsync(IdentityDirectory.SlugKey(slug), ct) is not null)
            {
                continue;
            }

            var taxClaim = IdentityDirectory.NewClaim(IdentityDirectory.TaxIdKey(taxId.Value), tenantId);
            var login = IdentityDirectory.NewClaim(IdentityDirectory.LoginKey(email), tenantId);
            login["UserId"] = userId;
            login["Status"] = UserStatus.Active;
            login["PasswordHash"] = passwordHash;
            login["FailedCount"] = 0;
            login["CreatedAt"] = clock.GetUtcNow();
            var slugClaim = IdentityDirectory.NewClaim(IdentityDirectory.SlugKey(slug), tenantId);
            TableEntity[] claims = [taxClaim, login, slugClaim];
            try
            {
                await directory.ClaimAllAsync(claims, ct);
                return (claims, slug);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                var taxTaken = ex.FailedTransactionActionIndex == 0
                    || (ex.FailedTransactionActionIndex is null && await directory.GetClaimAsync(taxClaim.RowKey, ct) is not null);
                var emailTaken = ex.FailedTransactionActionIndex == 1
                    || (ex.FailedTransactionActionIndex is null && await directory.GetClaimAsync(login.RowKey, ct) is not null);
                ThrowIfTaken(taxTaken, emailTaken, taxId);

                // Otherwise the slug was taken between the look-up and the transaction: try the next one.
            }
        }

        throw AppException.Conflict("Não foi possível gerar o endereço da sua empresa. Tente outro nome fantasia.");
    }

    private IEnumerable<TableTransactionAction> TenantRows(
        string tenantId, string userId, string legalName, string tradeName, TaxId taxId, string slug, string adminName, string email, DateTimeOffset now)
    {
        // The company as documents show it (proposals, orders, NFS-e): the issuer's names and tax id.
        var tenant = table.NewEntity("tenant");
        tenant["TenantId"] = tenantId;
        tenant["LegalName"] = legalName;
        tenant["TradeName"] = tradeName;
        tenant["TaxId"] = taxId.Value;
        tenant["TaxIdKind"] = taxId.Kind == TaxIdKind.Cnpj ? "cnpj" : "cpf";
        tenant["Slug"] = slug;
        tenant["Status"] = "active";
        tenant.StampCreated(table.Context, now);
        yield return new TableTransactionAction(TableTransactionActionType.Add, tenant);

        foreach (var row in TenantDefaults.SettingsRows(table))
        {
            yield return new TableTransactionAction(TableTransactionActionType.Add, row.StampCreated(table.Context, now));
        }

        var admin = StaffUsers.NewRow(table, userId, adminName, email, Roles.Admin, UserStatus.Active, now);
        yield return new TableTransactionAction(TableTransactionActionType.Add, admin);
        yield return audit.Entry("tenant", tenantId, "signup", $"{legalName} ({taxId.Formatted}), endereço {slug}");
        yield return audit.Entry("user", userId, "created", $"administrador {email} (cadastro da empresa)");
    }

    private async Task SendConfirmationAsync(string tenantId, string userId, string email, string name, string company, CancellationToken ct)
    {
        try
        {
            var token = await directory.IssueTokenAsync(TokenPurposes.ConfirmEmail, tenantId, userId, ConfirmationLifetime, ct,
                new Dictionary<string, string> { ["Email"] = email });
            await outbox.SendAsync(IdentityEmails.Confirmation(email, name, company, IdentityEmails.ConfirmEmailLink(portal.Value, token)), ct);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
        {
            // The company exists at this point; the user can ask for the confirmation e-mail again.
            logger.LogError(ex, "Sign-up of tenant {Tenant} succeeded but the confirmation e-mail could not be queued", tenantId);
        }
    }
}
