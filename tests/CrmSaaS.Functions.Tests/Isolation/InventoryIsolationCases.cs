using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Inventory;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.Inventory;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>Tenant B cannot read, edit, move, delete or export tenant A's inventory.</summary>
public sealed class InventoryIsolationCases : IIsolationCases
{
    public IEnumerable<IsolationCase> Cases =>
    [
        new("GET", "/api/inventory/{id}", async a => new IsolationRequest($"/api/inventory/{(await ItemAsync(a)).Item.Id}")),
        new("PUT", "/api/inventory/{id}", async a =>
        {
            var (customer, item) = await ItemAsync(a);
            return new IsolationRequest($"/api/inventory/{item.Id}", customer.Request("ISO-CHANGED", "Alterado"), item.Etag);
        }),
        new("POST", "/api/inventory/{id}/move", async a =>
        {
            var (customer, item) = await ItemAsync(a);
            return new IsolationRequest($"/api/inventory/{item.Id}/move", new MoveItemRequest(customer.OtherSiteId), item.Etag);
        }),
        new("DELETE", "/api/inventory/{id}", async a =>
        {
            var (_, item) = await ItemAsync(a);
            return new IsolationRequest($"/api/inventory/{item.Id}", null, item.Etag);
        }),
        new("GET", "/api/customers/{customerId}/inventory", async a =>
            new IsolationRequest($"/api/customers/{(await ItemAsync(a)).Customer.Id}/inventory")),
        new("GET", "/api/customers/{customerId}/inventory/export.csv", async a =>
            new IsolationRequest($"/api/customers/{(await ItemAsync(a)).Customer.Id}/inventory/export.csv")),
    ];

    private static async Task<(InventoryWorld.Customer Customer, InventoryItem Item)> ItemAsync(IsolationArrange arrange)
    {
        var world = new InventoryWorld(arrange.App, arrange.TenantA);
        var customer = await world.CustomerWithSitesAsync("Cliente Isolado");
        var response = await arrange.AdminA.PostAsJsonAsync("/api/inventory", customer.Request("ISO-" + Guid.NewGuid().ToString("N")[..8]));
        return (customer, await response.ReadAsync<InventoryItem>(HttpStatusCode.Created));
    }
}
