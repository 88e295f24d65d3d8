using System.Net;
using CrmSaaS.Functions.Billing;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tasks;

namespace CrmSaaS.Functions.Tests.Billing;

/// <summary>The billing gate of Centrium 3.1: completed tasks release billing, unit by unit.</summary>
public sealed class BillingRulesTests
{
    internal static DocumentItem Service(string id, decimal quantity, decimal unitPrice, decimal billed = 0, int tasksGenerated = 0, string description = "Instalação de câmera")
    {
        var amounts = Money.LineTotal(quantity, unitPrice, DiscountKind.None, 0);
        return new DocumentItem
        {
            Id = id, Kind = ItemKind.Service, ServiceId = "S" + id, Description = description, Quantity = quantity, UnitPrice = unitPrice,
            Gross = amounts.Gross, DiscountAmount = amounts.Discount, Total = amounts.Total, BilledQuantity = billed, TasksGenerated = tasksGenerated,
        };
    }

    internal static DocumentItem Product(string id, decimal quantity, decimal unitPrice, decimal billed = 0) => Service(id, quantity, unitPrice, billed) with
    {
        Kind = ItemKind.Product, ServiceId = null, ProductId = "P" + id, Description = "Câmera IP 4MP",
    };

    internal static SalesOrder Order(SalesOrderStatus status, params DocumentItem[] items) => new()
    {
        Id = "ORDER1", Number = 1024, Status = status, Items = items, GenerateOpportunity = items.Any(i => i.TasksGenerated > 0),
        OpportunityId = items.Any(i => i.TasksGenerated > 0) ? "ord-ORDER1" : "",
    };

    private static Dictionary<string, OrderItemTasks> Tasks(params (string ItemId, int Total, int Completed)[] counts) =>
        counts.ToDictionary(c => c.ItemId, c => new OrderItemTasks(c.ItemId, c.Total, c.Completed));

    [Fact]
    public void Partial_billing_of_10_of_15_is_allowed_when_10_tasks_are_done()
    {
        var order = Order(SalesOrderStatus.Pedido, Service("A", 15, 150m, tasksGenerated: 15));

        var plan = BillingRules.Plan(order, Tasks(("A", 15, 10)), [new BillingRequestLine("A", 10)]);

        plan.Single().Quantity.ShouldBe(10);
    }

    [Fact]
    public void Billing_11_with_10_tasks_done_is_blocked_naming_the_item_its_tasks_and_billed_quantity()
    {
        var order = Order(SalesOrderStatus.Pedido, Service("A", 15, 150m, tasksGenerated: 15));

        var ex = Should.Throw<AppException>(() => BillingRules.Plan(order, Tasks(("A", 15, 10)), [new BillingRequestLine("A", 11)]));

        ex.Status.ShouldBe((int)HttpStatusCode.Conflict);
        ex.Code.ShouldBe(ErrorCodes.BillingBlocked);
        ex.Message.ShouldContain("Instalação de câmera (tarefas concluídas 10, já faturado 0, solicitado 11)");
        var blocked = ex.Extensions["blockedItems"].ShouldBeAssignableTo<IReadOnlyList<BlockedItem>>()!;
        blocked.ShouldHaveSingleItem().ShouldBe(new BlockedItem("A", "Instalação de câmera", 10, 0, 11));
    }

    [Fact]
    public void What_was_billed_before_counts_against_the_completed_tasks()
    {
        var order = Order(SalesOrderStatus.FaturadoParcial, Service("A", 15, 150m, billed: 10, tasksGenerated: 15));

        Should.Throw<AppException>(() => BillingRules.Plan(order, Tasks(("A", 15, 12)), [new BillingRequestLine("A", 3)]))
            .Code.ShouldBe(ErrorCodes.BillingBlocked);
        BillingRules.Plan(order, Tasks(("A", 15, 12)), [new BillingRequestLine("A", 2)]).Single().Quantity.ShouldBe(2);
    }

    [Fact]
    public void Full_billing_needs_every_generated_task_done()
    {
        var order = Order(SalesOrderStatus.Pedido, Service("A", 3, 100m, tasksGenerated: 3), Service("B", 2, 50m, tasksGenerated: 2, description: "Configuração de DVR"));

        var ex = Should.Throw<AppException>(() => BillingRules.Plan(order, Tasks(("A", 3, 3), ("B", 2, 1)), null));
        ex.Code.ShouldBe(ErrorCodes.BillingBlocked);
        ex.Extensions["blockedItems"].ShouldBeAssignableTo<IReadOnlyList<BlockedItem>>()!.Select(b => b.ItemId).ShouldBe(["B"]);

        var plan = BillingRules.Plan(order, Tasks(("A", 3, 3), ("B", 2, 2)), []);
        plan.Select(l => (l.Item.Id, l.Quantity)).ShouldBe([("A", 3m), ("B", 2m)]);
    }

    [Fact]
    public void Items_without_generated_tasks_follow_the_order_status_alone()
    {
        var order = Order(SalesOrderStatus.Pedido, Product("P", 5, 399.90m), Service("S", 2, 80m));

        BillingRules.Plan(order, Tasks(), null).Select(l => l.Quantity).ShouldBe([5m, 2m]);
        BillingRules.StatusView(order, Tasks()).Select(i => (i.TaskGated, i.BillableNow)).ShouldBe([(false, 5m), (false, 2m)]);
    }

    [Theory]
    [InlineData(SalesOrderStatus.Proposta)]
    [InlineData(SalesOrderStatus.Aprovado)]
    [InlineData(SalesOrderStatus.Faturado)]
    [InlineData(SalesOrderStatus.Cancelado)]
    public void Only_Pedido_and_partially_billed_orders_bill(SalesOrderStatus status)
    {
        var order = Order(status, Product("P", 5, 10m, billed: status == SalesOrderStatus.Faturado ? 5 : 0));

        Should.Throw<AppException>(() => BillingRules.Plan(order, Tasks(), null)).Code.ShouldBe(ErrorCodes.InvalidState);
        BillingRules.StatusView(order, Tasks()).Single().BillableNow.ShouldBe(0);
    }

    [Fact]
    public void More_than_is_left_to_bill_is_a_validation_error_not_a_gate_refusal()
    {
        var order = Order(SalesOrderStatus.FaturadoParcial, Product("P", 5, 10m, billed: 4));

        var ex = Should.Throw<AppException>(() => BillingRules.Plan(order, Tasks(), [new BillingRequestLine("P", 2)]));

        ex.Code.ShouldBe(ErrorCodes.Validation);
        ex.Message.ShouldContain("tem 1 a faturar");
    }

    [Fact]
    public void Status_view_shows_billable_now_as_completed_minus_billed()
    {
        var order = Order(SalesOrderStatus.FaturadoParcial, Service("A", 15, 150m, billed: 4, tasksGenerated: 15));

        var line = BillingRules.StatusView(order, Tasks(("A", 15, 9))).Single();

        line.ShouldBe(new BillingItemStatus("A", "Instalação de câmera", ItemKind.Service, 15, true, 15, 9, 4, 5));
    }

    [Fact]
    public void Partial_invoices_of_an_item_add_up_to_its_total_to_the_centavo()
    {
        var item = Service("A", 3, 33.33m) with { DiscountKind = DiscountKind.Percent, Discount = 10 };
        var amounts = Money.LineTotal(3, 33.33m, DiscountKind.Percent, 10);
        item = item with { Gross = amounts.Gross, DiscountAmount = amounts.Discount, Total = amounts.Total };

        var parts = new[] { BillingRules.AmountsFor(item, 0, 1), BillingRules.AmountsFor(item, 1, 1), BillingRules.AmountsFor(item, 2, 1) };

        parts.Sum(p => p.Total).ShouldBe(item.Total);
        parts.Sum(p => p.Gross).ShouldBe(item.Gross);
        parts.Sum(p => p.Discount).ShouldBe(item.DiscountAmount);
    }

    [Fact]
    public void Iss_is_the_service_rate_over_the_amount_rounded_to_centavos()
    {
        BillingRules.Iss(1234.57m, 2.5m).ShouldBe(30.86m);
        BillingRules.Iss(1000m, 5m).ShouldBe(50m);
    }

    [Fact]
    public void Cancelling_reverts_billed_quantities_and_the_status_goes_back()
    {
        var items = new[] { Service("A", 15, 150m, billed: 10), Product("P", 2, 10m, billed: 2) };

        var reverted = BillingRules.WithBilled(items, new Dictionary<string, decimal> { ["A"] = -10, ["P"] = -2 });

        reverted.Select(i => i.BilledQuantity).ShouldBe([0m, 0m]);
        SalesOrderRules.StatusAfterBilling(reverted).ShouldBe(SalesOrderStatus.Pedido);
        SalesOrderRules.StatusAfterBilling(BillingRules.WithBilled(items, new Dictionary<string, decimal> { ["A"] = 5 })).ShouldBe(SalesOrderStatus.Faturado);
    }
}
