using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>Tenant B gets 404 on tenant A's quotes, sales orders, service orders and an opportunity's "Faturamento" tab.</summary>
public sealed class SalesIsolationCases : IIsolationCases
{
    private static readonly string[] AllKinds = ["all"];

    public IEnumerable<IsolationCase> Cases =>
    [
        new("GET", "/api/sales-orders/{id}", async a => new IsolationRequest($"/api/sales-orders/{(await OrderAsync(a)).Id}")),
        new("PUT", "/api/sales-orders/{id}", async a =>
        {
            var o = await OrderAsync(a);
            return new IsolationRequest($"/api/sales-orders/{o.Id}", o.Body, o.Etag);
        }),
        new("POST", "/api/sales-orders/{id}/items", async a =>
        {
            var o = await OrderAsync(a);
            return new IsolationRequest($"/api/sales-orders/{o.Id}/items", new { items = new[] { new { kind = "service", serviceId = o.ServiceId, quantity = 1m } } }, o.Etag);
        }),
        new("POST", "/api/sales-orders/{id}/approve", async a =>
        {
            var o = await OrderAsync(a);
            return new IsolationRequest($"/api/sales-orders/{o.Id}/approve", new { }, o.Etag);
        }),
        new("POST", "/api/sales-orders/{id}/confirm", async a =>
        {
            var o = await OrderAsync(a);
            return new IsolationRequest($"/api/sales-orders/{o.Id}/confirm", new { }, o.Etag);
        }),
        new("POST", "/api/sales-orders/{id}/cancel", async a =>
        {
            var o = await OrderAsync(a);
            return new IsolationRequest($"/api/sales-orders/{o.Id}/cancel", new { reason = "Invasão" }, o.Etag);
        }),
        new("POST", "/api/sales-orders/{id}/generate-opportunity", async a =>
        {
            var o = await OrderAsync(a);
            return new IsolationRequest($"/api/sales-orders/{o.Id}/generate-opportunity", new { }, o.Etag);
        }),

        new("GET", "/api/quotes/{id}", async a => new IsolationRequest($"/api/quotes/{(await QuoteAsync(a)).Id}")),
        new("PUT", "/api/quotes/{id}", async a =>
        {
            var q = await QuoteAsync(a);
            return new IsolationRequest($"/api/quotes/{q.Id}", q.Body, q.Etag);
        }),
        new("DELETE", "/api/quotes/{id}", async a =>
        {
            var q = await QuoteAsync(a);
            return new IsolationRequest($"/api/quotes/{q.Id}", null, q.Etag);
        }),
        new("POST", "/api/quotes/{id}/convert", async a =>
        {
            var q = await QuoteAsync(a);
            return new IsolationRequest($"/api/quotes/{q.Id}/convert", new { }, q.Etag);
        }),

        new("GET", "/api/service-orders/{id}", async a => new IsolationRequest($"/api/service-orders/{(await ServiceOrderAsync(a)).Id}")),
        new("PUT", "/api/service-orders/{id}", async a =>
        {
            var s = await ServiceOrderAsync(a);
            return new IsolationRequest($"/api/service-orders/{s.Id}", s.Body, s.Etag);
        }),
        new("POST", "/api/service-orders/{id}/status", async a =>
        {
            var s = await ServiceOrderAsync(a);
            return new IsolationRequest($"/api/service-orders/{s.Id}/status", new { status = "em-execucao" }, s.Etag);
        }),

        new("GET", "/api/opportunities/{id}/faturamento", async a =>
            new IsolationRequest($"/api/opportunities/{await OpportunityAsync(a)}/faturamento")),
        new("POST", "/api/opportunities/{id}/faturamento/customer", async a =>
            new IsolationRequest($"/api/opportunities/{await OpportunityAsync(a)}/faturamento/customer", new { mode = "create" })),
        new("POST", "/api/opportunities/{id}/faturamento/generate", async a =>
            new IsolationRequest($"/api/opportunities/{await OpportunityAsync(a)}/faturamento/generate", new { kinds = AllKinds })),
    ];

    private sealed record Arranged(string Id, string Etag, string ServiceId, object Body);

    private static async Task<(SalesSeed Seed, string CustomerId, string ServiceId)> BasicsAsync(IsolationArrange a)
    {
        var seed = new SalesSeed(a.App, a.TenantA);
        var customer = await seed.CustomerAsync("Cliente de A");
        var service = await seed.ServiceAsync("Serviço de A", 100m);
        return (seed, customer, service);
    }

    private static async Task<Arranged> OrderAsync(IsolationArrange a)
    {
        var (_, customer, service) = await BasicsAsync(a);
        var body = new { customerId = customer, paymentTerms = "30", generateOpportunity = false, items = new[] { new { kind = "service", serviceId = service, quantity = 2m } } };
        var created = await (await a.AdminA.PostAsJsonAsync("/api/sales-orders", body, JsonDefaults.Options)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new Arranged(created.GetProperty("id").GetString()!, created.GetProperty("etag").GetString()!, service, body);
    }

    private static async Task<Arranged> QuoteAsync(IsolationArrange a)
    {
        var (_, customer, service) = await BasicsAsync(a);
        var body = new { customerId = customer, items = new[] { new { kind = "service", serviceId = service, quantity = 2m } } };
        var created = await (await a.AdminA.PostAsJsonAsync("/api/quotes", body, JsonDefaults.Options)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new Arranged(created.GetProperty("id").GetString()!, created.GetProperty("etag").GetString()!, service, body);
    }

    private static async Task<Arranged> ServiceOrderAsync(IsolationArrange a)
    {
        var (_, customer, service) = await BasicsAsync(a);
        var body = new { customerId = customer, description = "Serviço de A", items = new[] { new { kind = "service", serviceId = service, quantity = 1m } } };
        var created = await (await a.AdminA.PostAsJsonAsync("/api/service-orders", body, JsonDefaults.Options)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new Arranged(created.GetProperty("id").GetString()!, created.GetProperty("etag").GetString()!, service, body);
    }

    /// <summary>An opportunity created through the API, on an account with a CNPJ, with one service line in its ticket.</summary>
    private static async Task<string> OpportunityAsync(IsolationArrange a)
    {
        var (seed, _, service) = await BasicsAsync(a);
        var account = await seed.AccountAsync("Conta de A", SalesSeed.NewCnpj());
        var created = await (await a.AdminA.PostAsJsonAsync("/api/opportunities", new { title = "Oportunidade de A", accountId = account }, JsonDefaults.Options))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        using var line = new HttpRequestMessage(HttpMethod.Post, $"/api/opportunities/{id}/ticket/lines")
        {
            Content = JsonContent.Create(new { serviceId = service, quantity = 1 }, options: JsonDefaults.Options),
        };
        line.Headers.TryAddWithoutValidation("If-Match", created.GetProperty("etag").GetString());
        await (await a.AdminA.SendAsync(line)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return id;
    }
}
