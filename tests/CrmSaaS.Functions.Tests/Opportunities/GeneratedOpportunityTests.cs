using System.Net;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;
using static CrmSaaS.Functions.Opportunities.OpportunitiesApi;

namespace CrmSaaS.Functions.Tests.Opportunities;

/// <summary>What the sales order step calls (Centrium 2.1): the opportunity of an order, created once.</summary>
public sealed class GeneratedOpportunityTests(CrmApp app) : IClassFixture<CrmApp>
{
    private Task<((Opportunity Opportunity, bool Created) Result, long Transactions)> GenerateAsync(TestTenant tenant, GeneratedOpportunity input) =>
        app.InTenantAsync(tenant.TenantId, async services =>
        {
            var store = services.GetRequiredService<OpportunityStore>();
            using var scope = StorageTransactions.BeginScope();
            var result = await store.CreateGeneratedAsync(input);
            return (result, scope.TableCount);
        });

    [Fact]
    public async Task The_order_opportunity_is_created_once_and_joins_the_kanban_with_its_ticket()
    {
        var tenant = CrmApp.NewTenant();
        var orderId = Ids.New();
        var lines = TicketRules.FromSolution("Pedido", [new SolutionLine("svc1", "Manutenção de ar-condicionado", null, null, 15m, 180m, Functions.Common.DiscountKind.None, 0m)], Ids.New);
        var input = new GeneratedOpportunity("ord-" + orderId, "Pedido 1024 - Padaria Pão Quente - Loja 2", null, "Padaria Pão Quente", "cust-1",
            "", "", "proposta", orderId, 1024, "Loja 2", lines);

        var (first, firstTransactions) = await GenerateAsync(tenant, input);
        first.Created.ShouldBeTrue();
        firstTransactions.ShouldBe(3); // existence read + statistics scan + one batch

        var (second, secondTransactions) = await GenerateAsync(tenant, input);
        second.Created.ShouldBeFalse();
        second.Opportunity.Id.ShouldBe(input.Id);
        secondTransactions.ShouldBe(1); // the existence read: nothing written

        var admin = app.Staff(tenant);
        var read = await (await admin.GetAsync($"/api/opportunities/ord-{orderId}")).ReadAsync<OpportunityResponse>();
        read.Origin.ShouldBe("sales-order");
        read.OriginOrderNumber.ShouldBe(1024);
        read.OriginOrderId.ShouldBe(orderId);
        read.Project.ShouldBe("Loja 2");
        read.CustomerId.ShouldBe("cust-1");
        read.AccountId.ShouldBeNull();
        read.Ticket.Totals.Total.ShouldBe(2700m);
        read.CreatedBy.ShouldBe("Teste");

        var board = await (await admin.GetAsync("/api/opportunities/kanban")).ReadAsync<KanbanResponse>();
        var column = board.Stages.Single(s => s.Id == "proposta");
        (column.Count, column.Total).ShouldBe((1, 2700m));
        (await (await admin.GetAsync("/api/opportunities?q=1024")).ReadAsync<Page<OpportunityCard>>()).Items.Single().Id.ShouldBe(read.Id);

        // Without a CRM account the header can still be edited; the caller becomes its owner.
        var edited = await (await admin.PutJsonAsync($"/api/opportunities/{read.Id}", new { title = "Pedido 1024 - Loja 2" }, read.Etag)).ReadAsync<OpportunityResponse>();
        edited.OwnerId.ShouldBe(tenant.AdminUserId);
        edited.CustomerId.ShouldBe("cust-1");
        edited.Origin.ShouldBe("sales-order");
    }
}
