using System.Net;
using System.Text.Json;
using CrmSaaS.Functions.Stock;
using CrmSaaS.Functions.Tests.Billing;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.Stock;

/// <summary>oGestor: moving an order to Pedido deducts its products' stock; cancelling it gives the stock back.</summary>
public sealed class StockApiTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task Confirming_deducts_and_cancelling_returns_the_stock()
    {
        var world = await BillingWorld.CreateAsync(app);
        var camera = await world.ProductAsync("Câmera IP 4MP", 399.90m, 10m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ProductItem(camera, 3), BillingWorld.ProductItem(camera, 2)]);
        (await world.StockOfAsync(camera)).ShouldBe(5m);

        var cancel = await SalesSeed.SendAsync(world.Admin, HttpMethod.Post, $"/api/sales-orders/{order.GetProperty("id").GetString()}/cancel",
            new { reason = "Cliente desistiu" }, order.GetProperty("etag").GetString());
        await cancel.ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await world.StockOfAsync(camera)).ShouldBe(10m);
        (await world.Seed.RowsAsync($"audit|product|{camera}|")).Select(a => a.GetString("Action")).ShouldBe(["stock-out", "stock-in"], ignoreOrder: true);
    }

    [Fact]
    public async Task Confirming_more_than_the_stock_is_refused_naming_the_product_and_changes_nothing()
    {
        var world = await BillingWorld.CreateAsync(app);
        var cable = await world.ProductAsync("Cabo de rede 305 m", 250m, 1m);
        var order = await world.Seed.CreateOrderAsync(new { customerId = world.CustomerId, items = new[] { BillingWorld.ProductItem(cable, 3) } });

        var problem = await (await world.ConfirmAsync(order)).ShouldBeProblemAsync(HttpStatusCode.Conflict, StockRules.InsufficientCode);

        problem.GetProperty("detail").GetString()!.ShouldContain("Cabo de rede 305 m (disponível 1, pedido 3)");
        (await world.StockOfAsync(cable)).ShouldBe(1m);
        (await world.GetOrderAsync(order.GetProperty("id").GetString()!)).GetProperty("status").GetString().ShouldBe("Proposta");
    }

    [Fact]
    public async Task A_tenant_that_allows_negative_stock_confirms_anyway()
    {
        var world = await BillingWorld.CreateAsync(app);
        var settings = await world.Admin.GetAsync("/api/billing/settings");
        var etag = (await settings.ReadAsync<JsonElement>()).GetProperty("etag").GetString();
        await (await SalesSeed.SendAsync(world.Admin, HttpMethod.Put, "/api/billing/settings",
            new { issuerTaxId = "11222333000181", municipalityCode = "3550308", allowNegativeStock = true }, etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cable = await world.ProductAsync("Cabo de rede 305 m", 250m, 1m);

        await world.ConfirmedOrderAsync([BillingWorld.ProductItem(cable, 3)]);

        (await world.StockOfAsync(cable)).ShouldBe(-2m);
    }

    [Fact]
    public async Task Items_added_to_a_confirmed_order_take_their_stock_too()
    {
        var world = await BillingWorld.CreateAsync(app);
        var camera = await world.ProductAsync("Câmera IP 4MP", 399.90m, 10m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ProductItem(camera, 2)]);

        var added = await SalesSeed.SendAsync(world.Admin, HttpMethod.Post, $"/api/sales-orders/{order.GetProperty("id").GetString()}/items",
            new { items = new[] { BillingWorld.ProductItem(camera, 9) } }, order.GetProperty("etag").GetString());
        await added.ShouldBeProblemAsync(HttpStatusCode.Conflict, StockRules.InsufficientCode);
        added = await SalesSeed.SendAsync(world.Admin, HttpMethod.Post, $"/api/sales-orders/{order.GetProperty("id").GetString()}/items",
            new { items = new[] { BillingWorld.ProductItem(camera, 3) } }, order.GetProperty("etag").GetString());
        await added.ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await world.StockOfAsync(camera)).ShouldBe(5m);
    }
}
