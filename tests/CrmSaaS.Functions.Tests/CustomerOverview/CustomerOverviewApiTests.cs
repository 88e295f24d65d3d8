using System.Net;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Billing;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.CustomerOverview;

/// <summary>Gescor's CRM screen: a customer's quotes, orders, invoices, sales history and pending receivables at a glance.</summary>
public sealed class CustomerOverviewApiTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task The_overview_shows_the_customers_documents_monthly_sales_and_open_receivables_and_nobody_elses()
    {
        var world = await BillingWorld.CreateAsync(app);
        var service = await world.ServiceAsync("Manutenção mensal", 300m);
        var billed = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 2)], paymentTerms: "0/30");
        var invoice = (await (await world.BillAsync(billed.GetProperty("id").GetString()!)).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("invoice");
        var proposal = await world.Seed.CreateOrderAsync(new { customerId = world.CustomerId, items = new[] { BillingWorld.ServiceItem(service, 1) } });
        var other = await world.Seed.CustomerAsync("Padaria São João");
        await world.Seed.CreateOrderAsync(new { customerId = other, items = new[] { BillingWorld.ServiceItem(service, 5) } });

        var overview = await (await world.Admin.GetAsync($"/api/customers/{world.CustomerId}/overview")).ReadAsync<JsonElement>();

        overview.GetProperty("customerName").GetString().ShouldBe("Condomínio Jardim das Flores");
        overview.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("id").GetString())
            .ShouldBe([proposal.GetProperty("id").GetString(), billed.GetProperty("id").GetString()], "newest first, only this customer's");
        overview.GetProperty("invoices").EnumerateArray().Single().GetProperty("id").GetString().ShouldBe(invoice.GetProperty("id").GetString());
        var month = CrmSaaS.Functions.Common.BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow).ToString("yyyy-MM");
        var history = overview.GetProperty("salesHistory").EnumerateArray().Single();
        (history.GetProperty("month").GetString(), history.GetProperty("total").GetDecimal(), history.GetProperty("invoices").GetInt32()).ShouldBe((month, 600m, 1));
        var receivables = overview.GetProperty("receivables");
        receivables.GetProperty("openTotal").GetDecimal().ShouldBe(600m);
        receivables.GetProperty("openCount").GetInt32().ShouldBe(2);
        receivables.GetProperty("overdueCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_customer_is_a_404()
    {
        var world = await BillingWorld.CreateAsync(app);

        await (await world.Admin.GetAsync($"/api/customers/{Ids.New()}/overview")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }
}
