using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Inventory;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Inventory;

/// <summary>
/// The records an inventory item points at, for one tenant: customers with sites and contracts, product/service
/// types, sales orders. Rows other features own are written in their documented shapes (docs/data-model.md)
/// through <see cref="TenantTable"/> in a system scope of the tenant.
/// </summary>
public sealed class InventoryWorld(CrmApp app, TestTenant tenant)
{
    public TestTenant Tenant => tenant;

    public HttpClient Admin { get; } = app.Staff(tenant);

    public async Task<string> CustomerAsync(string legalName, string tradeName = "")
    {
        var id = Ids.New();
        await InsertAsync(KeyRange.Key("customer", id), new()
        {
            ["Id"] = id,
            ["LegalName"] = legalName,
            ["TradeName"] = tradeName,
            ["TaxId"] = id[..14],
            ["TaxIdKind"] = "cnpj",
            ["Status"] = "active",
            ["SearchText"] = SearchText.Of(legalName, tradeName),
        });
        return id;
    }

    public async Task<string> SiteAsync(string customerId, string name)
    {
        var id = Ids.New();
        await InsertAsync(KeyRange.Key("site", customerId, id), new()
        {
            ["Id"] = id,
            ["CustomerId"] = customerId,
            ["Name"] = name,
            ["City"] = "São Paulo",
            ["State"] = "SP",
        });
        return id;
    }

    public async Task<string> ContractAsync(string customerId, long number, string title)
    {
        var id = Ids.New();
        await InsertAsync(KeyRange.Key("contract", id), new()
        {
            ["Id"] = id,
            ["Number"] = number,
            ["CustomerId"] = customerId,
            ["CustomerName"] = "",
            ["Title"] = title,
            ["StartDate"] = "2026-01-01",
            ["Recurrence"] = "monthly",
            ["Status"] = "active",
            ["ItemsJson"] = "[]",
        });
        return id;
    }

    public async Task<string> TypeAsync(string name, string kind = "product")
    {
        var id = Ids.New();
        await InsertAsync(KeyRange.Key("pstype", id), new() { ["Id"] = id, ["Name"] = name, ["Kind"] = kind });
        return id;
    }

    /// <summary>A sales order with the given lines (kind, description, quantity); returns the order id and its item ids.</summary>
    public async Task<(string OrderId, IReadOnlyList<string> ItemIds)> OrderAsync(
        string customerId, long number, string status, params (string Kind, string Description, decimal Quantity)[] lines)
    {
        var id = Ids.New();
        var items = lines.Select((l, i) => new
        {
            id = $"I{i + 1}",
            kind = l.Kind,
            description = l.Description,
            quantity = l.Quantity,
            unitPrice = 100m,
        }).ToList();
        await InsertAsync(KeyRange.Key("order", id), new()
        {
            ["Id"] = id,
            ["Number"] = number,
            ["CustomerId"] = customerId,
            ["Status"] = status,
            ["ItemsJson"] = JsonSerializer.Serialize(items),
        });
        return (id, items.Select(i => i.id).ToList());
    }

    /// <summary>Creates an item through the API and returns it.</summary>
    public async Task<InventoryItem> ItemAsync(Customer customer, string serial, string? description = null, string? siteId = null, string? typeId = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/inventory", customer.Request(serial, description, siteId, typeId));
        return await response.ReadAsync<InventoryItem>(System.Net.HttpStatusCode.Created);
    }

    /// <summary>A customer with two sites and a contract, and a product type.</summary>
    public async Task<Customer> CustomerWithSitesAsync(string legalName, string tradeName = "", string firstSite = "Matriz", string secondSite = "Filial Centro")
    {
        var id = await CustomerAsync(legalName, tradeName);
        var siteA = await SiteAsync(id, firstSite);
        var siteB = await SiteAsync(id, secondSite);
        var contract = await ContractAsync(id, Random.Shared.NextInt64(1, 100_000), "Locação de equipamentos");
        var type = await TypeAsync("Impressora");
        return new Customer(id, legalName, siteA, siteB, contract, type);
    }

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId);
        return use(scope.ServiceProvider);
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId);
        return await use(scope.ServiceProvider);
    }

    private Task<Azure.ETag> InsertAsync(string rowKey, Dictionary<string, object> properties) =>
        ScopedAsync(async services =>
        {
            var table = services.GetRequiredService<TenantTable>();
            var row = table.NewEntity(rowKey);
            foreach (var (name, value) in properties)
            {
                row[name] = value;
            }

            row["CreatedAt"] = DateTimeOffset.UtcNow;
            row["UpdatedAt"] = DateTimeOffset.UtcNow;
            return await table.InsertAsync(row);
        });

    public sealed record Customer(string Id, string Name, string SiteId, string OtherSiteId, string ContractId, string TypeId)
    {
        public InventoryItemRequest Request(string serial, string? description = null, string? siteId = null, string? typeId = null) =>
            new(serial, Id, ContractId, siteId ?? SiteId, typeId ?? TypeId, description, null, null, null, null);
    }
}
