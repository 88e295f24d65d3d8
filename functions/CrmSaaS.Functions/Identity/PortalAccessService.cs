using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Identity;

public sealed record PortalAccessRequest(string? ContactId, string? Name, string? Email);

public sealed record PortalAccessItem(string ContactId, string Name, string Email, string Status, DateTimeOffset? InvitedAt, DateTimeOffset? ActivatedAt);

/// <summary>Status of a contact's customer-area access (<c>customer-portal|…</c> and <c>customer-login|…</c> rows).</summary>
public static class PortalAccessStatus
{
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Revoked = "revoked";
}

/// <summary>
/// Customer-area accounts live in the tenant's partition: <c>customer-login|&lt;email&gt;</c> is the login (so the same
/// person may be a customer contact of two tenants, each with its own password, and the area's address carries the
/// tenant slug), and <c>customer-portal|&lt;customerId&gt;|&lt;contactId&gt;</c> lists a customer's accesses.
/// </summary>
public static class CustomerLogins
{
    public static string Key(string normalizedEmail) => KeyRange.Key("customer-login", normalizedEmail);

    public static string IndexKey(string customerId, string contactId) => KeyRange.Key("customer-portal", customerId, contactId);

    public static string CustomerKey(string customerId) => KeyRange.Key("customer", customerId);

    public static string ContactKey(string customerId, string contactId) => KeyRange.Key("customer-contact", customerId, contactId);

    public static bool IsArchived(TableEntity customer) => customer.GetString("Status") == "archived";

    public static string CustomerName(TableEntity customer) =>
        customer.GetString("TradeName") is { Length: > 0 } trade ? trade : customer.GetString("LegalName") ?? "";

    public static PortalAccessItem Item(TableEntity index) => new(
        index.GetString("ContactId") ?? "",
        index.GetString("Name") ?? "",
        index.GetString("Email") ?? "",
        index.GetString("Status") ?? PortalAccessStatus.Invited,
        index.GetDateTimeOffset("InvitedAt"),
        index.GetDateTimeOffset("ActivatedAt"));
}

/// <summary>Staff grant, list and revoke customer-area access for a customer's contacts.</summary>
public sealed class PortalAccessService(
    IdentityDirectory directory,
    TenantTable table,
    AuditLog audit,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private RequestContext Context => table.Context;

    public async Task<PortalAccessItem> GrantAsync(string customerId, PortalAccessRequest request, CancellationToken ct)
    {
        var customer = await RequireCustomerAsync(customerId, ct);
        if (CustomerLogins.IsArchived(customer))
        {
            throw AppException.InvalidState("Este cliente está arquivado: reative-o antes de liberar o acesso à área do cliente.");
        }

        var contactId = string.IsNullOrWhiteSpace(request.ContactId) ? null : request.ContactId.Trim();
        TableEntity? contact = null;
        if (contactId is not null)
        {
            contact = (Ids.IsWellFormed(contactId) ? await table.GetAsync(CustomerLogins.ContactKey(customerId, contactId), ct) : null)
                ?? throw AppException.NotFound("Contato não encontrado neste cliente.");
        }

        var name = (string.IsNullOrWhiteSpace(request.Name) ? contact?.GetString("Name") : request.Name)?.Trim() ?? "";
        var email = EmailAddresses.Normalize(string.IsNullOrWhiteSpace(request.Email) ? contact?.GetString("Email") : request.Email);
        new Validation()
            .Required(name, "name", "Informe o nome do contato.")
            .MaxLength(name, 120, "name", "O nome")
            .Check(email is not null, "email", EmailAddresses.InvalidMessage)
            .ThrowIfInvalid();

        contactId ??= Ids.New();
        var index = await table.GetAsync(CustomerLogins.IndexKey(customerId, contactId), ct);
        var login = await table.GetAsync(CustomerLogins.Key(email!), ct);
        if (login is not null && (login.GetString("CustomerId") != customerId || login.GetString("ContactId") != contactId))
        {
            throw AppException.Duplicate($"O e-mail {email} já tem acesso à área do cliente por outro contato ({login.GetString("ContactName")}).");
        }

        if (login?.GetString("Status") == PortalAccessStatus.Active)
        {
            throw AppException.Duplicate("Este contato já tem acesso à área do cliente.");
        }

        var actions = new List<TableTransactionAction>();
        if (index?.GetString("Email") is { Length: > 0 } previousEmail && previousEmail != email)
        {
            // The contact was granted access under another e-mail before: that login goes.
            var previous = await table.GetAsync(CustomerLogins.Key(previousEmail), ct);
            if (previous is not null && previous.GetString("ContactId") == contactId)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, previous, previous.ETag));
            }
        }

        var tenantId = table.TenantId;
        var token = await directory.IssueTokenAsync(TokenPurposes.CustomerInvitation, tenantId, email!, InvitationLifetime, ct,
            new Dictionary<string, string> { ["CustomerId"] = customerId, ["ContactId"] = contactId });
        var now = clock.GetUtcNow();

        var loginRow = login ?? table.NewEntity(CustomerLogins.Key(email!));
        loginRow["CustomerId"] = customerId;
        loginRow["ContactId"] = contactId;
        loginRow["ContactName"] = name;
        loginRow["Email"] = email;
        loginRow["Status"] = PortalAccessStatus.Invited;
        loginRow["PasswordHash"] = "";
        loginRow["InvitationTokenHash"] = OneTimeTokens.Hash(token);
        loginRow["InvitedAt"] = now;
        new LockoutState(0, null).WriteTo(loginRow);
        RefreshTokens.EndSessions(loginRow);
        actions.Add(login is null
            ? new TableTransactionAction(TableTransactionActionType.Add, loginRow.StampCreated(Context, now))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, loginRow.StampUpdated(Context, now), login.ETag));

        var indexRow = table.NewEntity(CustomerLogins.IndexKey(customerId, contactId));
        indexRow["ContactId"] = contactId;
        indexRow["CustomerId"] = customerId;
        indexRow["Name"] = name;
        indexRow["Email"] = email;
        indexRow["Status"] = PortalAccessStatus.Invited;
        indexRow["InvitedAt"] = now;
        indexRow["InvitedBy"] = Context.Actor;
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, indexRow.StampUpdated(Context, now)));

        if (contact is null)
        {
            // A person given access without a contact record becomes one (shape of docs/data-model.md).
            var newContact = table.NewEntity(CustomerLogins.ContactKey(customerId, contactId));
            newContact["Id"] = contactId;
            newContact["CustomerId"] = customerId;
            newContact["Name"] = name;
            newContact["Email"] = email;
            newContact["Phone"] = "";
            newContact["PortalAccess"] = true;
            newContact["SearchText"] = SearchText.Of(name, email);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, newContact.StampCreated(Context, now)));
        }
        else
        {
            var flag = table.NewEntity(contact.RowKey);
            flag["PortalAccess"] = true;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, flag, contact.ETag));
        }

        actions.Add(audit.Entry("customer", customerId, "portal-access-granted", $"{name} <{email}>"));
        await table.SubmitAsync(actions, ct);

        var tenant = await table.GetAsync("tenant", ct);
        var slug = tenant?.GetString("Slug") ?? "";
        await outbox.SendAsync(IdentityEmails.CustomerInvitation(email!, name, StaffAuthService.CompanyName(tenant), CustomerLogins.CustomerName(customer),
            IdentityEmails.CustomerInvitationLink(portal.Value, slug, token)), ct);
        return CustomerLogins.Item(indexRow);
    }

    public async Task<Page<PortalAccessItem>> ListAsync(string customerId, int? pageSize, string? continuation, CancellationToken ct)
    {
        await RequireCustomerAsync(customerId, ct);
        var page = await table.ScanPageAsync(CustomerLogins.IndexKey(customerId, ""), Paging.Size(pageSize), continuation, ct: ct);
        return new Page<PortalAccessItem>(page.Items.Select(CustomerLogins.Item).ToList(), page.Continuation);
    }

    public async Task RevokeAsync(string customerId, string contactId, CancellationToken ct)
    {
        await RequireCustomerAsync(customerId, ct);
        var index = (Ids.IsWellFormed(contactId) ? await table.GetAsync(CustomerLogins.IndexKey(customerId, contactId), ct) : null)
            ?? throw AppException.NotFound("Este contato não tem acesso à área do cliente.");
        if (index.GetString("Status") == PortalAccessStatus.Revoked)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var revoked = table.NewEntity(index.RowKey);
        revoked["Status"] = PortalAccessStatus.Revoked;
        revoked["RevokedAt"] = now;
        revoked["RevokedBy"] = Context.Actor;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, revoked.StampUpdated(Context, now), index.ETag) };

        // Deleting the login ends the refresh tokens too (a refresh reads it); a later grant starts a new session stamp.
        var email = index.GetString("Email") ?? "";
        var login = email.Length == 0 ? null : await table.GetAsync(CustomerLogins.Key(email), ct);
        if (login is not null && login.GetString("ContactId") == contactId)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, login, login.ETag));
        }

        var contact = await table.GetAsync(CustomerLogins.ContactKey(customerId, contactId), ct);
        if (contact is not null)
        {
            var flag = table.NewEntity(contact.RowKey);
            flag["PortalAccess"] = false;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, flag, contact.ETag));
        }

        actions.Add(audit.Entry("customer", customerId, "portal-access-revoked", $"{index.GetString("Name")} <{email}>"));
        await table.SubmitAsync(actions, ct);
    }

    private async Task<TableEntity> RequireCustomerAsync(string customerId, CancellationToken ct) =>
        (Ids.IsWellFormed(customerId) ? await table.GetAsync(CustomerLogins.CustomerKey(customerId), ct) : null)
        ?? throw AppException.NotFound("Cliente não encontrado.");
}
