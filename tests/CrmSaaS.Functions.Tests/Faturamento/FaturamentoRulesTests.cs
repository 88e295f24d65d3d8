using CrmSaaS.Functions.Faturamento;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.Faturamento;

public sealed class FaturamentoRulesTests
{
    private static readonly TicketLine Service = new() { Id = "1", Kind = ItemKind.Service, ServiceId = "s1", Description = "Implantação", Quantity = 1, UnitPrice = 5000, Total = 5000 };
    private static readonly TicketLine Product = new() { Id = "2", Kind = ItemKind.Product, ProductId = "p1", Description = "Licença", Quantity = 2, UnitPrice = 300, Total = 600 };

    [Fact]
    public void All_means_the_three_documents_in_a_fixed_order()
    {
        var validation = new Validation();

        FaturamentoRules.ParseKinds(["all"], validation).ShouldBe(["service-order", "sales-order", "contract"]);
        FaturamentoRules.ParseKinds(["contract", "service-order"], validation).ShouldBe(["service-order", "contract"]);
        validation.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Unknown_or_missing_kinds_are_field_errors()
    {
        var validation = new Validation();
        FaturamentoRules.ParseKinds(["invoice"], validation).ShouldBeEmpty();
        Should.Throw<AppException>(validation.ThrowIfInvalid).Errors!["kinds"]
            .ShouldBe(["Tipo de documento desconhecido: invoice. Use service-order, sales-order, contract ou all."]);

        var empty = new Validation();
        FaturamentoRules.ParseKinds([], empty);
        empty.IsValid.ShouldBeFalse();
    }

    private static GeneratedDocument Doc(string kind, long number) =>
        new(kind, DocumentLinks.KindLabel(kind), "id" + number, number, "x", "x", 10, "Cliente", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Generating_a_kind_again_asks_naming_the_existing_documents()
    {
        var existing = new[] { Doc("service-order", 3), Doc("sales-order", 12) };

        FaturamentoRules.DuplicateQuestion(["contract"], existing).ShouldBeNull();
        FaturamentoRules.DuplicateQuestion(["service-order", "sales-order", "contract"], existing)
            .ShouldBe("Esta oportunidade já gerou: Ordem de serviço nº 3, Pedido de venda nº 12. Confirme para gerar novamente.");
    }

    [Fact]
    public void Service_documents_take_the_services_and_the_sales_order_takes_every_line()
    {
        FaturamentoRules.ItemsFor("service-order", [Service, Product]).Select(i => i.Description).ShouldBe(["Implantação"]);
        FaturamentoRules.ItemsFor("contract", [Service, Product]).Select(i => i.ServiceId).ShouldBe(["s1"]);
        FaturamentoRules.ItemsFor("sales-order", [Service, Product]).Select(i => i.Kind).ShouldBe([ItemKind.Service, ItemKind.Product]);
    }

    [Fact]
    public void A_ticket_without_services_cannot_generate_service_documents()
    {
        FaturamentoRules.MissingLines("service-order", [Product]).ShouldBe("O ticket da oportunidade não tem serviços: não é possível gerar a ordem de serviço.");
        FaturamentoRules.MissingLines("contract", [Product]).ShouldBe("O ticket da oportunidade não tem serviços: não é possível gerar o contrato de serviço.");
        FaturamentoRules.MissingLines("sales-order", [Product]).ShouldBeNull();
        FaturamentoRules.MissingLines("sales-order", []).ShouldBe("O ticket da oportunidade não tem itens: inclua serviços ou produtos antes de gerar documentos.");
    }

    [Fact]
    public void The_account_tax_id_is_matched_in_its_normalised_form()
    {
        FaturamentoRules.AccountTaxId("11.222.333/0001-81")!.Value.Value.ShouldBe("11222333000181");
        FaturamentoRules.AccountTaxId("12.ABC.345/01DE-35")!.Value.Value.ShouldBe("12ABC34501DE35");
        FaturamentoRules.AccountTaxId("11.222.333/0001-80").ShouldBeNull();
        FaturamentoRules.AccountTaxId("").ShouldBeNull();
    }
}
