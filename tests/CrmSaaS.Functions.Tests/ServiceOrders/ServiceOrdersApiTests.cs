using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.ServiceOrders;

public sealed class ServiceOrdersApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private async Task<(SalesSeed Seed, string CustomerId, string ServiceId)> ArrangeAsync()
    {
        var seed = new SalesSeed(app, CrmApp.NewTenant());
        var customer = await seed.CustomerAsync("Hotel Praia Azul");
        var service = await seed.ServiceAsync("Manutenção elétrica", 95m);
        return (seed, customer, service);
    }

    private static object Body(string customerId, string serviceId, string? opportunityId = null, decimal quantity = 8) => new
    {
        customerId,
        description = "Revisão dos quadros elétricos do bloco B",
        expectedDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
        opportunityId,
        items = new[] { new { kind = "service", serviceId, quantity } },
    };

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/service-orders", body, JsonDefaults.Options);
        return await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, JsonElement order, string status) =>
        await (await SalesSeed.SendAsync(client, HttpMethod.Post, $"/api/service-orders/{order.GetProperty("id").GetString()}/status",
            new { status }, order.GetProperty("etag").GetString())).ReadAsync<JsonElement>();

    [Fact]
    public async Task Operations_create_and_run_a_service_order_through_its_statuses()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var operations = app.Staff(seed.Tenant, Roles.Operations);

        var order = await CreateAsync(operations, Body(customerId, serviceId));
        order.GetProperty("status").GetString().ShouldBe("aberta");
        order.GetProperty("statusLabel").GetString().ShouldBe("Aberta");
        order.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(760m);

        var running = await StatusAsync(operations, order, "em-execucao");
        running.GetProperty("statusLabel").GetString().ShouldBe("Em execução");
        var done = await StatusAsync(operations, running, "concluida");

        var edit = await SalesSeed.SendAsync(operations, HttpMethod.Put, $"/api/service-orders/{done.GetProperty("id").GetString()}",
            Body(customerId, serviceId), done.GetProperty("etag").GetString());
        (await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("A ordem de serviço está concluída: reabra-a (em execução) para alterá-la.");

        var billed = await StatusAsync(app.Staff(seed.Tenant, Roles.Finance), done, "faturada");
        billed.GetProperty("status").GetString().ShouldBe("faturada");
        var after = await SalesSeed.SendAsync(operations, HttpMethod.Post, $"/api/service-orders/{billed.GetProperty("id").GetString()}/status",
            new { status = "aberta" }, billed.GetProperty("etag").GetString());
        (await after.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("Uma ordem de serviço faturada não pode mudar de status.");

        var audit = await seed.RowsAsync($"audit|service-order|{order.GetProperty("id").GetString()}|");
        audit.Select(a => a.GetString("Details")).ShouldContain("Em execução → Concluída");
    }

    [Fact]
    public async Task An_unknown_status_is_a_validation_error_and_products_are_refused()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var product = await seed.ProductAsync("Disjuntor 40A", 35m);
        var order = await CreateAsync(seed.Admin, Body(customerId, serviceId));

        var unknown = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/service-orders/{order.GetProperty("id").GetString()}/status",
            new { status = "pronta" }, order.GetProperty("etag").GetString());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        var withProduct = await seed.Admin.PostAsJsonAsync("/api/service-orders", new
        {
            customerId,
            items = new[] { new { kind = "product", productId = product, quantity = 1m } },
        }, JsonDefaults.Options);
        (await withProduct.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors")
            .GetProperty("items[0].kind")[0].GetString().ShouldBe("Item 1: uma ordem de serviço aceita apenas serviços.");
    }

    [Fact]
    public async Task A_service_order_of_an_opportunity_shows_the_opportunitys_current_status()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var account = await seed.AccountAsync("Hotel Praia Azul", null, customerId);
        var opportunityId = await seed.OpportunityAsync("Retrofit elétrico", account, (ItemKind.Service, serviceId, "Manutenção elétrica", 8m, 95m));
        var order = await CreateAsync(seed.Admin, Body(customerId, serviceId, opportunityId));
        order.GetProperty("opportunity").GetProperty("stageName").GetString().ShouldBe("Negociação");

        await seed.SetOpportunityStatusAsync(opportunityId, "won", "fechamento");

        var shown = await (await seed.Admin.GetAsync($"/api/service-orders/{order.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        shown.GetProperty("opportunity").GetProperty("status").GetString().ShouldBe("won");
        shown.GetProperty("opportunity").GetProperty("stageName").GetString().ShouldBe("Fechamento");
        shown.GetProperty("opportunity").GetProperty("title").GetString().ShouldBe("Retrofit elétrico");
        (await seed.RowsAsync($"doc-opp|{opportunityId}|service-order|")).Single().GetString("DocumentId").ShouldBe(order.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_opportunity_must_exist_and_cannot_be_swapped_later()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();

        var missing = await seed.Admin.PostAsJsonAsync("/api/service-orders", Body(customerId, serviceId, Ids.New()), JsonDefaults.Options);
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors")
            .GetProperty("opportunityId")[0].GetString().ShouldBe("Oportunidade não encontrada.");

        var order = await CreateAsync(seed.Admin, Body(customerId, serviceId));
        var swap = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/service-orders/{order.GetProperty("id").GetString()}",
            Body(customerId, serviceId, Ids.New()), order.GetProperty("etag").GetString());
        (await swap.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors")
            .GetProperty("opportunityId")[0].GetString().ShouldBe("A oportunidade de uma ordem de serviço não pode ser trocada.");
    }

    [Fact]
    public async Task Updates_are_etag_guarded_and_lists_filter_by_status_and_text()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var first = await CreateAsync(seed.Admin, Body(customerId, serviceId));
        var second = await CreateAsync(seed.Admin, new { customerId, description = "Troca de iluminação do saguão", items = new[] { new { kind = "service", serviceId, quantity = 2m } } });
        var path = $"/api/service-orders/{first.GetProperty("id").GetString()}";

        var updated = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, path, Body(customerId, serviceId, quantity: 10), first.GetProperty("etag").GetString());
        (await updated.ReadAsync<JsonElement>()).GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(950m);
        var stale = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, path, Body(customerId, serviceId), first.GetProperty("etag").GetString());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await StatusAsync(seed.Admin, second, "em-execucao");

        var running = await (await seed.Admin.GetAsync("/api/service-orders?status=em-execucao")).ReadAsync<JsonElement>();
        running.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([second.GetProperty("id").GetString()]);
        var text = await (await seed.Admin.GetAsync("/api/service-orders?q=iluminacao%20saguao")).ReadAsync<JsonElement>();
        text.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([second.GetProperty("id").GetString()]);
        var all = await (await seed.Admin.GetAsync($"/api/service-orders?customerId={customerId}")).ReadAsync<JsonElement>();
        all.GetProperty("items").GetArrayLength().ShouldBe(2);
    }
}
