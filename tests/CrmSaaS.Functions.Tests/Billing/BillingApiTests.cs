using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.Billing;

/// <summary>Billing end to end against Azurite: the task gate, invoices with their DPS, concurrency and cancellation.</summary>
public sealed class BillingApiTests(BillingApp app) : IClassFixture<BillingApp>
{
    private static string ItemId(JsonElement order, int index) => order.GetProperty("items")[index].GetProperty("id").GetString()!;

    private static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    [Fact]
    public async Task Partial_billing_of_10_of_15_is_allowed_with_10_tasks_done_and_11_is_refused_naming_the_item()
    {
        var world = await BillingWorld.CreateAsync(app);
        var service = await world.ServiceAsync("Instalação de câmera", 150m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 15)], generateTasks: true);
        var orderId = Id(order);
        var itemId = ItemId(order, 0);
        await world.CompleteTasksAsync(orderId, itemId, 10);

        var viewResponse = await world.Admin.GetAsync($"/api/sales-orders/{orderId}/billing");
        viewResponse.StorageTransactions().ShouldBeLessThanOrEqualTo(3, "the order, one scan of its task index, one scan of its invoices");
        var view = await viewResponse.ReadAsync<JsonElement>();
        var line = view.GetProperty("items")[0];
        (line.GetProperty("quantity").GetDecimal(), line.GetProperty("tasksCompleted").GetInt32(), line.GetProperty("billed").GetDecimal(), line.GetProperty("billableNow").GetDecimal())
            .ShouldBe((15m, 10, 0m, 10m));

        var refused = await world.BillAsync(orderId, new { items = new[] { new { itemId, quantity = 11m } } });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.BillingBlocked);
        var blocked = problem.GetProperty("blockedItems")[0];
        blocked.GetProperty("description").GetString().ShouldBe("Instalação de câmera");
        blocked.GetProperty("completed").GetInt32().ShouldBe(10);
        blocked.GetProperty("billed").GetDecimal().ShouldBe(0m);
        blocked.GetProperty("requested").GetDecimal().ShouldBe(11m);
        (await world.Seed.RowsAsync("invoice|")).ShouldBeEmpty();

        var issued = await world.BillAsync(orderId, new { items = new[] { new { itemId, quantity = 10m } } });
        var created = await issued.ReadAsync<JsonElement>(HttpStatusCode.Created);
        issued.StorageTransactions().ShouldBeLessThanOrEqualTo(12, "settings, order, tasks, customer, counter, service, DPS blob, one batch, queue, receivables");
        var invoice = created.GetProperty("invoice");
        invoice.GetProperty("number").GetInt64().ShouldBe(1);
        invoice.GetProperty("total").GetDecimal().ShouldBe(1500m);
        invoice.GetProperty("issAmount").GetDecimal().ShouldBe(37.5m, "2,5% of R$ 1.500,00");
        invoice.GetProperty("nfseStatus").GetString().ShouldBe("queued");

        var after = await world.GetOrderAsync(orderId);
        after.GetProperty("status").GetString().ShouldBe("FaturadoParcial");
        after.GetProperty("items")[0].GetProperty("billedQuantity").GetDecimal().ShouldBe(10m);
        await (await world.BillAsync(orderId, new { items = new[] { new { itemId, quantity = 1m } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.BillingBlocked);
    }

    [Fact]
    public async Task Full_billing_needs_every_task_done_then_bills_everything_with_a_valid_DPS_sent_through_the_fake()
    {
        var world = await BillingWorld.CreateAsync(app);
        var install = await world.ServiceAsync("Instalação de câmera", 150m);
        var dvr = await world.ServiceAsync("Configuração de DVR", 90m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(install, 3), BillingWorld.ServiceItem(dvr, 2)], generateTasks: true);
        var orderId = Id(order);
        await world.CompleteTasksAsync(orderId, ItemId(order, 0), 3);
        await world.CompleteTasksAsync(orderId, ItemId(order, 1), 1);

        var problem = await (await world.BillAsync(orderId)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.BillingBlocked);
        problem.GetProperty("blockedItems").GetArrayLength().ShouldBe(1);
        problem.GetProperty("detail").GetString()!.ShouldContain("Configuração de DVR");

        await world.CompleteTasksAsync(orderId, ItemId(order, 1), lastUnit: 2, firstUnit: 2);
        var created = await (await world.BillAsync(orderId, new { issWithheld = true })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var invoice = created.GetProperty("invoice");
        invoice.GetProperty("total").GetDecimal().ShouldBe(630m);
        invoice.GetProperty("issWithheld").GetBoolean().ShouldBeTrue();
        invoice.GetProperty("amountReceivable").GetDecimal().ShouldBe(630m - 15.75m);
        (await world.GetOrderAsync(orderId)).GetProperty("status").GetString().ShouldBe("Faturado");

        var xml = await (await world.Admin.GetAsync($"/api/invoices/{Id(invoice)}/dps")).Content.ReadAsStringAsync();
        DpsValidator.Validate(xml).ShouldBeEmpty();
        xml.ShouldContain("<vServ>630.00</vServ>");
        xml.ShouldContain("<tpRetISSQN>2</tpRetISSQN>");
        xml.ShouldContain("Id=\"" + invoice.GetProperty("dpsId").GetString() + "\"");

        (await app.DrainQueuesAsync()).ShouldBe(1);
        var sent = (await (await world.Admin.GetAsync($"/api/invoices/{Id(invoice)}")).ReadAsync<JsonElement>()).GetProperty("invoice");
        sent.GetProperty("nfseStatus").GetString().ShouldBe("accepted");
        sent.GetProperty("nfseGateway").GetString().ShouldBe("local-fake");
        sent.GetProperty("nfseKey").GetString()!.ShouldStartWith("LOCAL");
        (await app.DrainQueuesAsync()).ShouldBe(0);

        var listed = await (await world.Admin.GetAsync($"/api/invoices?customerId={world.CustomerId}")).ReadAsync<JsonElement>();
        listed.GetProperty("items")[0].GetProperty("nfseStatus").GetString().ShouldBe("accepted");
    }

    [Fact]
    public async Task Parallel_billings_of_one_order_never_bill_more_than_it_has()
    {
        var world = await BillingWorld.CreateAsync(app);
        var service = await world.ServiceAsync("Manutenção preventiva", 100m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 15)], generateTasks: true);
        var orderId = Id(order);
        var itemId = ItemId(order, 0);
        await world.CompleteTasksAsync(orderId, itemId, 15);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            world.BillAsync(orderId, new { items = new[] { new { itemId, quantity = 5m } } })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.StatusCode)
            .ShouldAllBe(s => s == HttpStatusCode.BadRequest || s == HttpStatusCode.Conflict);
        var after = await world.GetOrderAsync(orderId);
        after.GetProperty("items")[0].GetProperty("billedQuantity").GetDecimal().ShouldBe(15m);
        after.GetProperty("status").GetString().ShouldBe("Faturado");
        var invoices = await world.Seed.RowsAsync("invoice|");
        invoices.Select(r => r.GetInt64("Number")).Order().ShouldBe([1L, 2L, 3L]);
        invoices.Sum(r => r.GetDecimal("Total")).ShouldBe(1500m);
    }

    [Fact]
    public async Task Receivables_follow_the_terms_and_add_up_exactly_and_can_be_paid_and_listed()
    {
        var world = await BillingWorld.CreateAsync(app);
        var product = await world.ProductAsync("Câmera IP 4MP", 100m, 50m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ProductItem(product, 1)], paymentTerms: "30/60/90");

        var created = await (await world.BillAsync(Id(order))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        created.GetProperty("invoice").GetProperty("nfseStatus").GetString().ShouldBe("not-applicable", "products only: no service invoice");
        var receivables = created.GetProperty("receivables").EnumerateArray().ToList();
        receivables.Select(r => r.GetProperty("amount").GetDecimal()).ShouldBe([33.33m, 33.33m, 33.34m]);
        var today = CrmSaaS.Functions.Common.BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow);
        receivables.Select(r => r.GetProperty("dueDate").GetString()).ShouldBe([today.AddDays(30).ToString("yyyy-MM-dd"), today.AddDays(60).ToString("yyyy-MM-dd"), today.AddDays(90).ToString("yyyy-MM-dd")]);

        var inRange = await (await world.Admin.GetAsync(
            $"/api/receivables?customerId={world.CustomerId}&dueFrom={today.AddDays(31):yyyy-MM-dd}&dueTo={today.AddDays(90):yyyy-MM-dd}")).ReadAsync<JsonElement>();
        inRange.GetProperty("items").GetArrayLength().ShouldBe(2);

        var first = (await (await world.Admin.GetAsync("/api/receivables?status=open&pageSize=1")).ReadAsync<JsonElement>()).GetProperty("items")[0];
        var paid = await SalesSeed.SendAsync(world.Admin, HttpMethod.Post, $"/api/receivables/{Id(first)}/pay",
            new { paidOn = today.ToString("yyyy-MM-dd"), amount = 33.33m }, first.GetProperty("etag").GetString());
        var body = await paid.ReadAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("paid");
        var again = await SalesSeed.SendAsync(world.Admin, HttpMethod.Post, $"/api/receivables/{Id(first)}/pay",
            new { paidOn = today.ToString("yyyy-MM-dd"), amount = 33.33m }, body.GetProperty("etag").GetString());
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        (await (await world.Admin.GetAsync($"/api/receivables?customerId={world.CustomerId}&status=open")).ReadAsync<JsonElement>())
            .GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_an_invoice_reverts_billed_quantities_and_cancels_its_receivables_with_an_audit_trail()
    {
        var world = await BillingWorld.CreateAsync(app);
        var service = await world.ServiceAsync("Treinamento de porteiros", 200m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 2)], paymentTerms: "0/30");
        var created = await (await world.BillAsync(Id(order))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var invoice = created.GetProperty("invoice");
        (await world.GetOrderAsync(Id(order))).GetProperty("status").GetString().ShouldBe("Faturado");

        var finance = app.StaffUser(world.Seed.Tenant, "fin-1", "Fernanda Financeiro", Roles.Finance);
        var sales = app.StaffUser(world.Seed.Tenant, "sal-1", "Sérgio Vendas", Roles.Sales);
        var path = $"/api/invoices/{Id(invoice)}/cancel";
        (await SalesSeed.SendAsync(sales, HttpMethod.Post, path, new { reason = "Erro" }, invoice.GetProperty("etag").GetString()))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await SalesSeed.SendAsync(finance, HttpMethod.Post, path, new { reason = "Erro" }, null))
            .ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var cancelled = await (await SalesSeed.SendAsync(finance, HttpMethod.Post, path, new { reason = "Valor digitado errado" }, invoice.GetProperty("etag").GetString()))
            .ReadAsync<JsonElement>();
        cancelled.GetProperty("invoice").GetProperty("status").GetString().ShouldBe("cancelled");
        cancelled.GetProperty("receivables").EnumerateArray().ShouldAllBe(r => r.GetProperty("status").GetString() == "cancelled");

        var after = await world.GetOrderAsync(Id(order));
        after.GetProperty("status").GetString().ShouldBe("Pedido");
        after.GetProperty("items")[0].GetProperty("billedQuantity").GetDecimal().ShouldBe(0m);
        var audit = await world.Seed.RowsAsync($"audit|invoice|{Id(invoice)}|");
        audit.Select(a => a.GetString("Action")).ShouldBe(["issued", "cancelled"], ignoreOrder: true);
        audit.Single(a => a.GetString("Action") == "cancelled").GetString("ActorName").ShouldBe("Fernanda Financeiro");

        var rebilled = await (await world.BillAsync(Id(order), client: finance)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        rebilled.GetProperty("invoice").GetProperty("number").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Orders_that_are_not_confirmed_do_not_bill_and_sales_staff_cannot_issue()
    {
        var world = await BillingWorld.CreateAsync(app);
        var service = await world.ServiceAsync("Vistoria", 80m);
        var proposal = await world.Seed.CreateOrderAsync(new { customerId = world.CustomerId, items = new[] { BillingWorld.ServiceItem(service, 1) } });

        await (await world.BillAsync(Id(proposal))).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        (await world.BillAsync(Id(proposal), client: app.StaffUser(world.Seed.Tenant, "s", "Vendedor", Roles.Sales))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Services_need_the_fiscal_settings_before_an_invoice_is_issued()
    {
        var world = await BillingWorld.CreateAsync(app, configureFiscal: false);
        var service = await world.ServiceAsync("Vistoria", 80m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 1)]);

        var problem = await (await world.BillAsync(Id(order))).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        problem.GetProperty("detail").GetString()!.ShouldContain("dados fiscais");
        (await world.GetOrderAsync(Id(order))).GetProperty("items")[0].GetProperty("billedQuantity").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Without_a_configured_gateway_the_invoice_waits_for_the_certificate_and_nothing_is_sent()
    {
        await using var plain = new CrmApp();
        await plain.InitializeAsync();
        var world = await BillingWorld.CreateAsync(plain);
        var service = await world.ServiceAsync("Vistoria", 80m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 1)]);
        var invoice = (await (await world.BillAsync(Id(order))).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("invoice");

        await plain.DrainQueuesAsync();

        var shown = (await (await world.Admin.GetAsync($"/api/invoices/{Id(invoice)}")).ReadAsync<JsonElement>()).GetProperty("invoice");
        shown.GetProperty("nfseStatus").GetString().ShouldBe("pending-certificate");
        shown.GetProperty("nfseKey").GetString().ShouldBeEmpty();
        shown.GetProperty("nfseMessage").GetString()!.ShouldContain("certificado digital ICP-Brasil A1");
    }

    [Fact]
    public async Task Services_taxed_differently_cannot_share_one_invoice_but_bill_separately()
    {
        var world = await BillingWorld.CreateAsync(app);
        var install = await world.ServiceAsync("Instalação de câmera", 150m, issRate: 2m, nationalTaxCode: "140101");
        var software = await world.ServiceAsync("Licenciamento de software", 90m, issRate: 5m, nationalTaxCode: "010501");
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(install, 1), BillingWorld.ServiceItem(software, 1)]);

        var problem = await (await world.BillAsync(Id(order))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("detail").GetString()!.ShouldContain("fature-os em notas separadas");

        var first = await (await world.BillAsync(Id(order), new { items = new[] { new { itemId = ItemId(order, 0), quantity = 1m } } })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        first.GetProperty("invoice").GetProperty("issAmount").GetDecimal().ShouldBe(3m);
        var second = await (await world.BillAsync(Id(order))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        second.GetProperty("invoice").GetProperty("issAmount").GetDecimal().ShouldBe(4.5m);
        second.GetProperty("invoice").GetProperty("lines").GetArrayLength().ShouldBe(1, "full billing bills only what is left");

        var issued = await (await world.Admin.GetAsync($"/api/invoices?orderId={Id(order)}&status=issued")).ReadAsync<JsonElement>();
        issued.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt64()).ShouldBe([1L, 2L], ignoreOrder: true);
    }

    [Fact]
    public async Task An_invoice_cancelled_before_the_send_step_runs_is_never_sent()
    {
        var world = await BillingWorld.CreateAsync(app);
        var service = await world.ServiceAsync("Vistoria", 80m);
        var order = await world.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 1)]);
        var invoice = (await (await world.BillAsync(Id(order))).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("invoice");
        await (await SalesSeed.SendAsync(world.Admin, HttpMethod.Post, $"/api/invoices/{Id(invoice)}/cancel", new { reason = "Emitida por engano" }, invoice.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        await app.DrainQueuesAsync();

        var shown = (await (await world.Admin.GetAsync($"/api/invoices/{Id(invoice)}")).ReadAsync<JsonElement>()).GetProperty("invoice");
        shown.GetProperty("nfseStatus").GetString().ShouldBe("not-sent");
        shown.GetProperty("nfseKey").GetString().ShouldBeEmpty();
        (await world.Seed.RowsAsync($"audit|invoice|{Id(invoice)}|")).ShouldNotContain(a => a.GetString("Action")!.StartsWith("nfse-"));
    }
}
