using System.Net;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;
using static CrmSaaS.Functions.Opportunities.OpportunitiesApi;

namespace CrmSaaS.Functions.Tests.Opportunities;

public sealed class KanbanTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static async Task<OpportunityResponse> CreateAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/opportunities", body)).ReadAsync<OpportunityResponse>(HttpStatusCode.Created);

    private static async Task<OpportunityResponse> WithLineAsync(HttpClient client, OpportunityResponse opportunity, string serviceId, decimal quantity, decimal unitPrice) =>
        await (await client.PostJsonAsync($"/api/opportunities/{opportunity.Id}/ticket/lines", new { serviceId, quantity, unitPrice }, opportunity.Etag))
            .ReadAsync<OpportunityResponse>();

    private static async Task<KanbanResponse> BoardAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/opportunities/kanban" + query)).ReadAsync<KanbanResponse>();

    private static (int Count, decimal Total) Column(KanbanResponse board, string stageId)
    {
        var column = board.Stages.Single(s => s.Id == stageId);
        return (column.Count, column.Total);
    }

    [Fact]
    public async Task Columns_count_and_total_follow_creates_ticket_changes_moves_and_closing()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var service = await app.ServiceAsync(tenant, "Serviço", 100m);
        var a = await WithLineAsync(admin, await CreateAsync(admin, new { title = "A", accountId = account }), service, 2, 100m);
        var b = await WithLineAsync(admin, await CreateAsync(admin, new { title = "B", accountId = account }), service, 1, 250.5m);
        var c = await CreateAsync(admin, new { title = "C", accountId = account, stageId = "proposta" });

        var board = await BoardAsync(admin);
        board.Stages.Select(s => s.Name).ShouldBe(["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechamento"]);
        Column(board, "prospeccao").ShouldBe((2, 450.5m));
        Column(board, "proposta").ShouldBe((1, 0m));
        board.Stages.Single(s => s.Id == "prospeccao").Items.Select(i => i.Title).ShouldBe(["A", "B"]);

        // Moving a card uses the card's own version (no read of the record first).
        var card = board.Stages.Single(s => s.Id == "prospeccao").Items.Single(i => i.Id == a.Id);
        card.Etag.ShouldBe(a.Etag);
        card.TicketTotal.ShouldBe(200m);
        var moved = await (await admin.PostJsonAsync($"/api/opportunities/{a.Id}/move", new { stageId = "proposta" }, card.Etag)).ReadAsync<OpportunityResponse>();
        moved.StageName.ShouldBe("Proposta");

        board = await BoardAsync(admin);
        Column(board, "prospeccao").ShouldBe((1, 250.5m));
        Column(board, "proposta").ShouldBe((2, 200m));
        board.Stages.Single(s => s.Id == "proposta").Items.Select(i => i.Title).ShouldBe(["A", "C"]);

        // A stale card (moved by someone else) is a conflict; a move to the same column writes nothing.
        var stale = await admin.PostJsonAsync($"/api/opportunities/{a.Id}/move", new { stageId = "negociacao" }, card.Etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        var same = await admin.PostJsonAsync($"/api/opportunities/{a.Id}/move", new { stageId = "proposta" }, moved.Etag);
        (await same.ReadAsync<OpportunityResponse>()).Etag.ShouldBe(moved.Etag);
        var badStage = await admin.PostJsonAsync($"/api/opportunities/{a.Id}/move", new { stageId = "ganho" }, moved.Etag);
        await badStage.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        var won = await (await admin.PostJsonAsync($"/api/opportunities/{b.Id}/won", null, b.Etag)).ReadAsync<OpportunityResponse>();
        var lost = await (await admin.PostJsonAsync($"/api/opportunities/{c.Id}/lost", new { reason = "Sem orçamento" }, c.Etag)).ReadAsync<OpportunityResponse>();
        board = await BoardAsync(admin);
        Column(board, "prospeccao").ShouldBe((0, 0m));
        Column(board, "proposta").ShouldBe((1, 200m));
        board.Stages.SelectMany(s => s.Items).Select(i => i.Title).ShouldBe(["A"]);

        var moveClosed = await admin.PostJsonAsync($"/api/opportunities/{b.Id}/move", new { stageId = "proposta" }, won.Etag);
        await moveClosed.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        await (await admin.PostJsonAsync($"/api/opportunities/{b.Id}/reopen", null, won.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await admin.DeleteIfMatchAsync($"/api/opportunities/{c.Id}", lost.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        board = await BoardAsync(admin);
        Column(board, "prospeccao").ShouldBe((1, 250.5m));
        Column(board, "proposta").ShouldBe((1, 200m));
    }

    [Fact]
    public async Task Filters_narrow_the_cards_and_each_column_pages_with_load_more()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var seller = await app.UserAsync(tenant, "Beatriz Vendas");
        var bakery = await app.AccountAsync(tenant, "Padaria Conceição");
        var garage = await app.AccountAsync(tenant, "Oficina Central");
        for (var i = 1; i <= 7; i++)
        {
            await CreateAsync(admin, new { title = $"Oportunidade {i}", accountId = i % 2 == 0 ? bakery : garage, ownerId = i <= 3 ? seller : null });
        }

        var byOwner = await BoardAsync(admin, $"?ownerId={seller}");
        byOwner.Stages.Single(s => s.Id == "prospeccao").Items.Select(i => i.Title).ShouldBe(["Oportunidade 1", "Oportunidade 2", "Oportunidade 3"]);
        var byAccountAndText = await BoardAsync(admin, $"?accountId={bakery}&q=oportunidade%206");
        byAccountAndText.Stages.SelectMany(s => s.Items).Single().Title.ShouldBe("Oportunidade 6");
        var byText = await BoardAsync(admin, "?q=conceicao");
        byText.Stages.SelectMany(s => s.Items).Select(i => i.AccountName).Distinct().ShouldBe(["Padaria Conceição"]);

        var first = await BoardAsync(admin, "?pageSize=3");
        var column = first.Stages.Single(s => s.Id == "prospeccao");
        column.Count.ShouldBe(7);
        column.Items.Count.ShouldBe(3);
        column.Continuation.ShouldNotBeNull();

        var titles = column.Items.Select(i => i.Title).ToList();
        var continuation = column.Continuation;
        while (continuation is not null)
        {
            var more = await (await admin.GetAsync($"/api/opportunities/kanban/prospeccao?pageSize=3&continuation={continuation}")).ReadAsync<KanbanColumn>();
            more.Count.ShouldBe(7);
            titles.AddRange(more.Items.Select(i => i.Title));
            continuation = more.Continuation;
        }

        titles.ShouldBe(Enumerable.Range(1, 7).Select(i => $"Oportunidade {i}"));
        var unknown = await admin.GetAsync("/api/opportunities/kanban/nao-existe");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Concurrent_moves_into_one_stage_keep_its_statistics_exact()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        var service = await app.ServiceAsync(tenant, "Serviço", 10m);
        var opportunities = new List<OpportunityResponse>();
        for (var i = 1; i <= 8; i++)
        {
            opportunities.Add(await WithLineAsync(admin, await CreateAsync(admin, new { title = $"O{i}", accountId = account }), service, i, 10m));
        }

        // The moves race on the statistics rows of "negociacao" (shards under their ETags): the losers retry from a fresh read.
        var moves = opportunities.Select(o => admin.PostJsonAsync($"/api/opportunities/{o.Id}/move", new { stageId = "negociacao" }, o.Etag));
        var responses = await Task.WhenAll(moves);

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(8, string.Join(", ", responses.Select(r => r.StatusCode)));
        var board = await BoardAsync(admin);
        Column(board, "negociacao").ShouldBe((8, 360m));
        Column(board, "prospeccao").ShouldBe((0, 0m));
    }

    [Fact]
    public async Task Concurrent_creations_in_one_stage_all_succeed_and_are_counted()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");

        // The benchmark lost creations here when each stage had a single statistics row; the shards spread the race.
        var creations = Enumerable.Range(1, 32).Select(i => admin.PostJsonAsync("/api/opportunities", new { title = $"Lead {i}", accountId = account }));
        var responses = await Task.WhenAll(creations);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(32, string.Join(", ", responses.Select(r => r.StatusCode)));
        Column(await BoardAsync(admin), "prospeccao").ShouldBe((32, 0m));
        var shards = await app.RowsAsync(tenant, "opp-stage-stats|prospeccao|");
        shards.Count.ShouldBeGreaterThan(1);
        shards.Sum(r => r.GetInt32("Count")).ShouldBe(32);
    }

    [Fact]
    public async Task The_kanban_reads_a_bounded_number_of_storage_pages()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta");
        await CreateAsync(admin, new { title = "A", accountId = account });

        var transactions = await app.InTenantAsync(tenant.TenantId, async services =>
        {
            var store = services.GetRequiredService<OpportunityStore>();
            using var scope = StorageTransactions.BeginScope();
            var board = await store.KanbanAsync(new OpportunityFilter(null, null, null, null, null), 50);
            board.Sum(c => c.Items.Count).ShouldBe(1);
            return scope.TableCount;
        });

        // Pipeline settings + one scan of every statistics row + one page per column (5 stages): no column is counted by scanning it.
        transactions.ShouldBe(7);
    }
}
