using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.SalesOrders;

/// <summary>
/// The sales documents write <c>ref|…</c> rows for the catalogue items they use, and the customer delete sees their
/// customer index rows: records in use answer 409 <c>in_use</c> through the API, and are released when the document
/// stops using them.
/// </summary>
public sealed class SalesReferencesTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static async Task<JsonElement> CreateAsync(HttpClient admin, string path, object body) =>
        await (await admin.PostAsJsonAsync(path, body, JsonDefaults.Options)).ReadAsync<JsonElement>(HttpStatusCode.Created);

    private static async Task<string> InUseDetailAsync(HttpResponseMessage response) =>
        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode)).GetProperty("detail").GetString()!;

    [Fact]
    public async Task A_service_in_a_quote_cannot_be_deleted_until_the_quote_is()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Clínica Bem Estar Ltda");
        var service = await admin.CreateServiceAsync(description: "Higienização de ar-condicionado");
        var quote = await CreateAsync(admin, "/api/quotes", new { customerId = customer.Id, items = new[] { new { kind = "service", serviceId = service.Id, quantity = 2m } } });

        (await InUseDetailAsync(await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag)))
            .ShouldContain($"orçamento nº {quote.GetProperty("number").GetInt64()}");

        await (await admin.DeleteIfMatchAsync($"/api/quotes/{quote.GetProperty("id").GetString()}", quote.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_product_removed_from_an_order_is_released_and_the_services_it_keeps_are_not()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Mercado Central Ltda");
        var service = await admin.CreateServiceAsync(description: "Instalação de câmeras");
        var product = await (await admin.PostAsJsonAsync("/api/catalogue/products",
            new { code = CrmRecordsTestData.NewCode("CAM"), description = "Câmera IP", price = 399.90m, stock = 10m, unit = "UN" }, JsonDefaults.Options))
            .ReadAsync<Product>(HttpStatusCode.Created);
        var order = await CreateAsync(admin, "/api/sales-orders", new
        {
            customerId = customer.Id,
            paymentTerms = "30",
            generateOpportunity = false,
            items = new object[] { new { kind = "service", serviceId = service.Id, quantity = 4m }, new { kind = "product", productId = product.Id, quantity = 4m } },
        });
        var number = order.GetProperty("number").GetInt64();

        (await InUseDetailAsync(await admin.DeleteIfMatchAsync($"/api/catalogue/products/{product.Id}", product.Etag))).ShouldContain($"pedido nº {number}");

        var serviceLine = order.GetProperty("items")[0];
        await (await admin.PutJsonAsync($"/api/sales-orders/{order.GetProperty("id").GetString()}", new
        {
            customerId = customer.Id,
            paymentTerms = "30",
            items = new[] { new { id = serviceLine.GetProperty("id").GetString(), kind = "service", serviceId = service.Id, quantity = 4m } },
        }, order.GetProperty("etag").GetString())).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await admin.DeleteIfMatchAsync($"/api/catalogue/products/{product.Id}", product.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await InUseDetailAsync(await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag))).ShouldContain($"pedido nº {number}");
    }

    [Fact]
    public async Task A_customer_with_a_quote_or_a_service_order_is_not_deleted()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var service = await admin.CreateServiceAsync(description: "Manutenção elétrica");
        var withQuote = await admin.CreateCustomerAsync("Hotel Praia Azul Ltda");
        var withServiceOrder = await admin.CreateCustomerAsync("Condomínio Solar Ltda");
        await CreateAsync(admin, "/api/quotes", new { customerId = withQuote.Id, items = new[] { new { kind = "service", serviceId = service.Id, quantity = 1m } } });
        var serviceOrder = await CreateAsync(admin, "/api/service-orders",
            new { customerId = withServiceOrder.Id, description = "Revisão do quadro", items = new[] { new { kind = "service", serviceId = service.Id, quantity = 1m } } });

        (await InUseDetailAsync(await admin.DeleteIfMatchAsync($"/api/customers/{withQuote.Id}", withQuote.Etag))).ShouldContain("orçamentos");
        (await InUseDetailAsync(await admin.DeleteIfMatchAsync($"/api/customers/{withServiceOrder.Id}", withServiceOrder.Etag))).ShouldContain("ordens de serviço");
        (await InUseDetailAsync(await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag))).ShouldContain("nº");
        serviceOrder.GetProperty("customerId").GetString().ShouldBe(withServiceOrder.Id);
    }
}
