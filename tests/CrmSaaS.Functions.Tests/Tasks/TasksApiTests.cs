using System.Net;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tasks;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.Opportunities;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;
using CrmSaaS.Functions.Opportunities;
using static CrmSaaS.Functions.Opportunities.OpportunitiesApi;
using static CrmSaaS.Functions.Tasks.TasksApi;

namespace CrmSaaS.Functions.Tests.Tasks;

public sealed class TasksApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static async Task<TaskResponse> CreateAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/tasks", body)).ReadAsync<TaskResponse>(HttpStatusCode.Created);

    private async Task<OpportunityResponse> OpportunityAsync(TestTenant tenant, string title)
    {
        var account = await app.AccountAsync(tenant, "Conta " + title);
        return await (await app.Staff(tenant).PostJsonAsync("/api/opportunities", new { title, accountId = account }))
            .ReadAsync<OpportunityResponse>(HttpStatusCode.Created);
    }

    private static async Task<Page<TaskResponse>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync("/api/tasks" + query)).ReadAsync<Page<TaskResponse>>();

    [Fact]
    public async Task Create_read_update_and_delete_a_task_of_an_opportunity()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var opportunity = await OpportunityAsync(tenant, "Implantação");
        var other = await OpportunityAsync(tenant, "Suporte");
        var technician = await app.UserAsync(tenant, "Carlos Técnico", role: "operations");

        var task = await CreateAsync(admin, new { subject = "Visitar o cliente", description = "Levar catálogo", opportunityId = opportunity.Id, dueDate = "2026-04-10" });
        task.OpportunityTitle.ShouldBe("Implantação");
        task.AssigneeId.ShouldBe(tenant.AdminUserId);
        task.Status.ShouldBe("open");
        task.Origin.ShouldBe("manual");
        task.DueDate.ShouldBe(new DateOnly(2026, 4, 10));

        var read = await admin.GetAsync($"/api/tasks/{task.Id}");
        (await read.ReadAsync<TaskResponse>()).Description.ShouldBe("Levar catálogo");
        read.ETagHeader().ShouldBe(task.Etag);

        var body = new { subject = "Visitar o cliente (2ª visita)", opportunityId = other.Id, assigneeId = technician, dueDate = "2026-04-12" };
        await (await admin.PutJsonAsync($"/api/tasks/{task.Id}", body)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var updated = await (await admin.PutJsonAsync($"/api/tasks/{task.Id}", body, task.Etag)).ReadAsync<TaskResponse>();
        updated.AssigneeName.ShouldBe("Carlos Técnico");
        updated.OpportunityTitle.ShouldBe("Suporte");
        updated.Description.ShouldBeNull();
        await (await admin.PutJsonAsync($"/api/tasks/{task.Id}", body, task.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        // The opportunity index moved with the task.
        var ofFirst = await (await admin.GetAsync($"/api/opportunities/{opportunity.Id}/tasks")).ReadAsync<Page<TaskResponse>>();
        ofFirst.Items.ShouldBeEmpty();
        var ofOther = await (await admin.GetAsync($"/api/opportunities/{other.Id}/tasks")).ReadAsync<Page<TaskResponse>>();
        ofOther.Items.Single().Subject.ShouldBe("Visitar o cliente (2ª visita)");
        ofOther.Items.Single().Etag.ShouldBe(updated.Etag);

        await (await admin.DeleteIfMatchAsync($"/api/tasks/{task.Id}", task.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        (await admin.DeleteIfMatchAsync($"/api/tasks/{task.Id}", updated.Etag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/tasks/{task.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await app.RowsAsync(tenant, $"task-opp|{other.Id}|")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Writes_are_validated_in_portuguese_and_finance_only_reads()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var disabled = await app.UserAsync(tenant, "Ex-funcionário", status: "disabled");

        var response = await admin.PostJsonAsync("/api/tasks", new { subject = "", opportunityId = "nao-existe", assigneeId = disabled });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors");
        errors.GetProperty("subject")[0].GetString().ShouldBe("Informe o assunto da tarefa.");
        errors.GetProperty("opportunityId")[0].GetString().ShouldBe("A oportunidade escolhida não existe.");
        errors.GetProperty("assigneeId")[0].GetString().ShouldBe("O responsável escolhido não existe ou está desativado.");

        var finance = app.Staff(tenant, Roles.Finance);
        await (await finance.PostJsonAsync("/api/tasks", new { subject = "X" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await finance.GetAsync("/api/tasks")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Completing_and_reopening_records_who_and_when_on_the_task_and_its_index_rows()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var opportunity = await OpportunityAsync(tenant, "Instalação");
        var technicianId = await app.UserAsync(tenant, "Carlos Técnico", role: "operations");
        var technician = app.StaffUser(tenant, technicianId, "Carlos Técnico", Roles.Operations);
        var task = await CreateAsync(admin, new { subject = "Instalar equipamento", opportunityId = opportunity.Id, assigneeId = technicianId });

        await (await technician.PostJsonAsync($"/api/tasks/{task.Id}/complete")).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var done = await (await technician.PostJsonAsync($"/api/tasks/{task.Id}/complete", null, task.Etag)).ReadAsync<TaskResponse>();
        done.Status.ShouldBe("done");
        done.CompletedBy.ShouldBe("Carlos Técnico");
        done.CompletedAt.ShouldNotBeNull();
        (await app.RowAsync(tenant, $"task-opp|{opportunity.Id}|{task.Id}"))!.GetString("Status").ShouldBe("done");

        var twice = await technician.PostJsonAsync($"/api/tasks/{task.Id}/complete", null, done.Etag);
        (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("A tarefa já foi concluída por Carlos Técnico.");

        var reopened = await (await admin.PostJsonAsync($"/api/tasks/{task.Id}/reopen", null, done.Etag)).ReadAsync<TaskResponse>();
        reopened.Status.ShouldBe("open");
        reopened.CompletedAt.ShouldBeNull();
        reopened.CompletedBy.ShouldBeNull();
        (await app.RowAsync(tenant, $"task-opp|{opportunity.Id}|{task.Id}"))!.GetString("Status").ShouldBe("open");
        await (await admin.PostJsonAsync($"/api/tasks/{task.Id}/reopen", null, reopened.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        var audit = await app.RowsAsync(tenant, $"audit|task|{task.Id}|");
        audit.Select(a => (a.GetString("Action"), a.GetString("ActorName"))).ShouldBe([("completed", "Carlos Técnico"), ("reopened", "Admin Empresa Teste")]);
    }

    [Fact]
    public async Task The_task_central_filters_by_status_assignee_opportunity_due_dates_and_text()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var opportunity = await OpportunityAsync(tenant, "Contrato de manutenção");
        var technician = await app.UserAsync(tenant, "Carlos Técnico", role: "operations");
        var call = await CreateAsync(admin, new { subject = "Ligar para a Conceição", dueDate = "2026-03-01" });
        var visit = await CreateAsync(admin, new { subject = "Visita técnica", opportunityId = opportunity.Id, assigneeId = technician, dueDate = "2026-03-10" });
        await CreateAsync(admin, new { subject = "Enviar proposta", opportunityId = opportunity.Id, dueDate = "2026-03-20" });
        await CreateAsync(admin, new { subject = "Sem prazo" });
        await (await admin.PostJsonAsync($"/api/tasks/{call.Id}/complete", null, call.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await ListAsync(admin, "?status=done")).Items.Select(t => t.Subject).ShouldBe(["Ligar para a Conceição"]);
        (await ListAsync(admin, "?status=open")).Items.Count.ShouldBe(3);
        (await ListAsync(admin, $"?assigneeId={technician}")).Items.Single().Id.ShouldBe(visit.Id);
        (await ListAsync(admin, $"?opportunityId={opportunity.Id}&status=open")).Items.Select(t => t.Subject).ShouldBe(["Visita técnica", "Enviar proposta"]);
        (await ListAsync(admin, "?dueFrom=2026-03-05&dueTo=2026-03-20")).Items.Select(t => t.Subject).ShouldBe(["Visita técnica", "Enviar proposta"]);
        (await ListAsync(admin, "?dueTo=2026-03-09")).Items.Select(t => t.Subject).ShouldBe(["Ligar para a Conceição"]);
        (await ListAsync(admin, "?q=conceicao")).Items.Single().Id.ShouldBe(call.Id);
        (await ListAsync(admin, "?q=manutencao")).Items.Count.ShouldBe(2);

        var overdue = (await ListAsync(admin, "?status=open&dueTo=2026-03-10")).Items.Single();
        overdue.Overdue.ShouldBeTrue();

        var page = await ListAsync(admin, "?pageSize=3");
        page.Items.Count.ShouldBe(3);
        (await ListAsync(admin, "?pageSize=3&continuation=" + page.Continuation)).Items.Single().Subject.ShouldBe("Sem prazo");

        await (await admin.GetAsync("/api/tasks?dueFrom=2026-03-10&dueTo=2026-03-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        await (await admin.GetAsync("/api/tasks?status=feita")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
    }

    [Fact]
    public async Task Generated_tasks_are_created_once_per_unit_in_batches_and_a_rerun_writes_nothing()
    {
        var tenant = CrmApp.NewTenant();
        var opportunity = await OpportunityAsync(tenant, "Pedido 1024 - Padaria");
        var orderId = Ids.New();
        var tasks = new List<NewGeneratedTask>();
        foreach (var (item, quantity, subject) in new[] { ("item1", 15, "Manutenção de ar-condicionado"), ("item2", 10, "Limpeza de dutos"), ("item3", 5, "Troca de filtro") })
        {
            for (var unit = 1; unit <= quantity; unit++)
            {
                tasks.Add(new NewGeneratedTask(orderId, 1024, item, unit, subject, opportunity.Id, opportunity.Title, null, null, new DateOnly(2026, 3, 12)));
            }
        }

        var (first, firstTransactions) = await GenerateAsync(tenant, tasks);
        first.ShouldBe(new GeneratedTasksResult(30, 0));
        firstTransactions.ShouldBe(2); // one scan of the order's task rows + one batch (30 task rows + the opportunity link)

        var (second, secondTransactions) = await GenerateAsync(tenant, tasks);
        second.ShouldBe(new GeneratedTasksResult(0, 30));
        secondTransactions.ShouldBe(1); // the scan only: nothing written

        (await app.RowsAsync(tenant, "task|")).Count.ShouldBe(30);
        (await app.RowsAsync(tenant, $"task|{orderId}-")).Count.ShouldBe(30);
        var admin = app.Staff(tenant);
        var ofOpportunity = await (await admin.GetAsync($"/api/opportunities/{opportunity.Id}/tasks?pageSize=200")).ReadAsync<Page<TaskResponse>>();
        ofOpportunity.Items.Count.ShouldBe(30);

        var task = await (await admin.GetAsync($"/api/tasks/{orderId}-item1-00015")).ReadAsync<TaskResponse>();
        task.Subject.ShouldBe("Manutenção de ar-condicionado");
        task.Origin.ShouldBe("sales-order");
        task.OrderNumber.ShouldBe(1024);
        task.UnitIndex.ShouldBe(15);
        task.CreatedBy.ShouldBe("Teste");
    }

    [Fact]
    public async Task Hundreds_of_units_are_split_into_batches_of_at_most_one_hundred_operations()
    {
        var tenant = CrmApp.NewTenant();
        var orderId = Ids.New();
        var tasks = Enumerable.Range(1, 250)
            .Select(unit => new NewGeneratedTask(orderId, 7, "item1", unit, "Instalação de ponto de rede", null, null, null, null, null))
            .ToList();

        // Half of them exist already (a redelivery after a partial run): only the rest is written.
        var (partial, _) = await GenerateAsync(tenant, tasks.Take(120).ToList());
        partial.Created.ShouldBe(120);
        var (result, transactions) = await GenerateAsync(tenant, tasks);

        result.ShouldBe(new GeneratedTasksResult(130, 120));
        transactions.ShouldBe(1 + 2); // scan + 130 tasks, one row each, in batches of ≤ 100 operations
        (await app.RowsAsync(tenant, $"task|{orderId}-")).Count.ShouldBe(250);
    }

    [Fact]
    public async Task Completed_tasks_are_counted_per_order_item_and_generated_tasks_stay_with_their_order()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var opportunity = await OpportunityAsync(tenant, "Pedido 8");
        var other = await OpportunityAsync(tenant, "Outra");
        var orderId = Ids.New();
        var tasks = Enumerable.Range(1, 3).Select(u => new NewGeneratedTask(orderId, 8, "itemA", u, "Serviço A", opportunity.Id, opportunity.Title, null, null, null))
            .Append(new NewGeneratedTask(orderId, 8, "itemB", 1, "Serviço B", opportunity.Id, opportunity.Title, null, null, null))
            .ToList();
        await GenerateAsync(tenant, tasks);

        foreach (var unit in new[] { 1, 3 })
        {
            var task = await (await admin.GetAsync($"/api/tasks/{orderId}-itemA-{unit:D5}")).ReadAsync<TaskResponse>();
            await (await admin.PostJsonAsync($"/api/tasks/{task.Id}/complete", null, task.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var counts = await app.InTenantAsync(tenant.TenantId, services => services.GetRequiredService<TaskStore>().CountByOrderItemAsync(orderId));
        counts["itemA"].ShouldBe(new OrderItemTasks("itemA", 3, 2));
        counts["itemB"].ShouldBe(new OrderItemTasks("itemB", 1, 0));

        var central = await ListAsync(admin, $"?orderId={orderId}&status=done");
        central.Items.Select(t => t.UnitIndex).ShouldBe([1, 3]);

        var generated = await (await admin.GetAsync($"/api/tasks/{orderId}-itemB-00001")).ReadAsync<TaskResponse>();
        var delete = await admin.DeleteIfMatchAsync($"/api/tasks/{generated.Id}", generated.Etag);
        (await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()!.ShouldContain("faturamento");
        var move = await admin.PutJsonAsync($"/api/tasks/{generated.Id}", new { subject = "Serviço B", opportunityId = other.Id }, generated.Etag);
        (await move.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors").TryGetProperty("opportunityId", out _).ShouldBeTrue();
        var renamed = await (await admin.PutJsonAsync($"/api/tasks/{generated.Id}", new { subject = "Serviço B (reagendado)", opportunityId = opportunity.Id, dueDate = "2026-05-02" }, generated.Etag))
            .ReadAsync<TaskResponse>();
        (await app.RowAsync(tenant, $"task|{orderId}-itemB-00001"))!.GetString("Subject").ShouldBe("Serviço B (reagendado)");
        renamed.OrderItemId.ShouldBe("itemB");
    }

    [Fact]
    public async Task An_opportunity_lists_its_own_tasks_then_its_orders_generated_tasks_page_by_page()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var opportunity = await OpportunityAsync(tenant, "Contrato de portaria");
        foreach (var subject in new[] { "Ligar para o síndico", "Enviar proposta" })
        {
            await (await admin.PostJsonAsync("/api/tasks", new { subject, opportunityId = opportunity.Id })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        var orderId = Ids.New();
        await GenerateAsync(tenant, Enumerable.Range(1, 4)
            .Select(u => new NewGeneratedTask(orderId, 12, "item1", u, "Ronda noturna", opportunity.Id, opportunity.Title, null, null, null))
            .ToList());

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var query = $"/api/opportunities/{opportunity.Id}/tasks?pageSize=3" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await (await admin.GetAsync(query)).ReadAsync<Page<TaskResponse>>();
            page.Items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Items.Select(t => t.Subject + (t.UnitIndex is { } unit ? " " + unit : "")));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        seen.ShouldBe(["Ligar para o síndico", "Enviar proposta", "Ronda noturna 1", "Ronda noturna 2", "Ronda noturna 3", "Ronda noturna 4"], ignoreOrder: false);
        pages.ShouldBeLessThanOrEqualTo(3); // a full page carries a continuation even when nothing follows
        var done = await (await admin.GetAsync($"/api/tasks/{orderId}-item1-00002")).ReadAsync<TaskResponse>();
        await (await admin.PostJsonAsync($"/api/tasks/{done.Id}/complete", null, done.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var onlyDone = await (await admin.GetAsync($"/api/opportunities/{opportunity.Id}/tasks?status=done")).ReadAsync<Page<TaskResponse>>();
        onlyDone.Items.Select(t => t.Id).ShouldBe([done.Id]);
        var forged = await admin.GetAsync($"/api/opportunities/{opportunity.Id}/tasks?continuation=9.abc");
        await forged.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        // With its own tasks deleted, its order's generated tasks still keep the opportunity from being deleted.
        foreach (var own in (await ListAsync(admin, $"?opportunityId={opportunity.Id}&pageSize=2")).Items)
        {
            own.Origin.ShouldBe("manual");
            await (await admin.DeleteIfMatchAsync($"/api/tasks/{own.Id}", own.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        var refused = await admin.DeleteIfMatchAsync($"/api/opportunities/{opportunity.Id}", opportunity.Etag);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, OpportunityStore.InUse);
    }

    private Task<(GeneratedTasksResult Result, long Transactions)> GenerateAsync(TestTenant tenant, IReadOnlyList<NewGeneratedTask> tasks) =>
        app.InTenantAsync(tenant.TenantId, async services =>
        {
            var store = services.GetRequiredService<TaskStore>();
            using var scope = StorageTransactions.BeginScope();
            var result = await store.CreateGeneratedTasksAsync(tasks);
            return (result, scope.TableCount);
        });
}
