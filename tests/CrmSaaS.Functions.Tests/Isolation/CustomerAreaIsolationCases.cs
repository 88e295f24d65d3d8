using System.Net;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.CustomerArea;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>
/// Tenant B's staff on tenant A's proposal routes, and another customer of tenant A on customer A's orders: 404 every
/// time. (The approval-link routes take a token, not a record id: they are listed as not tenant records in
/// IsolationTests and covered by ProposalLinkTests.)
/// </summary>
public sealed class CustomerAreaIsolationCases : IIsolationCases
{
    public IEnumerable<IsolationCase> Cases =>
    [
        new("POST", "/api/sales-orders/{id}/send-proposal", async a =>
        {
            var (world, id) = await ProposalAsync(a);
            return new IsolationRequest($"/api/sales-orders/{id}/send-proposal", new { contactId = world.ContactId });
        }),
        new("GET", "/api/sales-orders/{id}/approval", async a => new IsolationRequest($"/api/sales-orders/{(await ProposalAsync(a)).Id}/approval")),
        new("POST", "/api/sales-orders/{id}/revise", async a => new IsolationRequest($"/api/sales-orders/{(await ProposalAsync(a)).Id}/revise", new { reason = "x" })),
        new("POST", "/api/sales-orders/{id}/contract", async a => new IsolationRequest($"/api/sales-orders/{(await ProposalAsync(a)).Id}/contract", new { })),
        new("GET", "/api/sales-orders/{id}/attachments/{kind}", async a =>
            new IsolationRequest($"/api/sales-orders/{(await ProposalAsync(a)).Id}/attachments/proposal")),
        new("GET", "/api/sales-orders/{id}/attachments/{kind}/link", async a =>
            new IsolationRequest($"/api/sales-orders/{(await ProposalAsync(a)).Id}/attachments/proposal/link")),
        new("GET", "/api/customer-area/orders/{id}", async a =>
            new IsolationRequest($"/api/customer-area/orders/{(await ProposalAsync(a)).Id}"), IsolationCaller.Customer),
        new("GET", "/api/customer-area/orders/{id}/attachments/{kind}", async a =>
            new IsolationRequest($"/api/customer-area/orders/{(await ProposalAsync(a)).Id}/attachments/proposal"), IsolationCaller.Customer),
        new("GET", "/api/customer-area/orders/{id}/attachments/{kind}/link", async a =>
            new IsolationRequest($"/api/customer-area/orders/{(await ProposalAsync(a)).Id}/attachments/proposal/link"), IsolationCaller.Customer),
        new("POST", "/api/customer-area/orders/{id}/signed-contract", async a =>
            new IsolationRequest($"/api/customer-area/orders/{(await ProposalAsync(a)).Id}/signed-contract", new { }), IsolationCaller.Customer),
        new("POST", "/api/customer-area/orders/{id}/approve", async a =>
            new IsolationRequest($"/api/customer-area/orders/{(await ProposalAsync(a)).Id}/approve"), IsolationCaller.Customer),
    ];

    private static async Task<(CustomerAreaWorld World, string Id)> ProposalAsync(IsolationArrange a)
    {
        var world = await CustomerAreaWorld.CreateAsync(a.App, a.TenantA);
        return (world, CustomerAreaWorld.Id(await world.ProposalAsync()));
    }
}

/// <summary>Tenant to tenant in the customer area: a customer token of tenant B never reaches tenant A's orders.</summary>
public sealed class CustomerAreaTenantIsolationTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_customer_of_another_tenant_gets_404_even_with_the_same_customer_id()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        var otherTenant = await CustomerAreaWorld.CreateAsync(app, "Outra Empresa");
        var intruder = app.Customer(otherTenant.Seed.Tenant, world.CustomerId, world.ContactId);

        foreach (var path in new[] { $"/api/customer-area/orders/{id}", $"/api/customer-area/orders/{id}/attachments/proposal" })
        {
            await (await intruder.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        await (await intruder.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var dashboard = await (await intruder.GetAsync("/api/customer-area/dashboard")).ReadAsync<System.Text.Json.JsonElement>();
        dashboard.GetProperty("latestOrders").GetArrayLength().ShouldBe(0);
        (await world.Seed.RowAsync($"order|{id}"))!.GetString("Status").ShouldBe("Proposta");
    }
}
