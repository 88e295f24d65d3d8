using System.Net;
using System.Text.Json;
using CrmSaaS.Functions.Tests.Billing;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>Tenant B cannot see, bill, cancel, download or pay anything of tenant A's billing.</summary>
public sealed class BillingIsolationCases : IIsolationCases
{
    public IEnumerable<IsolationCase> Cases =>
    [
        new("GET", "/api/sales-orders/{id}/billing", async a => new IsolationRequest($"/api/sales-orders/{Id(await OrderAsync(a))}/billing")),
        new("POST", "/api/sales-orders/{id}/invoices", async a => new IsolationRequest($"/api/sales-orders/{Id(await OrderAsync(a))}/invoices", new { })),
        new("GET", "/api/invoices/{id}", async a => new IsolationRequest($"/api/invoices/{Id(await InvoiceAsync(a))}")),
        new("GET", "/api/invoices/{id}/dps", async a => new IsolationRequest($"/api/invoices/{Id(await InvoiceAsync(a))}/dps")),
        new("POST", "/api/invoices/{id}/cancel", async a =>
        {
            var invoice = await InvoiceAsync(a);
            return new IsolationRequest($"/api/invoices/{Id(invoice)}/cancel", new { reason = "Intrusão" }, invoice.GetProperty("etag").GetString());
        }),
        new("POST", "/api/receivables/{id}/pay", async a =>
        {
            var receivable = (await InvoiceResponseAsync(a)).GetProperty("receivables")[0];
            return new IsolationRequest($"/api/receivables/{Id(receivable)}/pay",
                new { paidOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), amount = 1m }, receivable.GetProperty("etag").GetString());
        }),
        new("GET", "/api/customers/{id}/overview", async a =>
            new IsolationRequest($"/api/customers/{(await BillingWorld.CreateAsync(a.App, tenant: a.TenantA)).CustomerId}/overview")),
    ];

    private static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    private static async Task<JsonElement> OrderAsync(IsolationArrange arrange)
    {
        var world = await BillingWorld.CreateAsync(arrange.App, tenant: arrange.TenantA);
        var product = await world.ProductAsync("Câmera IP 4MP", 399.90m, 10m);
        return await world.ConfirmedOrderAsync([BillingWorld.ProductItem(product, 1)]);
    }

    private static async Task<JsonElement> InvoiceResponseAsync(IsolationArrange arrange)
    {
        var world = await BillingWorld.CreateAsync(arrange.App, tenant: arrange.TenantA);
        var service = await world.ServiceAsync("Vistoria técnica", 120m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 1)]);
        return await (await world.BillAsync(Id(order))).ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    private static async Task<JsonElement> InvoiceAsync(IsolationArrange arrange) => (await InvoiceResponseAsync(arrange)).GetProperty("invoice");
}
