using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Customers;

/// <summary>
/// Customers with their contacts and sites, in the caller's tenant partition. The CNPJ/CPF index row
/// (<c>customer-doc|&lt;taxId&gt;</c>) is added in the same entity-group transaction as the customer, so two customers
/// with one tax id cannot both commit: uniqueness holds by construction, without a read-then-write race.
/// </summary>
public sealed class CustomerStore(TenantTable table, AuditLog audit, TimeProvider clock)
{
    public const string EntityKind = "customer";
    public const string NotFoundDetail = "Cliente não encontrado.";
    public const string ContactNotFoundDetail = "Contato não encontrado.";
    public const string SiteNotFoundDetail = "Site não encontrado.";

    // More contacts than this cannot be deleted with their customer in one transaction (≤ 100 operations).
    private const int MaxContactsDeletedWithCustomer = 90;

    /// <summary>
    /// Index prefixes whose rows point at a customer (the documented key layouts of every feature that does), with
    /// the pt-BR name of what they are. A customer is deletable only when none of them has a row.
    /// </summary>
    private static readonly (string Kind, string Label)[] References =
    [
        ("customer-contract", "contratos"),
        ("site", "sites"),
        ("account-customer", "contas do CRM vinculadas a ele"),
        ("order-customer", "pedidos"),
        ("quote-customer", "orçamentos"),
        ("service-order-customer", "ordens de serviço"),
        ("receivable-customer", "contas a receber"),
        ("inventory-customer", "itens de inventário"),
        ("occurrence", "ocorrências"),
        ("customer-portal", "acessos à área do cliente (mesmo revogados, ficam no histórico)"),
    ];

    public static string Key(string id) => KeyRange.Key(EntityKind, id);

    public static string TaxIdKey(string taxId) => KeyRange.Key("customer-doc", taxId);

    public static string ContactKey(string customerId, string contactId) => KeyRange.Key("customer-contact", customerId, contactId);

    public static string ContactPrefix(string customerId) => KeyRange.Key("customer-contact", customerId) + "|";

    public static string SiteKey(string customerId, string siteId) => KeyRange.Key("site", customerId, siteId);

    public static string SitePrefix(string customerId) => KeyRange.Key("site", customerId) + "|";

    // ---- reads other features use ----

    public async Task<Customer?> FindAsync(string? id, CancellationToken ct = default)
    {
        if (!Ids.IsWellFormed(id))
        {
            return null;
        }

        var row = await table.GetAsync(Key(id!), ct);
        return row is null ? null : Customer.From(row);
    }

    public async Task<Customer> GetAsync(string? id, CancellationToken ct = default) =>
        await FindAsync(id, ct) ?? throw AppException.NotFound(NotFoundDetail);

    /// <summary>The customer with this CNPJ/CPF (any punctuation), via the unique index: Omie's "Faturamento" auto-match.</summary>
    public async Task<Customer?> FindByTaxIdAsync(string? taxId, CancellationToken ct = default)
    {
        if (!TaxId.TryParse(taxId, out var parsed))
        {
            return null;
        }

        var index = await table.GetAsync(TaxIdKey(parsed.Value), ct);
        var customerId = index?.GetString("CustomerId");
        return customerId is null ? null : await FindAsync(customerId, ct);
    }

    public async Task<Site?> FindSiteAsync(string? customerId, string? siteId, CancellationToken ct = default)
    {
        if (!Ids.IsWellFormed(customerId) || !Ids.IsWellFormed(siteId))
        {
            return null;
        }

        var row = await table.GetAsync(SiteKey(customerId!, siteId!), ct);
        return row is null ? null : Site.From(row);
    }

    // ---- customers ----

    public async Task<Customer> CreateAsync(CustomerFields fields, CancellationToken ct = default)
    {
        var id = Ids.New();
        var row = table.NewEntity(Key(id));
        row["Id"] = id;
        Apply(row, fields);
        row["Status"] = Customer.Active;
        row.StampCreated(table.Context, clock.GetUtcNow());

        await SubmitGuardingTaxIdAsync(
            [
                new(TableTransactionActionType.Add, row),
                new(TableTransactionActionType.Add, TaxIdIndex(fields.TaxId, id)),
                audit.Entry(EntityKind, id, "created", fields.LegalName),
            ],
            fields.TaxId,
            ct);
        return Customer.From(row);
    }

    public async Task<Page<Customer>> ListAsync(string? q, string? status, int pageSize, string? continuation, CancellationToken ct = default)
    {
        var filter = status is null ? null : TableClient.CreateQueryFilter($"Status eq {status}");
        var page = await table.ScanPageAsync(EntityKind + "|", pageSize, continuation, Matcher(q), filter, ct: ct);
        return new Page<Customer>(page.Items.Select(Customer.From).ToList(), page.Continuation);
    }

    /// <summary>Changes the fields; a new CNPJ/CPF moves the index row in the same batch (and is refused when taken).</summary>
    public async Task<Customer> UpdateAsync(string id, CustomerFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var oldTaxId = row.GetString("TaxId") ?? "";
        Apply(row, fields);
        row.StampUpdated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        if (!string.Equals(oldTaxId, fields.TaxId.Value, StringComparison.Ordinal))
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(TaxIdKey(oldTaxId))));
            actions.Add(new(TableTransactionActionType.Add, TaxIdIndex(fields.TaxId, id)));
        }

        actions.Add(audit.Entry(EntityKind, id, "updated", fields.LegalName));
        await SubmitGuardingTaxIdAsync(actions, fields.TaxId, ct);
        return Customer.From(row);
    }

    /// <summary>Archive or reactivate; the record and its history stay, it only leaves the default lists.</summary>
    public async Task<Customer> SetStatusAsync(string id, string status, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        if (string.Equals(row.GetString("Status"), status, StringComparison.Ordinal))
        {
            return Customer.From(row);
        }

        row["Status"] = status;
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [
                new(TableTransactionActionType.UpdateReplace, row, row.ETag),
                audit.Entry(EntityKind, id, status == Customer.Archived ? "archived" : "unarchived"),
            ],
            ct);
        return Customer.From(row);
    }

    /// <summary>
    /// Deletes a customer nothing points at, with its contacts and its index row, in one batch. Referenced customers
    /// are refused with <c>in_use</c>: they keep their history and can be archived instead.
    /// </summary>
    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);

        var checks = References.Select(async r => (r.Label, Row: await table.FirstUnderAsync(KeyRange.Key(r.Kind, id) + "|", ct))).ToList();
        var found = (await Task.WhenAll(checks)).FirstOrDefault(c => c.Row is not null);
        if (found.Row is not null)
        {
            throw RecordConventions.InUse($"Este cliente não pode ser excluído porque possui {found.Label}. Arquive o cliente para tirá-lo das listas.");
        }

        var contacts = new List<TableEntity>();
        await foreach (var contact in table.QueryPrefixAsync(ContactPrefix(id), ct: ct))
        {
            if (contact.GetBoolean("PortalAccess") == true)
            {
                throw RecordConventions.InUse(
                    $"O contato {contact.GetString("Name")} tem acesso à área do cliente: revogue o acesso antes de excluir o cliente, ou arquive o cliente.");
            }

            contacts.Add(contact);
        }

        if (contacts.Count > MaxContactsDeletedWithCustomer)
        {
            throw RecordConventions.InUse("Este cliente tem contatos demais para excluir de uma vez: exclua parte dos contatos e tente novamente.");
        }

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, row, row.ETag),
            new(TableTransactionActionType.Delete, table.NewEntity(TaxIdKey(row.GetString("TaxId") ?? ""))),
        };
        actions.AddRange(contacts.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, c.ETag)));
        actions.Add(audit.Entry(EntityKind, id, "deleted", row.GetString("LegalName")));
        await table.SubmitAsync(actions, ct);
    }

    // ---- contacts ----

    public async Task<CustomerContact> AddContactAsync(string customerId, ContactFields fields, CancellationToken ct = default)
    {
        await RequireRowAsync(customerId, ct);
        var id = Ids.New();
        var row = table.NewEntity(ContactKey(customerId, id));
        row["Id"] = id;
        row["CustomerId"] = customerId;
        row["PortalAccess"] = false;
        Apply(row, fields);
        row.StampCreated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [new(TableTransactionActionType.Add, row), audit.Entry(EntityKind, customerId, "contact-added", fields.Name)],
            ct);
        return CustomerContact.From(row);
    }

    public async Task<Page<CustomerContact>> ListContactsAsync(string customerId, string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        await RequireRowAsync(customerId, ct);
        var page = await table.ScanPageAsync(ContactPrefix(customerId), pageSize, continuation, Matcher(q), ct: ct);
        return new Page<CustomerContact>(page.Items.Select(CustomerContact.From).ToList(), page.Continuation);
    }

    public async Task<CustomerContact> GetContactAsync(string customerId, string contactId, CancellationToken ct = default) =>
        CustomerContact.From(await RequireContactRowAsync(customerId, contactId, ct));

    public async Task<CustomerContact> UpdateContactAsync(string customerId, string contactId, ContactFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireContactRowAsync(customerId, contactId, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        if (row.GetBoolean("PortalAccess") == true && !string.Equals(row.GetString("Email"), fields.Email, StringComparison.Ordinal))
        {
            // The customer-area login is keyed by this e-mail; changing it here would leave the login behind.
            throw AppException.InvalidState("Este contato tem acesso à área do cliente: o e-mail de acesso não pode ser alterado aqui. Revogue o acesso e convide novamente.");
        }

        Apply(row, fields);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [new(TableTransactionActionType.UpdateReplace, row, row.ETag), audit.Entry(EntityKind, customerId, "contact-updated", fields.Name)],
            ct);
        return CustomerContact.From(row);
    }

    public async Task DeleteContactAsync(string customerId, string contactId, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireContactRowAsync(customerId, contactId, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        if (row.GetBoolean("PortalAccess") == true)
        {
            throw RecordConventions.InUse("Este contato tem acesso à área do cliente: revogue o acesso antes de excluí-lo.");
        }

        await table.SubmitAsync(
            [new(TableTransactionActionType.Delete, row, row.ETag), audit.Entry(EntityKind, customerId, "contact-deleted", row.GetString("Name"))],
            ct);
    }

    // ---- sites ----

    public async Task<Site> AddSiteAsync(string customerId, SiteFields fields, CancellationToken ct = default)
    {
        await RequireRowAsync(customerId, ct);
        var id = Ids.New();
        var row = table.NewEntity(SiteKey(customerId, id));
        row["Id"] = id;
        row["CustomerId"] = customerId;
        Apply(row, fields);
        row.StampCreated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [new(TableTransactionActionType.Add, row), audit.Entry(EntityKind, customerId, "site-added", fields.Name)],
            ct);
        return Site.From(row);
    }

    public async Task<Page<Site>> ListSitesAsync(string customerId, string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        await RequireRowAsync(customerId, ct);
        var page = await table.ScanPageAsync(SitePrefix(customerId), pageSize, continuation, Matcher(q), ct: ct);
        return new Page<Site>(page.Items.Select(Site.From).ToList(), page.Continuation);
    }

    public async Task<Site> GetSiteAsync(string customerId, string siteId, CancellationToken ct = default) =>
        await FindSiteAsync(customerId, siteId, ct) ?? throw AppException.NotFound(SiteNotFoundDetail);

    public async Task<Site> UpdateSiteAsync(string customerId, string siteId, SiteFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireSiteRowAsync(customerId, siteId, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        Apply(row, fields);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [new(TableTransactionActionType.UpdateReplace, row, row.ETag), audit.Entry(EntityKind, customerId, "site-updated", fields.Name)],
            ct);
        return Site.From(row);
    }

    public async Task DeleteSiteAsync(string customerId, string siteId, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireSiteRowAsync(customerId, siteId, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        await table.SubmitAsync(
            [new(TableTransactionActionType.Delete, row, row.ETag), audit.Entry(EntityKind, customerId, "site-deleted", row.GetString("Name"))],
            ct);
    }

    // ---- helpers ----

    private async Task<TableEntity> RequireRowAsync(string id, CancellationToken ct) =>
        await table.GetRequiredAsync(Key(RecordConventions.RequireId(id, NotFoundDetail)), NotFoundDetail, ct);

    private async Task<TableEntity> RequireContactRowAsync(string customerId, string contactId, CancellationToken ct)
    {
        RecordConventions.RequireId(customerId, ContactNotFoundDetail);
        RecordConventions.RequireId(contactId, ContactNotFoundDetail);
        return await table.GetRequiredAsync(ContactKey(customerId, contactId), ContactNotFoundDetail, ct);
    }

    private async Task<TableEntity> RequireSiteRowAsync(string customerId, string siteId, CancellationToken ct)
    {
        RecordConventions.RequireId(customerId, SiteNotFoundDetail);
        RecordConventions.RequireId(siteId, SiteNotFoundDetail);
        return await table.GetRequiredAsync(SiteKey(customerId, siteId), SiteNotFoundDetail, ct);
    }

    private static Func<TableEntity, bool>? Matcher(string? q) =>
        string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);

    private TableEntity TaxIdIndex(TaxId taxId, string customerId)
    {
        var index = table.NewEntity(TaxIdKey(taxId.Value));
        index["CustomerId"] = customerId;
        index["TaxIdKind"] = KindValue(taxId.Kind);
        return index;
    }

    /// <summary>A 409 from the batch means the CNPJ/CPF index row exists: answer with the customer that holds it.</summary>
    private async Task SubmitGuardingTaxIdAsync(List<TableTransactionAction> actions, TaxId taxId, CancellationToken ct)
    {
        try
        {
            await table.SubmitAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var existing = await FindByTaxIdAsync(taxId.Value, ct);
            if (existing is null)
            {
                throw;
            }

            var duplicate = AppException.Duplicate(CustomerRules.DuplicateTaxIdDetail(taxId.Kind, existing.LegalName, existing.Status == Customer.Archived));
            duplicate.Extensions["customerId"] = existing.Id;
            throw duplicate;
        }
    }

    private static string KindValue(TaxIdKind kind) => kind == TaxIdKind.Cnpj ? "cnpj" : "cpf";

    private static void Apply(TableEntity row, CustomerFields fields)
    {
        row["LegalName"] = fields.LegalName;
        row["TradeName"] = fields.TradeName;
        row["TaxId"] = fields.TaxId.Value;
        row["TaxIdKind"] = KindValue(fields.TaxId.Kind);
        row.SetOptional("Email", fields.Email);
        row.SetOptional("Phone", fields.Phone);
        row.SetOptional("Street", fields.Street);
        row.SetOptional("Number", fields.Number);
        row.SetOptional("Complement", fields.Complement);
        row.SetOptional("District", fields.District);
        row.SetOptional("City", fields.City);
        row.SetOptional("State", fields.State);
        row.SetOptional("PostalCode", fields.PostalCode);
        row.SetOptional("CityIbgeCode", fields.CityIbgeCode);
        row.SetOptional("MunicipalRegistration", fields.MunicipalRegistration);
        row.SetOptional("StateRegistration", fields.StateRegistration);
        row.SetOptional("Notes", fields.Notes);
        row["SearchText"] = fields.SearchText;
    }

    private static void Apply(TableEntity row, ContactFields fields)
    {
        row["Name"] = fields.Name;
        row.SetOptional("Email", fields.Email);
        row.SetOptional("Phone", fields.Phone);
        row.SetOptional("Role", fields.Role);
        row["SearchText"] = fields.SearchText;
    }

    private static void Apply(TableEntity row, SiteFields fields)
    {
        row["Name"] = fields.Name;
        row.SetOptional("City", fields.City);
        row.SetOptional("State", fields.State);
        row.SetOptional("Address", fields.Address);
        row.SetOptional("Notes", fields.Notes);
        row["SearchText"] = fields.SearchText;
    }
}
