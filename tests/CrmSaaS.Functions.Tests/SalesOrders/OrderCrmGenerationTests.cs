using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Tests.SalesOrders;

/// <summary>
/// Centrium "Integração Pedido de Venda X CRM" end to end: confirming an order with "gerar oportunidade" runs the
/// order-events step, which creates the opportunity and one task per unit of each service item, exactly once.
/// </summary>
public sealed class OrderCrmGenerationTests(CrmApp app) : IClassFixture<CrmApp>
{
    private async Task<(SalesSeed Seed, string CustomerId, string[] Services, string ProductId, string AssigneeId)> ArrangeAsync(bool defaultGenerate = true)
    {
        var seed = new SalesSeed(app, CrmApp.NewTenant());
        var assignee = await seed.UserAsync("Técnica Joana");
        await seed.OrderCrmSettingsAsync(defaultGenerate: defaultGenerate, stageId: "proposta", taskAssigneeId: assignee, taskAssigneeName: "Técnica Joana", taskDueDays: 5);
        var customer = await seed.CustomerAsync("Condomínio Jardim das Flores");
        var services = new[]
        {
            await seed.ServiceAsync("Instalação de câmera", 150m),
            await seed.ServiceAsync("Configuração de DVR", 90m),
            await seed.ServiceAsync("Treinamento de porteiros", 200m),
        };
        var product = await seed.ProductAsync("Câmera IP 4MP", 399.90m);
        return (seed, customer, services, product, assignee);
    }

    private static object OrderBody(string customerId, string[] services, string productId, bool? generate = null, string? project = "Portaria Norte", params decimal[] quantities) => new
    {
        customerId,
        project,
        paymentTerms = "30/60",
        generateOpportunity = generate,
        items = services.Select((s, i) => (object)new { kind = "service", serviceId = s, quantity = quantities.Length > i ? quantities[i] : 1m })
            .Append(new { kind = "product", productId, quantity = 15m, note = "Garantia de 12 meses" })
            .ToList(),
    };

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, string etag, object? body = null)
    {
        var response = await SalesSeed.SendAsync(client, HttpMethod.Post, path, body, etag);
        return await response.ReadAsync<JsonElement>();
    }

    [Fact]
    public async Task Confirming_an_order_generates_the_opportunity_and_one_task_per_service_unit_within_the_budget()
    {
        var (seed, customerId, services, productId, assigneeId) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [15, 10, 5]));
        await app.DrainQueuesAsync(); // the new proposal's PDF step, so the counts below are the order → CRM step's
        var orderId = order.GetProperty("id").GetString()!;
        order.GetProperty("generateOpportunity").GetBoolean().ShouldBeTrue("the settings default the box to checked");
        order.GetProperty("opportunityGeneration").GetString().ShouldBe("on-confirm");
        order.GetProperty("tasksExpected").GetInt32().ShouldBe(30);

        var confirmed = await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        confirmed.GetProperty("status").GetString().ShouldBe("Pedido");
        confirmed.GetProperty("opportunityGeneration").GetString().ShouldBe("pending");

        long tableTransactions;
        using (var scope = StorageTransactions.BeginScope())
        {
            (await app.DrainQueuesAsync()).ShouldBe(1);
            tableTransactions = scope.TableCount;
        }

        tableTransactions.ShouldBeLessThanOrEqualTo(4, "reading the order, the settings and the stage counters, then one batch");

        var shown = await (await seed.Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();
        var number = shown.GetProperty("number").GetInt64();
        shown.GetProperty("opportunityGeneration").GetString().ShouldBe("done");
        shown.GetProperty("tasksGenerated").GetInt32().ShouldBe(30);
        shown.GetProperty("opportunityId").GetString().ShouldBe("ord-" + orderId);
        var badge = shown.GetProperty("opportunity");
        badge.GetProperty("title").GetString().ShouldBe($"Pedido {number} - Condomínio Jardim das Flores - Portaria Norte");
        badge.GetProperty("status").GetString().ShouldBe("open");
        badge.GetProperty("stageName").GetString().ShouldBe("Proposta");

        var opportunity = (await seed.RowAsync("opportunity|ord-" + orderId))!;
        opportunity.GetString("OriginOrderId").ShouldBe(orderId);
        opportunity.GetInt64("OriginOrderNumber").ShouldBe(number);
        opportunity.GetString("Origin").ShouldBe("sales-order");
        opportunity.GetString("Project").ShouldBe("Portaria Norte");
        opportunity.GetDecimal("TicketTotal").ShouldBe(shown.GetProperty("totals").GetProperty("total").GetDecimal());
        (await seed.RowsAsync($"doc-opp|ord-{orderId}|sales-order|")).Single().GetString("DocumentId").ShouldBe(orderId);
        (await seed.RowAsync("opp-stage|proposta|ord-" + orderId)).ShouldNotBeNull();
        (await seed.RowsAsync("opp-stage-stats|proposta|")).Sum(r => r.GetInt64("Count")).ShouldBe(1);

        var tasks = (await seed.RowsAsync("task|")).Where(t => t.GetString("OrderId") == orderId).ToList();
        tasks.Count.ShouldBe(30);
        tasks.GroupBy(t => t.GetString("Subject")).ToDictionary(g => g.Key!, g => g.Count()).ShouldBe(new Dictionary<string, int>
        {
            ["Instalação de câmera"] = 15,
            ["Configuração de DVR"] = 10,
            ["Treinamento de porteiros"] = 5,
        }, ignoreOrder: true);
        tasks.ShouldAllBe(t => t.GetString("OpportunityId") == "ord-" + orderId && t.GetString("Status") == "open");
        tasks.ShouldAllBe(t => t.GetString("AssigneeId") == assigneeId && t.GetString("AssigneeName") == "Técnica Joana");
        var due = SalesOrder.FormatDate(BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow).AddDays(5));
        tasks.ShouldAllBe(t => t.GetString("DueDate") == due);
        (await seed.RowsAsync($"task|{orderId}-")).Count.ShouldBe(30);
        (await seed.RowsAsync($"task-opp-order|ord-{orderId}|")).Single().GetString("OrderId").ShouldBe(orderId);
    }

    [Fact]
    public async Task A_redelivered_message_creates_nothing_twice_and_writes_nothing()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [4, 3, 2]));
        var orderId = order.GetProperty("id").GetString()!;
        await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        await app.DrainQueuesAsync();
        var before = (await seed.RowAsync(SalesOrder.RowKey(orderId)))!.ETag;

        await app.Service<QueueRuntime>().SendAsync(seed.Tenant.TenantId, "order-events", new OrderEventMessage(orderId, "confirmed"));
        long tableTransactions;
        using (var scope = StorageTransactions.BeginScope())
        {
            (await app.DrainQueuesAsync()).ShouldBe(1);
            tableTransactions = scope.TableCount;
        }

        tableTransactions.ShouldBe(1, "the second run only reads the order");
        (await seed.RowAsync(SalesOrder.RowKey(orderId)))!.ETag.ShouldBe(before);
        (await seed.RowsAsync($"task|{orderId}-")).Count.ShouldBe(9);
        (await seed.RowsAsync("opp-stage-stats|proposta|")).Sum(r => r.GetInt64("Count")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_deliveries_running_at_the_same_time_still_create_each_task_once()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [6, 5, 4]));
        var orderId = order.GetProperty("id").GetString()!;
        await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        var message = JsonSerializer.Serialize(new { tenantId = seed.Tenant.TenantId, body = new OrderEventMessage(orderId, "confirmed") }, JsonDefaults.Options);
        var runtime = app.Service<QueueRuntime>();

        await Task.WhenAll(
            runtime.RunAsync("OrderEvents", message, 1, "a", CancellationToken.None),
            runtime.RunAsync("OrderEvents", message, 1, "b", CancellationToken.None),
            runtime.RunAsync("OrderEvents", message, 2, "c", CancellationToken.None));

        var tasks = await seed.RowsAsync($"task|{orderId}-");
        tasks.Count.ShouldBe(15);
        (await seed.RowsAsync("opp-stage-stats|proposta|")).Sum(r => r.GetInt64("Count")).ShouldBe(1);
        var shown = await (await seed.Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();
        shown.GetProperty("tasksGenerated").GetInt32().ShouldBe(15);
        await app.DrainQueuesAsync();
    }

    [Fact]
    public async Task An_order_with_thousands_of_units_costs_a_batch_per_hundred_tasks_across_messages()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [1200, 700, 150]));
        await app.DrainQueuesAsync(); // the new proposal's PDF step, so the counts below are the order → CRM step's
        var orderId = order.GetProperty("id").GetString()!;
        await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);

        int handled;
        long tableTransactions;
        using (var scope = StorageTransactions.BeginScope())
        {
            handled = await app.DrainQueuesAsync();
            tableTransactions = scope.TableCount;
        }

        handled.ShouldBe(2, "2 050 tasks need more than the 20 batches one run may write, so the step continues in a second message");
        // ⌈2 050 / 100⌉ = 21: one row per task, 99 tasks and the order row per batch, plus each message's few reads.
        tableTransactions.ShouldBeLessThanOrEqualTo(21 + 10);
        (await seed.RowsAsync($"task|{orderId}-")).Count.ShouldBe(2050);
        (await seed.RowsAsync($"task-opp-order|ord-{orderId}|")).Single().GetString("OrderId").ShouldBe(orderId);
        var shown = await (await seed.Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();
        shown.GetProperty("opportunityGeneration").GetString().ShouldBe("done");
        shown.GetProperty("items")[0].GetProperty("tasksGenerated").GetInt32().ShouldBe(1200);
    }

    [Fact]
    public async Task Items_added_to_a_confirmed_order_get_their_tasks_on_the_same_opportunity()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [2, 1, 1]));
        var orderId = order.GetProperty("id").GetString()!;
        var confirmed = await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        await app.DrainQueuesAsync();
        var current = await (await seed.Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();

        var added = await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/items", current.GetProperty("etag").GetString()!, new
        {
            items = new[] { new { kind = "service", description = "Manutenção preventiva", quantity = 3m, unitPrice = 120m } },
        });
        added.GetProperty("opportunityGeneration").GetString().ShouldBe("pending");
        await app.DrainQueuesAsync();

        var tasks = (await seed.RowsAsync("task|")).Where(t => t.GetString("OrderId") == orderId).ToList();
        tasks.Count.ShouldBe(7);
        tasks.Count(t => t.GetString("Subject") == "Manutenção preventiva").ShouldBe(3);
        tasks.ShouldAllBe(t => t.GetString("OpportunityId") == "ord-" + orderId);
        (await seed.RowsAsync("opp-stage-stats|proposta|")).Sum(r => r.GetInt64("Count")).ShouldBe(1);
        confirmed.GetProperty("installments").GetArrayLength().ShouldBe(2);
        added.GetProperty("installments").EnumerateArray().Sum(i => i.GetProperty("amount").GetDecimal())
            .ShouldBe(added.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Raising_a_quantity_in_a_confirmed_order_adds_tasks_for_the_new_units_only()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [2, 1, 1]));
        var orderId = order.GetProperty("id").GetString()!;
        await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        await app.DrainQueuesAsync();
        var current = await (await seed.Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();
        var items = current.GetProperty("items").EnumerateArray().Select(i => new
        {
            id = i.GetProperty("id").GetString(),
            kind = i.GetProperty("kind").GetString(),
            serviceId = i.TryGetProperty("serviceId", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
            productId = i.TryGetProperty("productId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
            quantity = i.GetProperty("id").GetString() == current.GetProperty("items")[0].GetProperty("id").GetString() ? 5m : i.GetProperty("quantity").GetDecimal(),
        }).ToList();

        var response = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/sales-orders/{orderId}",
            new { customerId, project = "Portaria Norte", items }, current.GetProperty("etag").GetString());
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await app.DrainQueuesAsync();

        var units = (await seed.RowsAsync($"task|{orderId}-{items[0].id}-")).Select(r => r.RowKey[^5..]).ToList();
        units.ShouldBe(["00001", "00002", "00003", "00004", "00005"]);
    }

    [Fact]
    public async Task An_order_created_without_the_box_generates_later_with_the_action()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync(defaultGenerate: false);
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [2, 2, 2]));
        await app.DrainQueuesAsync(); // the new proposal's PDF step, so the counts below are the order → CRM step's
        var orderId = order.GetProperty("id").GetString()!;
        order.GetProperty("generateOpportunity").GetBoolean().ShouldBeFalse();
        var confirmed = await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        (await app.DrainQueuesAsync()).ShouldBe(0, "nothing is queued without the box");
        (await seed.RowAsync("opportunity|ord-" + orderId)).ShouldBeNull();

        var requested = await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/generate-opportunity", confirmed.GetProperty("etag").GetString()!);
        requested.GetProperty("generateOpportunity").GetBoolean().ShouldBeTrue();
        requested.GetProperty("opportunityGeneration").GetString().ShouldBe("pending");
        await app.DrainQueuesAsync();

        (await seed.RowAsync("opportunity|ord-" + orderId)).ShouldNotBeNull();
        (await seed.RowsAsync($"task|{orderId}-")).Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_proposal_asked_to_generate_waits_for_its_confirmation()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync(defaultGenerate: false);
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [1, 1, 1]));
        await app.DrainQueuesAsync(); // the new proposal's PDF step, so the counts below are the order → CRM step's
        var orderId = order.GetProperty("id").GetString()!;

        var requested = await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/generate-opportunity", order.GetProperty("etag").GetString()!);

        requested.GetProperty("opportunityGeneration").GetString().ShouldBe("on-confirm");
        (await app.DrainQueuesAsync()).ShouldBe(0);
        await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", requested.GetProperty("etag").GetString()!);
        await app.DrainQueuesAsync();
        (await seed.RowsAsync($"task|{orderId}-")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task With_the_integration_off_the_box_is_refused_and_so_is_the_action()
    {
        var (seed, customerId, services, productId, _) = await ArrangeAsync();
        await seed.OrderCrmSettingsAsync(enabled: false);

        var refused = await seed.Admin.PostAsJsonAsync("/api/sales-orders", OrderBody(customerId, services, productId, generate: true), JsonDefaults.Options);
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("errors").GetProperty("generateOpportunity")[0].GetString()
            .ShouldBe("A geração de oportunidade a partir do pedido está desativada nas configurações.");

        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId));
        order.GetProperty("generateOpportunity").GetBoolean().ShouldBeFalse("the default follows the switched-off integration");
        var action = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{order.GetProperty("id").GetString()}/generate-opportunity",
            null, order.GetProperty("etag").GetString());
        (await action.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("A geração de oportunidade a partir do pedido está desativada nas configurações.");
    }

    [Fact]
    public async Task An_order_of_products_only_links_an_opportunity_without_tasks()
    {
        var (seed, customerId, _, productId, _) = await ArrangeAsync();
        var order = await seed.CreateOrderAsync(new { customerId, items = new[] { new { kind = "product", productId, quantity = 3m } } });
        var orderId = order.GetProperty("id").GetString()!;
        order.GetProperty("tasksExpected").GetInt32().ShouldBe(0);

        await PostAsync(seed.Admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        await app.DrainQueuesAsync();

        var shown = await (await seed.Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();
        shown.GetProperty("opportunityGeneration").GetString().ShouldBe("done");
        shown.GetProperty("opportunity").GetProperty("title").GetString()!.ShouldStartWith("Pedido ");
        (await seed.RowsAsync($"task|{orderId}-")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_generated_opportunity_and_its_tasks_work_in_the_kanban_and_the_central_de_tarefas_like_ones_made_in_the_ui()
    {
        var (seed, customerId, services, productId, assigneeId) = await ArrangeAsync();
        var admin = seed.Admin;
        var order = await seed.CreateOrderAsync(OrderBody(customerId, services, productId, quantities: [3, 2, 1]));
        await app.DrainQueuesAsync(); // the new proposal's PDF step
        var orderId = order.GetProperty("id").GetString()!;
        await PostAsync(admin, $"/api/sales-orders/{orderId}/confirm", order.GetProperty("etag").GetString()!);
        (await app.DrainQueuesAsync()).ShouldBe(1);
        var shown = await (await admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();
        var orderTotal = shown.GetProperty("totals").GetProperty("total").GetDecimal();
        var opportunityId = "ord-" + orderId;

        var board = await (await admin.GetAsync("/api/opportunities/kanban")).ReadAsync<JsonElement>();
        var column = board.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "proposta");
        column.GetProperty("count").GetInt32().ShouldBe(1);
        column.GetProperty("total").GetDecimal().ShouldBe(orderTotal);
        var card = column.GetProperty("items").EnumerateArray().Single();
        card.GetProperty("id").GetString().ShouldBe(opportunityId);
        card.GetProperty("ticketTotal").GetDecimal().ShouldBe(orderTotal);

        var opportunity = await (await admin.GetAsync($"/api/opportunities/{opportunityId}")).ReadAsync<JsonElement>();
        opportunity.GetProperty("origin").GetString().ShouldBe("sales-order");
        opportunity.GetProperty("originOrderId").GetString().ShouldBe(orderId);
        opportunity.GetProperty("customerId").GetString().ShouldBe(customerId);
        opportunity.GetProperty("etag").GetString().ShouldBe(card.GetProperty("etag").GetString(), "the card and the record carry the same version");
        opportunity.GetProperty("ticket").GetProperty("lines").GetArrayLength().ShouldBe(4);

        var listed = await (await admin.GetAsync("/api/sales-orders")).ReadAsync<JsonElement>();
        listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == orderId)
            .GetProperty("opportunityId").GetString().ShouldBe(opportunityId, "the order list links the generated opportunity");

        var byOrder = await (await admin.GetAsync($"/api/tasks?orderId={orderId}&pageSize=50")).ReadAsync<JsonElement>();
        var tasks = byOrder.GetProperty("items").EnumerateArray().ToList();
        tasks.Count.ShouldBe(6);
        tasks.ShouldAllBe(t => t.GetProperty("opportunityId").GetString() == opportunityId
            && t.GetProperty("opportunityTitle").GetString() == opportunity.GetProperty("title").GetString()
            && t.GetProperty("orderNumber").GetInt64() == shown.GetProperty("number").GetInt64()
            && t.GetProperty("assigneeId").GetString() == assigneeId
            && t.GetProperty("origin").GetString() == "sales-order"
            && t.GetProperty("status").GetString() == "open");
        tasks.Select(t => t.GetProperty("subject").GetString()).ShouldBe(
            ["Instalação de câmera", "Instalação de câmera", "Instalação de câmera", "Configuração de DVR", "Configuração de DVR", "Treinamento de porteiros"],
            ignoreOrder: true);

        foreach (var task in tasks.Where(t => t.GetProperty("subject").GetString() == "Instalação de câmera").Take(2))
        {
            var done = await PostAsync(admin, $"/api/tasks/{task.GetProperty("id").GetString()}/complete", task.GetProperty("etag").GetString()!);
            done.GetProperty("status").GetString().ShouldBe("done");
            done.GetProperty("completedBy").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        var doneByOrder = await (await admin.GetAsync($"/api/tasks?orderId={orderId}&status=done")).ReadAsync<JsonElement>();
        doneByOrder.GetProperty("items").GetArrayLength().ShouldBe(2);
        var openOfOpportunity = await (await admin.GetAsync($"/api/tasks?opportunityId={opportunityId}&status=open")).ReadAsync<JsonElement>();
        openOfOpportunity.GetProperty("items").GetArrayLength().ShouldBe(4);
        var byAssignee = await (await admin.GetAsync($"/api/tasks?assigneeId={assigneeId}&status=open")).ReadAsync<JsonElement>();
        byAssignee.GetProperty("items").GetArrayLength().ShouldBe(4);
        var ofOpportunity = await (await admin.GetAsync($"/api/opportunities/{opportunityId}/tasks")).ReadAsync<JsonElement>();
        ofOpportunity.GetProperty("items").GetArrayLength().ShouldBe(6);

        var moved = await PostAsync(admin, $"/api/opportunities/{opportunityId}/move", card.GetProperty("etag").GetString()!, new { stageId = "negociacao" });
        moved.GetProperty("stageId").GetString().ShouldBe("negociacao");
        var after = await (await admin.GetAsync("/api/opportunities/kanban")).ReadAsync<JsonElement>();
        after.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "proposta").GetProperty("count").GetInt32().ShouldBe(0);
        after.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "negociacao").GetProperty("total").GetDecimal().ShouldBe(orderTotal);
    }
}
