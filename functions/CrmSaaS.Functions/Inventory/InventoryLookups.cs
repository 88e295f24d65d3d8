using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Inventory;

public sealed record CustomerRef(string Id, string LegalName, string TradeName);

public sealed record SiteRef(string Id, string CustomerId, string Name);

public sealed record ContractRef(string Id, string CustomerId, long? Number, string Title);

public sealed record TypeRef(string Id, string Name);

public sealed record OrderItemRef(string Id, string Kind, string Description, decimal Quantity);

public sealed record OrderRef(string Id, string CustomerId, long? Number, string Status, IReadOnlyList<OrderItemRef> Items);

public sealed record ServiceOrderRef(string Id, string CustomerId, long? Number);

/// <summary>
/// Every read of another feature's records, in one place: customers, sites, contracts, product/service types,
/// sales orders and service orders, by the row shapes of docs/data-model.md. Ids that this app could not have
/// issued are "not found" without a storage call.
/// </summary>
public sealed class InventoryLookups(TenantTable table)
{
    public async Task<CustomerRef?> FindCustomerAsync(string? id, CancellationToken ct)
    {
        var row = await GetAsync(id, i => KeyRange.Key("customer", i), ct);
        return row is null ? null : new CustomerRef(id!, row.GetString("LegalName") ?? "", row.GetString("TradeName") ?? "");
    }

    public async Task<SiteRef?> FindSiteAsync(string customerId, string? siteId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(customerId))
        {
            return null;
        }

        var row = await GetAsync(siteId, i => KeyRange.Key("site", customerId, i), ct);
        return row is null ? null : new SiteRef(siteId!, customerId, row.GetString("Name") ?? "");
    }

    public async Task<ContractRef?> FindContractAsync(string? id, CancellationToken ct)
    {
        var row = await GetAsync(id, i => KeyRange.Key("contract", i), ct);
        return row is null
            ? null
            : new ContractRef(id!, row.GetString("CustomerId") ?? "", Number(row), row.GetString("Title") ?? "");
    }

    public async Task<TypeRef?> FindTypeAsync(string? id, CancellationToken ct)
    {
        var row = await GetAsync(id, i => KeyRange.Key("pstype", i), ct);
        return row is null ? null : new TypeRef(id!, row.GetString("Name") ?? "");
    }

    public async Task<OrderRef?> FindOrderAsync(string? id, CancellationToken ct)
    {
        var row = await GetAsync(id, i => KeyRange.Key("order", i), ct);
        return row is null
            ? null
            : new OrderRef(id!, row.GetString("CustomerId") ?? "", Number(row), row.GetString("Status") ?? "", ReadItems(row.GetString("ItemsJson")));
    }

    public async Task<ServiceOrderRef?> FindServiceOrderAsync(string? id, CancellationToken ct)
    {
        var row = await GetAsync(id, i => KeyRange.Key("service-order", i), ct);
        return row is null ? null : new ServiceOrderRef(id!, row.GetString("CustomerId") ?? "", Number(row));
    }

    // Numbers are longs in docs/data-model.md; a string or int written by another feature is read too, not a 500.
    private static long? Number(TableEntity row) =>
        row.TryGetValue("Number", out var value)
            ? value switch
            {
                long l => l,
                int i => i,
                string text when long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;

    private async Task<TableEntity?> GetAsync(string? id, Func<string, string> key, CancellationToken ct) =>
        Ids.IsWellFormed(id) ? await table.GetAsync(key(id!), ct) : null;

    // Order items are JSON inside the order (docs/data-model.md); only what inventory needs is read.
    private static List<OrderItemRef> ReadItems(string? json)
    {
        var items = new List<OrderItemRef>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return items;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return items;
        }

        foreach (var element in document.RootElement.EnumerateArray())
        {
            items.Add(new OrderItemRef(
                Text(element, "id"),
                Text(element, "kind"),
                Text(element, "description"),
                Property(element, "quantity") is { ValueKind: JsonValueKind.Number } quantity ? quantity.GetDecimal() : 0));
        }

        return items;
    }

    private static string Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? "" : "";

    // Tolerates PascalCase or camelCase JSON, whichever the order feature serialises.
    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
