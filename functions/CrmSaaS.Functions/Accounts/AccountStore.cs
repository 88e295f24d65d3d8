using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Accounts;

/// <summary>
/// CRM accounts and their contacts. The link to the billing customer is mirrored by an index row
/// <c>account-customer|&lt;customerId&gt;|&lt;accountId&gt;</c> written in the account's batch, so a customer with linked
/// accounts is seen as "in use" with one single-row scan.
/// </summary>
public sealed class AccountStore(TenantTable table, CustomerStore customers, AuditLog audit, TimeProvider clock)
{
    public const string EntityKind = "account";
    public const string NotFoundDetail = "Conta não encontrada.";
    public const string ContactNotFoundDetail = "Contato não encontrado.";
    public const int ContactsOnAccountPage = 200;

    private const int MaxContactsDeletedWithAccount = 90;

    public static string Key(string id) => KeyRange.Key(EntityKind, id);

    public static string CustomerIndexKey(string customerId, string accountId) => KeyRange.Key("account-customer", customerId, accountId);

    public static string ContactKey(string accountId, string contactId) => KeyRange.Key("contact", accountId, contactId);

    public static string ContactPrefix(string accountId) => KeyRange.Key("contact", accountId) + "|";

    // ---- reads other features use ----

    public async Task<Account?> FindAsync(string? id, CancellationToken ct = default) =>
        Ids.IsWellFormed(id) && await table.GetAsync(Key(id!), ct) is { } row ? Account.From(row) : null;

    public async Task<AccountContact?> FindContactAsync(string? accountId, string? contactId, CancellationToken ct = default) =>
        Ids.IsWellFormed(accountId) && Ids.IsWellFormed(contactId) && await table.GetAsync(ContactKey(accountId!, contactId!), ct) is { } row
            ? AccountContact.From(row)
            : null;

    /// <summary>The account with its linked customer and the first page of its contacts.</summary>
    public async Task<Account> GetDetailAsync(string id, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        var contactsTask = table.ScanPageAsync(ContactPrefix(id), ContactsOnAccountPage, null, ct: ct);
        var customerTask = customers.FindAsync(row.GetString("CustomerId"), ct);
        var contacts = await contactsTask;
        var customer = await customerTask;
        return Account.From(row) with
        {
            Customer = customer is null ? null : LinkedCustomer.From(customer),
            Contacts = contacts.Items.Select(AccountContact.From).ToList(),
            ContactsContinuation = contacts.Continuation,
        };
    }

    // ---- accounts ----

    public async Task<Account> CreateAsync(AccountFields fields, CancellationToken ct = default)
    {
        var customer = await RequireCustomerAsync(fields.CustomerId, ct);
        var id = Ids.New();
        var row = table.NewEntity(Key(id));
        row["Id"] = id;
        Apply(row, fields);
        row.SetOptional("CustomerId", customer?.Id);
        row.StampCreated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        if (customer is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CustomerIndex(customer.Id, id, fields.Name)));
        }

        actions.Add(audit.Entry(EntityKind, id, "created", fields.Name));
        await table.SubmitAsync(actions, ct);
        return Account.From(row);
    }

    public async Task<Page<Account>> ListAsync(string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        var page = await table.ScanPageAsync(EntityKind + "|", pageSize, continuation, Matcher(q), ct: ct);
        return new Page<Account>(page.Items.Select(Account.From).ToList(), page.Continuation);
    }

    /// <summary>Changes the account's own fields; the customer link changes only through <see cref="LinkCustomerAsync"/>.</summary>
    public async Task<Account> UpdateAsync(string id, AccountFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        Apply(row, fields);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        if (row.GetString("CustomerId") is { } customerId)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CustomerIndex(customerId, id, fields.Name)));
        }

        actions.Add(audit.Entry(EntityKind, id, "updated", fields.Name));
        await table.SubmitAsync(actions, ct);
        return Account.From(row);
    }

    /// <summary>Links the account to the customer that bills it (null unlinks); the index row moves in the same batch.</summary>
    public async Task<Account> LinkCustomerAsync(string id, string? customerId, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var customer = await RequireCustomerAsync(customerId, ct);
        var oldCustomerId = row.GetString("CustomerId");
        var name = row.GetString("Name") ?? "";
        row.SetOptional("CustomerId", customer?.Id);
        row.StampUpdated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        if (oldCustomerId is not null && !string.Equals(oldCustomerId, customer?.Id, StringComparison.Ordinal))
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(CustomerIndexKey(oldCustomerId, id))));
        }

        if (customer is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CustomerIndex(customer.Id, id, name)));
        }

        actions.Add(audit.Entry(EntityKind, id, customer is null ? "customer-unlinked" : "customer-linked", customer?.LegalName));
        await table.SubmitAsync(actions, ct);
        return Account.From(row);
    }

    /// <summary>Deletes an account no opportunity uses (no <c>ref|account|</c> row), with its contacts and its customer index row.</summary>
    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        // Opportunities write ref|account|<id>|opportunity|<oppId> in their own batches: one single-row range read.
        if (await table.FirstUnderAsync(RecordConventions.RefPrefix(EntityKind, id), ct) is { } reference)
        {
            throw RecordConventions.InUse($"Esta conta é usada na {reference.GetString("SourceLabel")} e não pode ser excluída.");
        }

        var contacts = new List<TableEntity>();
        await foreach (var contact in table.QueryPrefixAsync(ContactPrefix(id), ct: ct))
        {
            contacts.Add(contact);
        }

        if (contacts.Count > MaxContactsDeletedWithAccount)
        {
            throw RecordConventions.InUse("Esta conta tem contatos demais para excluir de uma vez: exclua parte dos contatos e tente novamente.");
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
        if (row.GetString("CustomerId") is { } customerId)
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(CustomerIndexKey(customerId, id))));
        }

        actions.AddRange(contacts.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, c.ETag)));
        actions.Add(audit.Entry(EntityKind, id, "deleted", row.GetString("Name")));
        await table.SubmitAsync(actions, ct);
    }

    // ---- contacts ----

    public async Task<AccountContact> AddContactAsync(string accountId, AccountContactFields fields, CancellationToken ct = default)
    {
        await RequireRowAsync(accountId, ct);
        var id = Ids.New();
        var row = table.NewEntity(ContactKey(accountId, id));
        row["Id"] = id;
        row["AccountId"] = accountId;
        Apply(row, fields);
        row.StampCreated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync([new(TableTransactionActionType.Add, row), audit.Entry(EntityKind, accountId, "contact-added", fields.Name)], ct);
        return AccountContact.From(row);
    }

    public async Task<Page<AccountContact>> ListContactsAsync(string accountId, string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        await RequireRowAsync(accountId, ct);
        var page = await table.ScanPageAsync(ContactPrefix(accountId), pageSize, continuation, Matcher(q), ct: ct);
        return new Page<AccountContact>(page.Items.Select(AccountContact.From).ToList(), page.Continuation);
    }

    public async Task<AccountContact> GetContactAsync(string accountId, string contactId, CancellationToken ct = default) =>
        await FindContactAsync(accountId, contactId, ct) ?? throw AppException.NotFound(ContactNotFoundDetail);

    public async Task<AccountContact> UpdateContactAsync(string accountId, string contactId, AccountContactFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireContactRowAsync(accountId, contactId, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        Apply(row, fields);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [new(TableTransactionActionType.UpdateReplace, row, row.ETag), audit.Entry(EntityKind, accountId, "contact-updated", fields.Name)], ct);
        return AccountContact.From(row);
    }

    public async Task DeleteContactAsync(string accountId, string contactId, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireContactRowAsync(accountId, contactId, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        await table.SubmitAsync(
            [new(TableTransactionActionType.Delete, row, row.ETag), audit.Entry(EntityKind, accountId, "contact-deleted", row.GetString("Name"))], ct);
    }

    // ---- helpers ----

    private async Task<TableEntity> RequireRowAsync(string id, CancellationToken ct) =>
        await table.GetRequiredAsync(Key(RecordConventions.RequireId(id, NotFoundDetail)), NotFoundDetail, ct);

    private async Task<TableEntity> RequireContactRowAsync(string accountId, string contactId, CancellationToken ct)
    {
        RecordConventions.RequireId(accountId, ContactNotFoundDetail);
        RecordConventions.RequireId(contactId, ContactNotFoundDetail);
        return await table.GetRequiredAsync(ContactKey(accountId, contactId), ContactNotFoundDetail, ct);
    }

    /// <summary>A link to a customer that does not exist is a field error of the request (400), not a missing page (404).</summary>
    private async Task<Customer?> RequireCustomerAsync(string? customerId, CancellationToken ct)
    {
        if (RecordConventions.Clean(customerId) is not { } id)
        {
            return null;
        }

        return await customers.FindAsync(id, ct) ?? throw AppException.Validation("customerId", "Cliente não encontrado.");
    }

    private TableEntity CustomerIndex(string customerId, string accountId, string accountName)
    {
        var index = table.NewEntity(CustomerIndexKey(customerId, accountId));
        index["AccountId"] = accountId;
        index["AccountName"] = accountName;
        return index;
    }

    private static Func<TableEntity, bool>? Matcher(string? q) =>
        string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);

    private static void Apply(TableEntity row, AccountFields fields)
    {
        row["Name"] = fields.Name;
        row.SetOptional("TaxId", fields.TaxId?.Value);
        row.SetOptional("TaxIdKind", fields.TaxId is { } taxId ? (taxId.Kind == TaxIdKind.Cnpj ? "cnpj" : "cpf") : null);
        row.SetOptional("Email", fields.Email);
        row.SetOptional("Phone", fields.Phone);
        row.SetOptional("Website", fields.Website);
        row.SetOptional("City", fields.City);
        row.SetOptional("State", fields.State);
        row.SetOptional("Notes", fields.Notes);
        row["SearchText"] = fields.SearchText;
    }

    private static void Apply(TableEntity row, AccountContactFields fields)
    {
        row["Name"] = fields.Name;
        row.SetOptional("Email", fields.Email);
        row.SetOptional("Phone", fields.Phone);
        row.SetOptional("Position", fields.Position);
        row["SearchText"] = fields.SearchText;
    }
}
