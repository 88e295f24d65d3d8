using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.SalesOrders;

public sealed class SalesOrdersApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private async Task<(SalesSeed Seed, string CustomerId, string ServiceId)> ArrangeAsync()
    {
        var seed = new SalesSeed(app, CrmApp.NewTenant());
        await seed.OrderCrmSettingsAsync(defaultGenerate: false);
        var customer = await seed.CustomerAsync("Padaria Pão de Açúcar Ltda");
        var service = await seed.ServiceAsync("Manutenção de forno", 250m);
        return (seed, customer, service);
    }

    private static object Body(string customerId, string serviceId, decimal quantity = 2, string? paymentTerms = "0/30") => new
    {
        customerId,
        paymentTerms,
        paymentMethod = "Boleto bancário",
        notes = "Entrega combinada com o gerente",
        items = new object[]
        {
            new { kind = "service", serviceId, quantity, discountKind = "percent", discount = 10m, note = "Inclui peças de reposição" },
        },
    };

    [Fact]
    public async Task Creating_an_order_numbers_it_computes_totals_and_installments_and_defaults_the_salesperson()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();

        var response = await seed.Admin.PostAsJsonAsync("/api/sales-orders", Body(customerId, serviceId, quantity: 3), JsonDefaults.Options);
        var first = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var second = await seed.CreateOrderAsync(Body(customerId, serviceId));

        response.Headers.Location!.ToString().ShouldBe($"/api/sales-orders/{first.GetProperty("id").GetString()}");
        response.Headers.ETag.ShouldNotBeNull();
        second.GetProperty("number").GetInt64().ShouldBe(first.GetProperty("number").GetInt64() + 1);
        first.GetProperty("status").GetString().ShouldBe("Proposta");
        first.GetProperty("statusLabel").GetString().ShouldBe("Proposta");
        first.GetProperty("customerName").GetString().ShouldBe("Padaria Pão de Açúcar Ltda");
        first.GetProperty("salespersonId").GetString().ShouldBe(seed.Tenant.AdminUserId);
        first.GetProperty("totals").GetProperty("gross").GetDecimal().ShouldBe(750m);
        first.GetProperty("totals").GetProperty("discount").GetDecimal().ShouldBe(75m);
        first.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(675m);
        var item = first.GetProperty("items")[0];
        item.GetProperty("description").GetString().ShouldBe("Manutenção de forno");
        item.GetProperty("note").GetString().ShouldBe("Inclui peças de reposição");
        item.GetProperty("billedQuantity").GetDecimal().ShouldBe(0m);
        var installments = first.GetProperty("installments").EnumerateArray().ToList();
        installments.Select(i => i.GetProperty("amount").GetDecimal()).ShouldBe([337.5m, 337.5m]);
        var today = BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow);
        installments[1].GetProperty("dueDate").GetString().ShouldBe(today.AddDays(30).ToString("yyyy-MM-dd"));
        (await seed.RowAsync($"order-number|{first.GetProperty("number").GetInt64():D10}"))!.GetString("OrderId").ShouldBe(first.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Header_first_items_later_as_in_centrium()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var header = await seed.CreateOrderAsync(new { customerId, paymentTerms = "30" });
        header.GetProperty("items").GetArrayLength().ShouldBe(0);
        header.GetProperty("installments").GetArrayLength().ShouldBe(0);

        var response = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{header.GetProperty("id").GetString()}/items",
            new { items = new[] { new { kind = "service", serviceId, quantity = 4m } } }, header.GetProperty("etag").GetString());

        var order = await response.ReadAsync<JsonElement>();
        order.GetProperty("items").GetArrayLength().ShouldBe(1);
        order.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(1000m);
        order.GetProperty("installments")[0].GetProperty("amount").GetDecimal().ShouldBe(1000m);
    }

    [Fact]
    public async Task Invalid_orders_get_every_field_error_in_portuguese()
    {
        var (seed, _, serviceId) = await ArrangeAsync();

        var response = await seed.Admin.PostAsJsonAsync("/api/sales-orders", new
        {
            customerId = "01NOSUCHCUSTOMER000000000",
            salespersonId = "01NOSUCHUSER0000000000000",
            contractId = "01NOSUCHCONTRACT000000000",
            paymentTerms = "30/15",
            items = new object[] { new { kind = "service", serviceId, quantity = 0m } },
        }, JsonDefaults.Options);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("customerId")[0].GetString().ShouldBe("Cliente não encontrado.");
        errors.GetProperty("salespersonId")[0].GetString().ShouldBe("Vendedor não encontrado entre os usuários da empresa.");
        errors.GetProperty("contractId")[0].GetString().ShouldBe("Contrato não encontrado.");
        errors.GetProperty("items[0].quantity")[0].GetString().ShouldBe("Item 1: a quantidade deve ser maior que zero.");
        errors.GetProperty("paymentTerms")[0].GetString().ShouldBe("Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.");
    }

    [Fact]
    public async Task A_contract_of_another_customer_is_refused_and_the_customers_own_is_kept_with_the_project()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var other = await seed.CustomerAsync("Outra Empresa SA");
        var foreign = await seed.ContractAsync(other);
        var own = await seed.ContractAsync(customerId, "Contrato anual");

        var refused = await seed.Admin.PostAsJsonAsync("/api/sales-orders", new { customerId, contractId = foreign }, JsonDefaults.Options);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors").GetProperty("contractId")[0]
            .GetString().ShouldBe("O contrato nº 7 não pertence a este cliente.");

        var order = await seed.CreateOrderAsync(new { customerId, contractId = own, project = "Reforma da loja" });
        order.GetProperty("contractId").GetString().ShouldBe(own);
        order.GetProperty("contractTitle").GetString().ShouldBe("Contrato anual");
        order.GetProperty("project").GetString().ShouldBe("Reforma da loja");
    }

    [Fact]
    public async Task Another_salesperson_of_the_tenant_can_be_named()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var seller = await seed.UserAsync("Carla Vendas");

        var order = await seed.CreateOrderAsync(new { customerId, salespersonId = seller, items = new[] { new { kind = "service", serviceId, quantity = 1m } } });

        order.GetProperty("salespersonName").GetString().ShouldBe("Carla Vendas");
    }

    [Fact]
    public async Task Updates_need_the_current_etag()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(Body(customerId, serviceId));
        var path = $"/api/sales-orders/{order.GetProperty("id").GetString()}";

        var missing = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, path, Body(customerId, serviceId), null);
        await missing.ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var updated = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, path, Body(customerId, serviceId, quantity: 5), order.GetProperty("etag").GetString());
        var saved = await updated.ReadAsync<JsonElement>();
        saved.GetProperty("totals").GetProperty("gross").GetDecimal().ShouldBe(1250m);
        updated.Headers.ETag!.ToString().ShouldBe(saved.GetProperty("etag").GetString());

        var stale = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, path, Body(customerId, serviceId, quantity: 6), order.GetProperty("etag").GetString());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
    }

    [Fact]
    public async Task Editing_keeps_line_ids_and_the_customer_can_change_only_in_a_proposal()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var other = await seed.CustomerAsync("Mercado Boa Vista");
        var order = await seed.CreateOrderAsync(Body(customerId, serviceId));
        var id = order.GetProperty("id").GetString()!;
        var lineId = order.GetProperty("items")[0].GetProperty("id").GetString();

        var moved = await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/sales-orders/{id}", new
        {
            customerId = other,
            items = new[] { new { id = lineId, kind = "service", serviceId, quantity = 1m } },
        }, order.GetProperty("etag").GetString())).ReadAsync<JsonElement>();

        moved.GetProperty("customerName").GetString().ShouldBe("Mercado Boa Vista");
        moved.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(lineId);
        (await seed.RowsAsync($"order-customer|{customerId}|")).ShouldBeEmpty();
        (await seed.RowsAsync($"order-customer|{other}|")).Single().GetString("OrderId").ShouldBe(id);

        var confirmed = await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, moved.GetProperty("etag").GetString()))
            .ReadAsync<JsonElement>();
        var refused = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/sales-orders/{id}", new { customerId }, confirmed.GetProperty("etag").GetString());
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors").GetProperty("customerId")[0]
            .GetString().ShouldBe("O cliente só pode ser alterado enquanto o pedido é uma proposta.");
    }

    [Fact]
    public async Task Status_machine_through_the_api_with_portuguese_refusals()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(Body(customerId, serviceId));
        var id = order.GetProperty("id").GetString()!;

        var approved = await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{id}/approve", null, order.GetProperty("etag").GetString()))
            .ReadAsync<JsonElement>();
        approved.GetProperty("status").GetString().ShouldBe("Aprovado");

        var edit = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/sales-orders/{id}", Body(customerId, serviceId), approved.GetProperty("etag").GetString());
        (await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("A proposta já foi aprovada pelo cliente e não pode ser alterada.");

        var confirmed = await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, approved.GetProperty("etag").GetString()))
            .ReadAsync<JsonElement>();
        confirmed.GetProperty("status").GetString().ShouldBe("Pedido");

        var again = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, confirmed.GetProperty("etag").GetString());
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString().ShouldBe("O pedido já está confirmado.");

        var cancelled = await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{id}/cancel", new { reason = "Cliente desistiu" }, confirmed.GetProperty("etag").GetString()))
            .ReadAsync<JsonElement>();
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelado");
        cancelled.GetProperty("cancelReason").GetString().ShouldBe("Cliente desistiu");

        var audit = await seed.RowsAsync($"audit|order|{id}|");
        audit.Select(a => a.GetString("Action")).ShouldBe(["created", "approved", "confirmed", "cancelled"]);
        audit.ShouldAllBe(a => a.GetString("ActorId") == seed.Tenant.AdminUserId);
    }

    [Fact]
    public async Task An_empty_proposal_cannot_be_confirmed()
    {
        var (seed, customerId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(new { customerId });

        var response = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{order.GetProperty("id").GetString()}/confirm", null, order.GetProperty("etag").GetString());

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("O pedido não tem itens: inclua ao menos um item antes de confirmar.");
    }

    [Fact]
    public async Task Lists_page_newest_first_and_filter_by_status_customer_and_accent_free_text()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var other = await seed.CustomerAsync("Açougue São João");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await seed.CreateOrderAsync(Body(i == 4 ? other : customerId, serviceId))).GetProperty("id").GetString()!);
        }

        var firstOrder = await (await seed.Admin.GetAsync($"/api/sales-orders/{ids[0]}")).ReadAsync<JsonElement>();
        await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{ids[0]}/confirm", null, firstOrder.GetProperty("etag").GetString());

        var page1 = await (await seed.Admin.GetAsync("/api/sales-orders?pageSize=3")).ReadAsync<JsonElement>();
        page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([ids[4], ids[3], ids[2]]);
        var token = page1.GetProperty("continuation").GetString();
        var page2 = await (await seed.Admin.GetAsync($"/api/sales-orders?pageSize=3&continuation={token}")).ReadAsync<JsonElement>();
        page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([ids[1], ids[0]]);
        page2.GetProperty("continuation").ValueKind.ShouldBe(JsonValueKind.Null);

        var pedidos = await (await seed.Admin.GetAsync("/api/sales-orders?status=pedido")).ReadAsync<JsonElement>();
        pedidos.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([ids[0]]);
        pedidos.GetProperty("items")[0].GetProperty("statusLabel").GetString().ShouldBe("Pedido");

        var search = await (await seed.Admin.GetAsync("/api/sales-orders?q=acougue%20SAO")).ReadAsync<JsonElement>();
        search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([ids[4]]);

        var byCustomer = await (await seed.Admin.GetAsync($"/api/sales-orders?customerId={other}")).ReadAsync<JsonElement>();
        byCustomer.GetProperty("items").GetArrayLength().ShouldBe(1);

        var badStatus = await seed.Admin.GetAsync("/api/sales-orders?status=enviado");
        await badStatus.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
    }

    [Fact]
    public async Task Defaults_tell_the_form_what_the_settings_show()
    {
        var (seed, _, _) = await ArrangeAsync();
        await seed.OrderCrmSettingsAsync(defaultGenerate: true, showProjectAndContract: false);

        var defaults = await (await app.Staff(seed.Tenant, Roles.Sales).GetAsync("/api/sales-orders/defaults")).ReadAsync<JsonElement>();

        defaults.GetProperty("integrationEnabled").GetBoolean().ShouldBeTrue();
        defaults.GetProperty("generateOpportunity").GetBoolean().ShouldBeTrue();
        defaults.GetProperty("showProjectAndContract").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Operations_and_finance_read_orders_but_only_sales_and_admin_write_them()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(Body(customerId, serviceId));
        var id = order.GetProperty("id").GetString();

        var operations = app.Staff(seed.Tenant, Roles.Operations);
        (await operations.GetAsync($"/api/sales-orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await operations.PostAsJsonAsync("/api/sales-orders", Body(customerId, serviceId), JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await SalesSeed.SendAsync(app.Staff(seed.Tenant, Roles.Finance), HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, order.GetProperty("etag").GetString()))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await app.Staff(seed.Tenant, Roles.Sales).PostAsJsonAsync("/api/sales-orders", Body(customerId, serviceId), JsonDefaults.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await app.Customer(seed.Tenant, customerId).GetAsync($"/api/sales-orders/{id}"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_not_found()
    {
        var (seed, _, _) = await ArrangeAsync();

        await (await seed.Admin.GetAsync($"/api/sales-orders/{Ids.New()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await seed.Admin.GetAsync("/api/sales-orders/x%7Cy")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }
}
