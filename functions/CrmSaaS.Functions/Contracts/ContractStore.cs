using ETag = Azure.ETag;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Contracts;

/// <summary>
/// Service contracts. The customer index row <c>customer-contract|&lt;customerId&gt;|&lt;id&gt;</c> carries the list
/// fields and is rewritten in every batch that changes them, so a customer's contracts are one range scan; the
/// services the items use get <c>ref|service|…|contract|&lt;id&gt;</c> rows in the same batch.
/// </summary>
public sealed class ContractStore(
    TenantTable table, CustomerStore customers, CatalogueStore catalogue, TenantCounters counters, AuditLog audit, TimeProvider clock)
{
    public const string EntityKind = "contract";
    public const string NotFoundDetail = "Contrato não encontrado.";
    public const string CounterName = "contract";

    private static readonly string[] SummaryProperties =
        ["Id", "Number", "CustomerId", "CustomerName", "Title", "StartDate", "EndDate", "Recurrence", "Status", "Total", "UpdatedAt", "UpdatedBy", "SearchText"];

    public static string Key(string id) => KeyRange.Key(EntityKind, id);

    public static string CustomerIndexKey(string customerId, string id) => KeyRange.Key("customer-contract", customerId, id);

    public static string CustomerIndexPrefix(string customerId) => KeyRange.Key("customer-contract", customerId) + "|";

    /// <summary>For other features (inventory items point at a contract of the same customer).</summary>
    public async Task<Contract?> FindAsync(string? id, CancellationToken ct = default) =>
        Ids.IsWellFormed(id) && await table.GetAsync(Key(id!), ct) is { } row ? Contract.From(row) : null;

    public async Task<Contract> GetAsync(string? id, CancellationToken ct = default) =>
        await FindAsync(id, ct) ?? throw AppException.NotFound(NotFoundDetail);

    public Task<Contract> CreateAsync(ContractRequest request, CancellationToken ct = default) => CreateAsync(request, null, ct);

    /// <summary>
    /// Creates a contract; <paramref name="linked"/> adds rows of the caller to the same batch (the opportunity's
    /// <c>doc-opp|</c> link when the "Faturamento" tab generates it), so the contract and its link exist together.
    /// </summary>
    public async Task<Contract> CreateAsync(
        ContractRequest request, Func<Contract, IEnumerable<TableTransactionAction>>? linked, CancellationToken ct = default)
    {
        var (services, categories) = await ServiceLineLookup.LoadAsync(catalogue, request.Items, ct);
        var fields = ContractRules.Validate(request, services, categories);
        var customer = await RequireCustomerAsync(fields.CustomerId, ct);

        // Numbered only once the request is known to be valid, so refused requests leave no gaps.
        var number = await counters.NextAsync(CounterName, ct);
        var id = Ids.New();
        var row = table.NewEntity(Key(id));
        row["Id"] = id;
        row["Number"] = number;
        row["CustomerId"] = customer.Id;
        row["CustomerName"] = customer.TradeName;
        row["Status"] = ContractRules.Draft;
        Apply(row, fields);
        row.StampCreated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.UpsertReplace, Index(row)),
        };
        actions.AddRange(RefActions(new HashSet<string>(), fields.Items, id, number));
        actions.Add(audit.Entry(EntityKind, id, "created", fields.OpportunityId is null ? $"nº {number}" : $"nº {number}, gerado pela oportunidade"));
        actions.AddRange(linked?.Invoke(Contract.From(row)) ?? []);
        var etags = await table.SubmitAsync(actions, ct);
        row.ETag = etags[0];
        return Contract.From(row);
    }

    public async Task<Page<ContractSummary>> ListAsync(
        string? customerId, string? status, string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        string prefix;
        if (customerId is null)
        {
            prefix = EntityKind + "|";
        }
        else if (Ids.IsWellFormed(customerId))
        {
            prefix = CustomerIndexPrefix(customerId);
        }
        else
        {
            return new Page<ContractSummary>([], null);
        }

        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var filter = status is null ? null : TableClient.CreateQueryFilter($"Status eq {status}");
        var page = await table.ScanPageAsync(prefix, pageSize, continuation, match, filter, SummaryProperties, ct: ct);
        return new Page<ContractSummary>(page.Items.Select(ContractSummary.From).ToList(), page.Continuation);
    }

    /// <summary>The contracts of one customer (404 when the customer is not this tenant's).</summary>
    public async Task<Page<ContractSummary>> ListForCustomerAsync(
        string customerId, string? status, string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        await customers.GetAsync(customerId, ct);
        return await ListAsync(customerId, status, q, pageSize, continuation, ct);
    }

    public async Task<Contract> UpdateAsync(string id, ContractRequest request, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var status = row.GetString("Status") ?? ContractRules.Draft;
        if (status == ContractRules.Ended)
        {
            throw AppException.InvalidState("Este contrato está encerrado e não pode mais ser alterado.");
        }

        var (services, categories) = await ServiceLineLookup.LoadAsync(catalogue, request.Items, ct);
        var fields = ContractRules.Validate(request, services, categories);
        if (!string.Equals(fields.CustomerId, row.GetString("CustomerId"), StringComparison.Ordinal))
        {
            // Inventory items and billing point at the contract together with its customer.
            throw AppException.Validation("customerId", "O cliente de um contrato não pode ser alterado: crie um novo contrato.");
        }

        var oldServices = ServiceLineRules.ServiceIds(ServiceLineRules.FromJson(row.GetString("ItemsJson")));
        Apply(row, fields);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, row, row.ETag),
            new(TableTransactionActionType.UpsertReplace, Index(row)),
        };
        actions.AddRange(RefActions(oldServices, fields.Items, id, row.GetInt64("Number") ?? 0));
        actions.Add(audit.Entry(EntityKind, id, "updated"));
        await table.SubmitAsync(actions, ct);
        return Contract.From(row);
    }

    public async Task<Contract> SetStatusAsync(string id, string? requested, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var from = row.GetString("Status") ?? ContractRules.Draft;
        var to = ContractRules.CheckMove(from, requested);
        row["Status"] = to;
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
            [
                new(TableTransactionActionType.UpdateReplace, row, row.ETag),
                new(TableTransactionActionType.UpsertReplace, Index(row)),
                audit.Entry(EntityKind, id, "status", $"{from} → {to}"),
            ],
            ct);
        return Contract.From(row);
    }

    /// <summary>Only drafts are deleted; a contract that was ever active is ended instead and kept.</summary>
    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        if (row.GetString("Status") != ContractRules.Draft)
        {
            throw AppException.InvalidState("Só contratos em rascunho podem ser excluídos. Encerre o contrato para finalizá-lo.");
        }

        var oldServices = ServiceLineRules.ServiceIds(ServiceLineRules.FromJson(row.GetString("ItemsJson")));
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, row, row.ETag),
            new(TableTransactionActionType.Delete, table.NewEntity(CustomerIndexKey(row.GetString("CustomerId") ?? "", id))),
        };
        actions.AddRange(RecordConventions.RefActions(table, CatalogueStore.ServiceKind, oldServices, new HashSet<string>(), EntityKind, id, ""));
        actions.Add(audit.Entry(EntityKind, id, "deleted", $"nº {row.GetInt64("Number")}"));
        await table.SubmitAsync(actions, ct);
    }

    private async Task<TableEntity> RequireRowAsync(string id, CancellationToken ct) =>
        await table.GetRequiredAsync(Key(RecordConventions.RequireId(id, NotFoundDetail)), NotFoundDetail, ct);

    private async Task<Customer> RequireCustomerAsync(string customerId, CancellationToken ct)
    {
        var customer = await customers.FindAsync(customerId, ct) ?? throw AppException.Validation("customerId", "Cliente não encontrado.");
        if (customer.Status == Customer.Archived)
        {
            throw AppException.Validation("customerId", "Este cliente está arquivado: reative-o para criar contratos.");
        }

        return customer;
    }

    private IEnumerable<TableTransactionAction> RefActions(IReadOnlySet<string> oldServices, IReadOnlyList<ServiceLine> items, string id, long number) =>
        RecordConventions.RefActions(table, CatalogueStore.ServiceKind, oldServices, ServiceLineRules.ServiceIds(items), EntityKind, id, $"contrato nº {number}");

    private TableEntity Index(TableEntity row)
    {
        var index = table.NewEntity(CustomerIndexKey(row.GetString("CustomerId") ?? "", row.GetString("Id") ?? ""));
        foreach (var property in SummaryProperties)
        {
            if (row.TryGetValue(property, out var value) && value is not null)
            {
                index[property] = value;
            }
        }

        return index;
    }

    private static void Apply(TableEntity row, ContractFields fields)
    {
        row["Title"] = fields.Title;
        row["StartDate"] = RecordConventions.DateText(fields.StartDate);
        row.SetOptional("EndDate", fields.EndDate is { } end ? RecordConventions.DateText(end) : null);
        row["Recurrence"] = fields.Recurrence;
        row["ItemsJson"] = ServiceLineRules.ToJson(fields.Items);
        row["Total"] = ServiceLineRules.Totals(fields.Items).Total;
        row.SetOptional("Notes", fields.Notes);
        if (fields.OpportunityId is not null)
        {
            // Kept when an edit does not send it: the link to the opportunity that generated the contract stays.
            row["OpportunityId"] = fields.OpportunityId;
        }

        row["SearchText"] = SearchText.Of(
            [row.GetInt64("Number")?.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.Title, row.GetString("CustomerName"), .. fields.Items.Select(i => i.Description)]);
    }
}
