using System.Net;
using System.Text.Json;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using static CrmSaaS.Functions.Opportunities.OpportunitiesApi;

namespace CrmSaaS.Functions.Tests.Opportunities;

public sealed class OpportunitiesApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static async Task<OpportunityResponse> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/opportunities", body);
        var opportunity = await response.ReadAsync<OpportunityResponse>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/opportunities/{opportunity.Id}");
        return opportunity;
    }

    [Fact]
    public async Task Create_with_account_contact_and_solution_copies_the_solution_services_into_the_ticket()
    {
        var tenant = CrmApp.NewTenant("Omie Serviços");
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Padaria Pão Quente", customerId: "cust-1");
        var contact = await app.AccountContactAsync(tenant, account, "Joana Lima");
        var install = await app.ServiceAsync(tenant, "Instalação", 500m);
        var training = await app.ServiceAsync(tenant, "Treinamento", 120m);
        var solution = await app.SolutionAsync(tenant, "Implantação completa",
            new { serviceId = install, description = "Instalação", categoryName = "Implantação", quantity = 2, unitPrice = 500, discountKind = "percent", discount = 10 },
            new { serviceId = training, description = "Treinamento", quantity = 4, unitPrice = 120, discountKind = "none", discount = 0 });

        var opportunity = await CreateAsync(admin, new
        {
            title = "Implantação da loja 2", accountId = account, contactId = contact, solutionId = solution, expectedCloseDate = "2026-06-30",
            project = "Expansão", notes = "Cliente pediu proposta até sexta.",
        });

        opportunity.AccountName.ShouldBe("Padaria Pão Quente");
        opportunity.CustomerId.ShouldBe("cust-1");
        opportunity.ContactName.ShouldBe("Joana Lima");
        opportunity.OwnerId.ShouldBe(tenant.AdminUserId);
        opportunity.OwnerName.ShouldBe("Admin Omie Serviços");
        opportunity.StageId.ShouldBe("prospeccao");
        opportunity.StageName.ShouldBe("Prospecção");
        opportunity.Status.ShouldBe("open");
        opportunity.Origin.ShouldBe("manual");
        opportunity.SolutionName.ShouldBe("Implantação completa");
        opportunity.ExpectedCloseDate.ShouldBe(new DateOnly(2026, 6, 30));
        opportunity.Ticket.Lines.Select(l => (l.ServiceId, l.Description, l.Total)).ShouldBe([(install, "Instalação", 900m), (training, "Treinamento", 480m)]);
        opportunity.Ticket.Totals.ShouldBe(new TicketTotals(1380m, 0m, 1480m, 100m, 1380m));
        opportunity.CreatedBy.ShouldBe("Admin Omie Serviços");

        var response = await admin.GetAsync($"/api/opportunities/{opportunity.Id}");
        var read = await response.ReadAsync<OpportunityResponse>();
        response.ETagHeader().ShouldBe(read.Etag);
        read.Ticket.Totals.Total.ShouldBe(1380m);
        read.Notes.ShouldBe("Cliente pediu proposta até sexta.");
    }

    [Fact]
    public async Task Create_is_validated_with_portuguese_messages()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta A");
        var other = await app.AccountAsync(tenant, "Conta B");
        var contactOfOther = await app.AccountContactAsync(tenant, other, "Contato de B");

        var empty = await admin.PostJsonAsync("/api/opportunities", new { title = " " });
        var problem = await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("Informe o título da oportunidade.");
        problem.GetProperty("errors").GetProperty("accountId")[0].GetString().ShouldBe("Escolha a conta da oportunidade.");

        var wrong = await admin.PostJsonAsync("/api/opportunities", new
        {
            title = "X", accountId = account, contactId = contactOfOther, ownerId = "no-such-user", stageId = "ganhou", solutionId = "nope",
        });
        var errors = (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors");
        errors.GetProperty("contactId")[0].GetString().ShouldBe("O contato escolhido não pertence a esta conta.");
        errors.GetProperty("ownerId")[0].GetString().ShouldBe("O responsável escolhido não existe ou está desativado.");
        errors.GetProperty("stageId")[0].GetString().ShouldBe("A etapa escolhida não existe no funil.");
        errors.GetProperty("solutionId")[0].GetString().ShouldBe("A solução escolhida não existe.");

        var missingAccount = await admin.PostJsonAsync("/api/opportunities", new { title = "X", accountId = "nao-existe" });
        (await missingAccount.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("accountId")[0].GetString().ShouldBe("A conta escolhida não existe.");
    }

    [Fact]
    public async Task Finance_reads_but_cannot_write_and_customers_cannot_reach_it()
    {
        var tenant = CrmApp.NewTenant();
        var account = await app.AccountAsync(tenant, "Conta");
        var finance = app.Staff(tenant, Roles.Finance);

        (await finance.GetAsync("/api/opportunities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await finance.PostJsonAsync("/api/opportunities", new { title = "X", accountId = account });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        var customer = await app.Customer(tenant, "cust-1").GetAsync("/api/opportunities");
        await customer.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Update_requires_the_current_version_and_stamps_who_changed_it()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var newAccount = await app.AccountAsync(tenant, "Conta Nova");
        var seller = await app.UserAsync(tenant, "Beatriz Vendas");
        var opportunity = await CreateAsync(admin, new { title = "Original", accountId = account });
        var body = new { title = "Renomeada", accountId = newAccount, ownerId = seller, expectedCloseDate = "2026-07-01" };

        var withoutVersion = await admin.PutJsonAsync($"/api/opportunities/{opportunity.Id}", body);
        await withoutVersion.ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var colleague = app.StaffUser(tenant, seller, "Beatriz Vendas", Roles.Sales);
        var updated = await (await colleague.PutJsonAsync($"/api/opportunities/{opportunity.Id}", body, opportunity.Etag)).ReadAsync<OpportunityResponse>();
        updated.Title.ShouldBe("Renomeada");
        updated.AccountName.ShouldBe("Conta Nova");
        updated.OwnerName.ShouldBe("Beatriz Vendas");
        updated.UpdatedBy.ShouldBe("Beatriz Vendas");
        updated.CreatedBy.ShouldBe(opportunity.CreatedBy);
        updated.Etag.ShouldNotBe(opportunity.Etag);

        var stale = await admin.PutJsonAsync($"/api/opportunities/{opportunity.Id}", body with { title = "Outra" }, opportunity.Etag);
        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("alterado por outra pessoa");

        // The account look-up index moved with the account.
        var byOld = await (await admin.GetAsync($"/api/opportunities?accountId={account}")).ReadAsync<Page<OpportunityCard>>();
        byOld.Items.ShouldBeEmpty();
        var byNew = await (await admin.GetAsync($"/api/opportunities?accountId={newAccount}")).ReadAsync<Page<OpportunityCard>>();
        byNew.Items.Single().Title.ShouldBe("Renomeada");
    }

    [Fact]
    public async Task Ticket_lines_are_added_edited_and_removed_under_the_opportunity_version()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var category = await app.CategoryAsync(tenant, "Manutenção");
        var service = await app.ServiceAsync(tenant, "Manutenção preventiva", 150m);
        var product = await app.ProductAsync(tenant, "Filtro de ar", 39.9m);
        var opportunity = await CreateAsync(admin, new { title = "Manutenção anual", accountId = account });
        var url = $"/api/opportunities/{opportunity.Id}/ticket/lines";

        var withoutVersion = await admin.PostJsonAsync(url, new { serviceId = service, quantity = 1 });
        await withoutVersion.ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var first = await (await admin.PostJsonAsync(url, new { kind = "service", serviceId = service, categoryId = category, quantity = 12, discountKind = "percent", discount = 5 }, opportunity.Etag))
            .ReadAsync<OpportunityResponse>();
        var line = first.Ticket.Lines.Single();
        line.UnitPrice.ShouldBe(150m);
        line.CategoryName.ShouldBe("Manutenção");
        line.Gross.ShouldBe(1800m);
        line.DiscountAmount.ShouldBe(90m);
        line.Total.ShouldBe(1710m);

        var second = await (await admin.PostJsonAsync(url, new { kind = "product", productId = product, quantity = 3 }, first.Etag)).ReadAsync<OpportunityResponse>();
        second.Ticket.Totals.ShouldBe(new TicketTotals(1710m, 119.7m, 1919.7m, 90m, 1829.7m));

        var stale = await admin.PostJsonAsync(url, new { serviceId = service, quantity = 1 }, first.Etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        var tooMuchDiscount = await admin.PutJsonAsync($"{url}/{line.Id}", new { serviceId = service, quantity = 1, unitPrice = 100, discountKind = "amount", discount = 150 }, second.Etag);
        (await tooMuchDiscount.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors").GetProperty("discount")[0].GetString()
            .ShouldBe("O desconto não pode ser maior que o valor bruto do item.");

        var edited = await (await admin.PutJsonAsync($"{url}/{line.Id}", new { serviceId = service, description = "Manutenção mensal", quantity = 12, unitPrice = 140, discountKind = "amount", discount = 80 }, second.Etag))
            .ReadAsync<OpportunityResponse>();
        var editedLine = edited.Ticket.Lines.Single(l => l.Id == line.Id);
        editedLine.Description.ShouldBe("Manutenção mensal");
        editedLine.Total.ShouldBe(1600m);
        edited.Ticket.Totals.Total.ShouldBe(1719.7m);

        var unknownLine = await admin.DeleteIfMatchAsync($"{url}/nao-existe", edited.Etag);
        await unknownLine.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);

        var removed = await (await admin.DeleteIfMatchAsync($"{url}/{line.Id}", edited.Etag)).ReadAsync<OpportunityResponse>();
        removed.Ticket.Lines.Single().Kind.ShouldBe("product");
        removed.Ticket.Totals.Total.ShouldBe(119.7m);

        var row = await app.RowAsync(tenant, $"opportunity|{opportunity.Id}");
        row!.GetDecimal("TicketTotal").ShouldBe(119.7m);
        JsonDocument.Parse(row.GetString("TicketJson")!).RootElement[0].GetProperty("discountKind").GetString().ShouldBe("none");
    }

    [Fact]
    public async Task Applying_a_solution_appends_or_replaces_the_ticket_lines()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var service = await app.ServiceAsync(tenant, "Consultoria", 200m);
        var solution = await app.SolutionAsync(tenant, "Pacote consultoria",
            new { serviceId = service, description = "Consultoria", quantity = 10, unitPrice = 200, discountKind = "amount", discount = 100 });
        var opportunity = await CreateAsync(admin, new { title = "Consultoria", accountId = account });
        var withLine = await (await admin.PostJsonAsync($"/api/opportunities/{opportunity.Id}/ticket/lines", new { serviceId = service, quantity = 1 }, opportunity.Etag))
            .ReadAsync<OpportunityResponse>();

        var appended = await (await admin.PostJsonAsync($"/api/opportunities/{opportunity.Id}/ticket/apply-solution", new { solutionId = solution }, withLine.Etag))
            .ReadAsync<OpportunityResponse>();
        appended.Ticket.Lines.Count.ShouldBe(2);
        appended.Ticket.Totals.Total.ShouldBe(2100m);
        appended.SolutionName.ShouldBe("Pacote consultoria");

        var replaced = await (await admin.PostJsonAsync($"/api/opportunities/{opportunity.Id}/ticket/apply-solution", new { solutionId = solution, replace = true }, appended.Etag))
            .ReadAsync<OpportunityResponse>();
        replaced.Ticket.Lines.Single().Total.ShouldBe(1900m);

        var unknown = await admin.PostJsonAsync($"/api/opportunities/{opportunity.Id}/ticket/apply-solution", new { solutionId = "nope" }, replaced.Etag);
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("detail").GetString().ShouldBe("A solução escolhida não existe.");
    }

    [Fact]
    public async Task Won_lost_and_reopen_change_the_status_and_closed_opportunities_keep_their_ticket()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var service = await app.ServiceAsync(tenant, "Suporte", 99.9m);
        var opportunity = await CreateAsync(admin, new { title = "Suporte", accountId = account });
        var url = $"/api/opportunities/{opportunity.Id}";

        var won = await (await admin.PostJsonAsync($"{url}/won", null, opportunity.Etag)).ReadAsync<OpportunityResponse>();
        won.Status.ShouldBe("won");
        won.ClosedBy.ShouldBe(opportunity.OwnerName);
        won.ClosedAt.ShouldNotBeNull();

        var lineOnWon = await admin.PostJsonAsync($"{url}/ticket/lines", new { serviceId = service, quantity = 1 }, won.Etag);
        (await lineOnWon.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe("A oportunidade já foi marcada como ganha: reabra-a para alterar o ticket.");
        var lostOnWon = await admin.PostJsonAsync($"{url}/lost", new { reason = "Preço" }, won.Etag);
        await lostOnWon.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        var reopened = await (await admin.PostJsonAsync($"{url}/reopen", null, won.Etag)).ReadAsync<OpportunityResponse>();
        reopened.Status.ShouldBe("open");
        reopened.ClosedAt.ShouldBeNull();

        var noReason = await admin.PostJsonAsync($"{url}/lost", new { reason = "" }, reopened.Etag);
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("detail").GetString().ShouldBe("Informe o motivo da perda.");
        var lost = await (await admin.PostJsonAsync($"{url}/lost", new { reason = "Escolheu o concorrente" }, reopened.Etag)).ReadAsync<OpportunityResponse>();
        lost.Status.ShouldBe("lost");
        lost.LostReason.ShouldBe("Escolheu o concorrente");

        var audit = await app.RowsAsync(tenant, $"audit|opportunity|{opportunity.Id}|");
        audit.Select(a => a.GetString("Action")).ShouldBe(["created", "won", "reopened", "lost"]);
        audit[^1].GetString("Details").ShouldBe("Escolheu o concorrente");

        var listLost = await (await admin.GetAsync("/api/opportunities?status=lost")).ReadAsync<Page<OpportunityCard>>();
        listLost.Items.Single().Id.ShouldBe(opportunity.Id);
    }

    [Fact]
    public async Task Delete_is_refused_with_tasks_or_generated_documents_and_otherwise_removes_every_row()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var withTask = await CreateAsync(admin, new { title = "Com tarefa", accountId = account });
        var withDocument = await CreateAsync(admin, new { title = "Com documento", accountId = account });
        var plain = await CreateAsync(admin, new { title = "Sem vínculos", accountId = account, stageId = "proposta" });
        await (await admin.PostJsonAsync("/api/tasks", new { subject = "Ligar", opportunityId = withTask.Id })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await app.DocumentOfAsync(tenant, withDocument.Id);

        var refusedTask = await admin.DeleteIfMatchAsync($"/api/opportunities/{withTask.Id}", withTask.Etag);
        (await refusedTask.ShouldBeProblemAsync(HttpStatusCode.Conflict, OpportunityStore.InUse)).GetProperty("detail").GetString()!.ShouldContain("tarefas");
        var refusedDocument = await admin.DeleteIfMatchAsync($"/api/opportunities/{withDocument.Id}", withDocument.Etag);
        (await refusedDocument.ShouldBeProblemAsync(HttpStatusCode.Conflict, OpportunityStore.InUse)).GetProperty("detail").GetString()!.ShouldContain("documentos");

        var withoutVersion = await admin.DeleteIfMatchAsync($"/api/opportunities/{plain.Id}", null);
        await withoutVersion.ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var deleted = await admin.DeleteIfMatchAsync($"/api/opportunities/{plain.Id}", plain.Etag);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/opportunities/{plain.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await app.RowAsync(tenant, $"opp-stage|proposta|{plain.Id}")).ShouldBeNull();
        (await app.RowAsync(tenant, $"opp-account|{account}|{plain.Id}")).ShouldBeNull();
        (await app.RowsAsync(tenant, "opp-stage-stats|proposta|")).Sum(r => r.GetInt32("Count")).ShouldBe(0);
    }

    [Fact]
    public async Task List_filters_searches_without_accents_and_pages()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var seller = await app.UserAsync(tenant, "Beatriz Vendas");
        var bakery = await app.AccountAsync(tenant, "Padaria Conceição");
        var garage = await app.AccountAsync(tenant, "Oficina Central");
        for (var i = 1; i <= 5; i++)
        {
            await CreateAsync(admin, new { title = $"Manutenção {i}", accountId = i % 2 == 0 ? bakery : garage, ownerId = i <= 2 ? seller : null, stageId = i == 5 ? "proposta" : null });
        }

        var byText = await (await admin.GetAsync("/api/opportunities?q=CONCEICAO")).ReadAsync<Page<OpportunityCard>>();
        byText.Items.Select(c => c.Title).ShouldBe(["Manutenção 2", "Manutenção 4"]);
        var byTitle = await (await admin.GetAsync("/api/opportunities?q=manutencao%205")).ReadAsync<Page<OpportunityCard>>();
        byTitle.Items.Single().StageName.ShouldBe("Proposta");
        var byOwner = await (await admin.GetAsync($"/api/opportunities?ownerId={seller}")).ReadAsync<Page<OpportunityCard>>();
        byOwner.Items.Select(c => c.Title).ShouldBe(["Manutenção 1", "Manutenção 2"]);
        var byStageAndAccount = await (await admin.GetAsync($"/api/opportunities?stageId=prospeccao&accountId={garage}")).ReadAsync<Page<OpportunityCard>>();
        byStageAndAccount.Items.Select(c => c.Title).ShouldBe(["Manutenção 1", "Manutenção 3"]);
        var badStatus = await admin.GetAsync("/api/opportunities?status=ganha");
        await badStatus.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        var titles = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var url = "/api/opportunities?pageSize=2" + (continuation is null ? "" : "&continuation=" + continuation);
            var page = await (await admin.GetAsync(url)).ReadAsync<Page<OpportunityCard>>();
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            titles.AddRange(page.Items.Select(c => c.Title));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        titles.ShouldBe(["Manutenção 1", "Manutenção 2", "Manutenção 3", "Manutenção 4", "Manutenção 5"]);
        pages.ShouldBeGreaterThanOrEqualTo(3);
    }
}
