using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.SalesOrders;

public sealed record CustomerRef(string Id, string LegalName, string TradeName, string TaxId, bool Active)
{
    public string DisplayName => string.IsNullOrWhiteSpace(TradeName) ? LegalName : TradeName;
}

public sealed record UserRef(string Id, string Name);

public sealed record ContractRef(string Id, long Number, string CustomerId, string Title, string Status);

public sealed record PipelineStage(string Id, string Name, int Order);

/// <summary>The tenant's order → CRM settings (Centrium "Integração Pedido de Venda X CRM").</summary>
public sealed record OrderCrmSettings(
    bool Enabled,
    bool DefaultGenerate,
    string? StageId,
    string? OwnerId,
    string? OwnerName,
    string TitlePattern,
    string? TaskAssigneeId,
    string? TaskAssigneeName,
    int TaskDueDays,
    bool ShowProjectAndContract)
{
    public const string DefaultTitlePattern = "Pedido {numero} - {cliente}";

    public static OrderCrmSettings Default { get; } = new(true, false, null, null, null, DefaultTitlePattern, null, null, 7, false);
}

/// <summary>One line of an opportunity's ticket (the Omie proposal): the shape documented in docs/data-model.md.</summary>
public sealed record TicketLine
{
    public string Id { get; init; } = "";
    public ItemKind Kind { get; init; } = ItemKind.Service;
    public string? ServiceId { get; init; }
    public string? ProductId { get; init; }
    public string Description { get; init; } = "";
    public string? CategoryId { get; init; }
    public string? CategoryName { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public DiscountKind DiscountKind { get; init; }
    public decimal Discount { get; init; }
    public decimal Gross { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal Total { get; init; }
}

public sealed record OpportunityRef(
    string Id,
    string Title,
    string Status,
    string StageId,
    string AccountId,
    string AccountName,
    string CustomerId,
    string OwnerId,
    string OwnerName,
    string Project,
    IReadOnlyList<TicketLine> Lines,
    decimal TicketTotal,
    string OriginOrderId);

/// <summary>What a document shows about its opportunity: the opportunity's current state, read when the document is.</summary>
public sealed record OpportunityBadge(string Id, string Title, string Status, string StageName);

/// <summary>
/// Every read this feature does on rows owned by the CRM features (customers, catalogue, users, contracts, settings,
/// opportunities), kept in this one file in the shapes of docs/data-model.md. Writes of CRM rows (the generated
/// opportunity and tasks) go through the owners' row builders (<c>OpportunityRows</c>, <c>TaskRows</c>).
/// </summary>
public sealed class CrmReferences(TenantTable table)
{
    /// <summary>
    /// The <c>ref|service|…</c> and <c>ref|product|…</c> rows of a document (quote, sales order, service order) for its
    /// batch: the catalogue refuses to delete an item a document uses. Only what changed between
    /// <paramref name="before"/> (null: new document) and <paramref name="after"/> (null: deleted) is written.
    /// </summary>
    public static IEnumerable<TableTransactionAction> CatalogueRefActions(
        TenantTable table, IReadOnlyList<DocumentItem>? before, IReadOnlyList<DocumentItem>? after, string sourceKind, string sourceId, string sourceLabel)
    {
        foreach (var (kind, idOf) in CatalogueKinds)
        {
            var old = CatalogueIds(before, idOf);
            var now = CatalogueIds(after, idOf);
            if (before is not null && old.SetEquals(now))
            {
                continue;
            }

            foreach (var action in RecordConventions.RefActions(table, kind, old, now, sourceKind, sourceId, sourceLabel))
            {
                yield return action;
            }
        }
    }

    private static readonly (string Kind, Func<DocumentItem, string?> IdOf)[] CatalogueKinds =
    [
        (CatalogueStore.ServiceKind, i => i.ServiceId),
        (CatalogueStore.ProductKind, i => i.ProductId),
    ];

    private static HashSet<string> CatalogueIds(IReadOnlyList<DocumentItem>? items, Func<DocumentItem, string?> idOf) =>
        (items ?? []).Select(idOf).Where(Ids.IsWellFormed).Select(id => id!).ToHashSet(StringComparer.Ordinal);

    public async Task<CustomerRef?> GetCustomerAsync(string customerId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(customerId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("customer", customerId), ct);
        return row is null ? null : ToCustomer(row);
    }

    /// <summary>Exact match on the unique CNPJ/CPF index (<c>customer-doc|&lt;taxId&gt;</c>).</summary>
    public async Task<CustomerRef?> FindCustomerByTaxIdAsync(string normalizedTaxId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(normalizedTaxId))
        {
            return null;
        }

        var index = await table.GetAsync(KeyRange.Key("customer-doc", normalizedTaxId), ct);
        var customerId = index?.GetString("CustomerId");
        return customerId is null ? null : await GetCustomerAsync(customerId, ct);
    }

    public async Task<IReadOnlyDictionary<string, CatalogueEntry>> GetCatalogueAsync(string kind, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(Ids.IsWellFormed).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        var rows = await Task.WhenAll(wanted.Select(id => table.GetAsync(KeyRange.Key(kind, id), ct)));
        var priceProperty = kind == "product" ? "Price" : "UnitPrice";
        return rows.Where(r => r is not null).Select(r => r!).ToDictionary(
            r => r.GetString("Id") ?? r.RowKey[(kind.Length + 1)..],
            r => new CatalogueEntry(
                r.GetString("Id") ?? r.RowKey[(kind.Length + 1)..],
                r.GetString("Code") ?? "",
                r.GetString("Description") ?? "",
                r.GetDecimal(priceProperty) ?? 0,
                r.GetBoolean("Active") ?? true),
            StringComparer.Ordinal);
    }

    public async Task<UserRef?> GetUserAsync(string userId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(userId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("user", userId), ct);
        return row is null ? null : new UserRef(userId, row.GetString("Name") ?? "");
    }

    public async Task<ContractRef?> GetContractAsync(string contractId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(contractId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("contract", contractId), ct);
        return row is null
            ? null
            : new ContractRef(contractId, row.GetInt64("Number") ?? 0, row.GetString("CustomerId") ?? "", row.GetString("Title") ?? "", row.GetString("Status") ?? "");
    }

    public async Task<OrderCrmSettings> GetOrderCrmSettingsAsync(CancellationToken ct) =>
        ToOrderCrmSettings(await table.GetAsync("settings|order-crm", ct));

    /// <summary>The order → CRM settings and the pipeline stages in ONE range scan of the tenant's few settings rows.</summary>
    public async Task<(OrderCrmSettings Settings, IReadOnlyList<PipelineStage> Stages)> GetCrmSettingsAsync(CancellationToken ct)
    {
        TableEntity? orderCrm = null;
        TableEntity? pipeline = null;
        await foreach (var row in table.QueryPrefixAsync("settings|", ct: ct))
        {
            if (row.RowKey == "settings|order-crm")
            {
                orderCrm = row;
            }
            else if (row.RowKey == "settings|pipeline")
            {
                pipeline = row;
            }
        }

        return (ToOrderCrmSettings(orderCrm), ToStages(pipeline));
    }

    public async Task<IReadOnlyList<PipelineStage>> GetStagesAsync(CancellationToken ct) =>
        ToStages(await table.GetAsync("settings|pipeline", ct));

    public async Task<OpportunityRef?> GetOpportunityAsync(string opportunityId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(opportunityId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("opportunity", opportunityId), ct);
        if (row is null)
        {
            return null;
        }

        var ticket = row.GetString("TicketJson");
        var lines = string.IsNullOrWhiteSpace(ticket) ? [] : JsonSerializer.Deserialize<List<TicketLine>>(ticket, JsonDefaults.Options) ?? [];
        return new OpportunityRef(
            opportunityId,
            row.GetString("Title") ?? "",
            row.GetString("Status") ?? "open",
            row.GetString("StageId") ?? "",
            row.GetString("AccountId") ?? "",
            row.GetString("AccountName") ?? "",
            row.GetString("CustomerId") ?? "",
            row.GetString("OwnerId") ?? "",
            row.GetString("OwnerName") ?? "",
            row.GetString("Project") ?? "",
            lines,
            row.GetDecimal("TicketTotal") ?? lines.Sum(l => l.Total),
            row.GetString("OriginOrderId") ?? "");
    }

    public async Task<OpportunityBadge?> GetOpportunityBadgeAsync(string? opportunityId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(opportunityId))
        {
            return null;
        }

        var opportunity = GetOpportunityAsync(opportunityId, ct);
        var stages = GetStagesAsync(ct);
        var found = await opportunity;
        if (found is null)
        {
            return null;
        }

        var stageName = (await stages).FirstOrDefault(s => s.Id == found.StageId)?.Name ?? found.StageId;
        return new OpportunityBadge(found.Id, found.Title, found.Status, stageName);
    }

    public async Task<bool> OpportunityExistsAsync(string opportunityId, CancellationToken ct) =>
        Ids.IsWellFormed(opportunityId) && await table.GetAsync(KeyRange.Key("opportunity", opportunityId), ["RowKey"], ct) is not null;

    private static CustomerRef ToCustomer(TableEntity row) => new(
        row.GetString("Id") ?? row.RowKey["customer|".Length..],
        row.GetString("LegalName") ?? "",
        row.GetString("TradeName") ?? "",
        row.GetString("TaxId") ?? "",
        !string.Equals(row.GetString("Status"), "archived", StringComparison.Ordinal));

    private static OrderCrmSettings ToOrderCrmSettings(TableEntity? row)
    {
        var defaults = OrderCrmSettings.Default;
        if (row is null)
        {
            return defaults;
        }

        return new OrderCrmSettings(
            row.GetBoolean("Enabled") ?? defaults.Enabled,
            row.GetBoolean("DefaultGenerate") ?? defaults.DefaultGenerate,
            NullIfEmpty(row.GetString("StageId")),
            NullIfEmpty(row.GetString("OwnerId")),
            NullIfEmpty(row.GetString("OwnerName")),
            NullIfEmpty(row.GetString("TitlePattern")) ?? defaults.TitlePattern,
            NullIfEmpty(row.GetString("TaskAssigneeId")),
            NullIfEmpty(row.GetString("TaskAssigneeName")),
            row.GetInt32("TaskDueDays") ?? defaults.TaskDueDays,
            row.GetBoolean("ShowProjectAndContract") ?? defaults.ShowProjectAndContract);
    }

    private static IReadOnlyList<PipelineStage> ToStages(TableEntity? row)
    {
        var json = row?.GetString("StagesJson");
        var stages = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<List<PipelineStage>>(json, JsonDefaults.Options);
        return stages is { Count: > 0 } ? stages.OrderBy(s => s.Order).ToList() : DefaultStages;
    }

    private static readonly IReadOnlyList<PipelineStage> DefaultStages =
    [
        new("prospeccao", "Prospecção", 1),
        new("qualificacao", "Qualificação", 2),
        new("proposta", "Proposta", 3),
        new("negociacao", "Negociação", 4),
        new("fechamento", "Fechamento", 5),
    ];

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
