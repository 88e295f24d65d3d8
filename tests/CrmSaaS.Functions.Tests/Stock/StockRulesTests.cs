using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Stock;
using CrmSaaS.Functions.Tests.Billing;

namespace CrmSaaS.Functions.Tests.Stock;

public sealed class StockRulesTests
{
    private static readonly Dictionary<string, (decimal, string)> Stock = new()
    {
        ["P1"] = (10m, "Câmera IP 4MP"),
        ["P2"] = (1m, "Cabo de rede 305 m"),
    };

    [Fact]
    public void Lines_of_the_same_product_add_up_and_services_move_no_stock()
    {
        var items = new[]
        {
            BillingRulesTests.Product("1", 3, 10m) with { ProductId = "P1" },
            BillingRulesTests.Product("2", 4, 10m) with { ProductId = "P1" },
            BillingRulesTests.Service("3", 2, 50m),
        };

        StockRules.ProductQuantities(items).ShouldBe(new Dictionary<string, decimal> { ["P1"] = 7m });
    }

    [Fact]
    public void Deducting_more_than_the_stock_is_refused_naming_the_product()
    {
        var ex = Should.Throw<AppException>(() => StockRules.Move(new Dictionary<string, decimal> { ["P1"] = 2, ["P2"] = 3 }, Stock, allowNegative: false));

        ex.Status.ShouldBe(409);
        ex.Code.ShouldBe(StockRules.InsufficientCode);
        ex.Message.ShouldContain("Cabo de rede 305 m (disponível 1, pedido 3)");
        ex.Message.ShouldNotContain("Câmera");
        ex.Extensions["products"].ShouldBeAssignableTo<IReadOnlyList<StockShortage>>()!.ShouldHaveSingleItem().ProductId.ShouldBe("P2");
    }

    [Fact]
    public void A_tenant_that_allows_negative_stock_sells_beyond_it()
    {
        StockRules.Move(new Dictionary<string, decimal> { ["P2"] = 3 }, Stock, allowNegative: true)
            .ShouldHaveSingleItem().ShouldBe(new StockChange("P2", "Cabo de rede 305 m", 1m, -2m, 3m));
    }

    [Fact]
    public void Giving_back_adds_the_quantities_and_deleted_products_are_skipped()
    {
        StockRules.Move(new Dictionary<string, decimal> { ["P1"] = -2, ["GONE"] = -1 }, Stock, allowNegative: false)
            .ShouldHaveSingleItem().After.ShouldBe(12m);
    }

    [Fact]
    public void Changing_a_confirmed_orders_items_moves_only_the_difference()
    {
        var before = new[] { BillingRulesTests.Product("1", 3, 10m) with { ProductId = "P1" }, BillingRulesTests.Product("2", 1, 10m) with { ProductId = "P2" } };
        var after = new[] { BillingRulesTests.Product("1", 5, 10m) with { ProductId = "P1" }, BillingRulesTests.Product("3", 4, 10m) with { ProductId = "P3" } };

        StockRules.Delta(before, after).ShouldBe(new Dictionary<string, decimal> { ["P1"] = 2m, ["P2"] = -1m, ["P3"] = 4m }, ignoreOrder: true);
    }
}
