using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.SalesOrders;

public sealed class OrderCrmRulesTests
{
    [Theory]
    [InlineData(null, "Alfa Ltda", null, "Pedido 1024 - Alfa Ltda")]
    [InlineData(null, "Alfa Ltda", "Expansão Filial Sul", "Pedido 1024 - Alfa Ltda - Expansão Filial Sul")]
    [InlineData("{projeto} / Pedido {numero}", "Alfa Ltda", "Expansão", "Expansão / Pedido 1024")]
    [InlineData("{projeto} / Pedido {numero}", "Alfa Ltda", "", "Pedido 1024")]
    [InlineData("Pedido {numero} - {cliente} - {projeto}", "Alfa Ltda", "  ", "Pedido 1024 - Alfa Ltda")]
    [InlineData("Pedido {numero} ({projeto})", "Alfa Ltda", null, "Pedido 1024")]
    [InlineData("OS {Numero} {CLIENTE}", "Beta", null, "OS 1024 Beta")]
    public void Opportunity_title_follows_the_pattern_and_always_carries_the_project(string? pattern, string customer, string? project, string expected)
    {
        OrderCrmRules.OpportunityTitle(pattern, 1024, customer, project).ShouldBe(expected);
    }

    [Fact]
    public void A_very_long_title_is_cut_to_the_maximum()
    {
        OrderCrmRules.OpportunityTitle(null, 1, new string('x', 400), null).Length.ShouldBe(OrderCrmRules.MaxTitle);
    }

    private static DocumentItem Item(string id, ItemKind kind, decimal quantity, int generated = 0) => new()
    {
        Id = id,
        Kind = kind,
        Description = "Item " + id,
        Quantity = quantity,
        UnitPrice = 1,
        TasksGenerated = generated,
    };

    [Fact]
    public void One_task_per_unit_of_each_service_item_and_none_for_products()
    {
        var items = new[] { Item("a", ItemKind.Service, 15), Item("b", ItemKind.Product, 4), Item("c", ItemKind.Service, 2.5m) };

        var pending = OrderCrmRules.PendingUnits(items);

        pending.Count.ShouldBe(18);
        pending.Count(p => p.Item.Id == "a").ShouldBe(15);
        pending.Where(p => p.Item.Id == "c").Select(p => p.UnitIndex).ShouldBe([1, 2, 3]);
        OrderCrmRules.ExpectedTasks(items).ShouldBe(18);
    }

    [Fact]
    public void Units_already_generated_are_not_pending()
    {
        var items = new[] { Item("a", ItemKind.Service, 15, generated: 10), Item("c", ItemKind.Service, 5, generated: 5) };

        OrderCrmRules.PendingUnits(items).Select(p => p.UnitIndex).ShouldBe([11, 12, 13, 14, 15]);
        OrderCrmRules.GeneratedTasks(items).ShouldBe(15);
    }

    [Fact]
    public void Marking_generated_units_never_goes_back()
    {
        var items = new[] { Item("a", ItemKind.Service, 15, generated: 10), Item("c", ItemKind.Service, 5) };

        var marked = OrderCrmRules.MarkGenerated(items, new Dictionary<string, int> { ["a"] = 7, ["c"] = 5 });

        marked[0].TasksGenerated.ShouldBe(10);
        marked[1].TasksGenerated.ShouldBe(5);
    }

    [Theory]
    [InlineData(false, SalesOrderStatus.Pedido, "", 0, "off")]
    [InlineData(true, SalesOrderStatus.Proposta, "", 0, "on-confirm")]
    [InlineData(true, SalesOrderStatus.Aprovado, "", 0, "on-confirm")]
    [InlineData(true, SalesOrderStatus.Pedido, "", 0, "pending")]
    [InlineData(true, SalesOrderStatus.Pedido, "ord-1", 2, "pending")]
    [InlineData(true, SalesOrderStatus.Pedido, "ord-1", 3, "done")]
    [InlineData(true, SalesOrderStatus.FaturadoParcial, "ord-1", 2, "pending")]
    [InlineData(true, SalesOrderStatus.Cancelado, "", 0, "off")]
    [InlineData(true, SalesOrderStatus.Cancelado, "ord-1", 1, "done")]
    public void Generation_state_tells_what_the_order_still_needs(bool generate, SalesOrderStatus status, string opportunityId, int generated, string expected)
    {
        var order = new SalesOrder
        {
            Id = "1",
            GenerateOpportunity = generate,
            Status = status,
            OpportunityId = opportunityId,
            Items = [Item("a", ItemKind.Service, 3, generated)],
        };

        OrderCrmRules.GenerationState(order).ShouldBe(expected);
    }

    [Fact]
    public void Generated_task_ids_are_deterministic()
    {
        CrmSaaS.Functions.Tasks.CrmTask.GeneratedId("01ORDER", "ITEM0001", 7).ShouldBe("01ORDER-ITEM0001-00007");
    }
}
