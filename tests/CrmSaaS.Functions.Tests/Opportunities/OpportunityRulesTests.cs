using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tests.Opportunities;

public sealed class OpportunityRulesTests
{
    private static readonly CatalogueItemRef Service = new("svc1", TicketLineKind.Service, "Manutenção preventiva", 150m, "cat1", "Manutenção", true);
    private static readonly CatalogueItemRef Product = new("prd1", TicketLineKind.Product, "Filtro de ar", 39.9m, null, null, true);

    private static TicketLine Build(TicketLineInput input, CatalogueItemRef? item, CategoryRef? category = null)
    {
        var validation = new Validation();
        var line = TicketRules.BuildLine("l1", input, item, category, validation);
        validation.IsValid.ShouldBeTrue();
        return line!;
    }

    private static AppException Refused(TicketLineInput input, CatalogueItemRef? item)
    {
        var validation = new Validation();
        TicketRules.BuildLine("l1", input, item, null, validation).ShouldBeNull();
        return Should.Throw<AppException>(validation.ThrowIfInvalid);
    }

    [Fact]
    public void A_service_line_takes_description_price_and_category_from_the_catalogue()
    {
        var line = Build(new TicketLineInput(null, "svc1", null, null, null, 3m, null, null, null), Service);

        line.Kind.ShouldBe(TicketLineKind.Service);
        line.Description.ShouldBe("Manutenção preventiva");
        line.UnitPrice.ShouldBe(150m);
        line.CategoryName.ShouldBe("Manutenção");
        line.Gross.ShouldBe(450m);
        line.Total.ShouldBe(450m);
    }

    [Fact]
    public void Percent_discount_is_rounded_half_away_from_zero_at_line_level()
    {
        // 3 × 33,35 = 100,05; 12,5% of it = 12,50625 → 12,51; total 87,54.
        var line = Build(new TicketLineInput("service", "svc1", null, "Visita", null, 3m, 33.35m, DiscountKind.Percent, 12.5m), Service);

        line.Gross.ShouldBe(100.05m);
        line.DiscountAmount.ShouldBe(12.51m);
        line.Total.ShouldBe(87.54m);
    }

    [Fact]
    public void Amount_discount_in_reais_is_subtracted_and_the_chosen_category_wins()
    {
        var line = Build(new TicketLineInput("service", "svc1", null, null, "cat2", 2m, 100m, DiscountKind.Amount, 25.5m), Service,
            new CategoryRef("cat2", "Instalação"));

        line.DiscountAmount.ShouldBe(25.5m);
        line.Total.ShouldBe(174.5m);
        line.CategoryId.ShouldBe("cat2");
        line.CategoryName.ShouldBe("Instalação");
    }

    [Fact]
    public void A_product_line_is_inferred_from_the_product_id()
    {
        var line = Build(new TicketLineInput(null, null, "prd1", null, null, 2m, null, null, null), Product);

        line.Kind.ShouldBe(TicketLineKind.Product);
        line.ProductId.ShouldBe("prd1");
        line.Total.ShouldBe(79.8m);
    }

    [Fact]
    public void A_discount_larger_than_the_gross_amount_is_refused()
    {
        var error = Refused(new TicketLineInput("service", "svc1", null, null, null, 1m, 100m, DiscountKind.Amount, 100.01m), Service);

        error.Errors!["discount"].ShouldBe(["O desconto não pode ser maior que o valor bruto do item."]);
    }

    [Fact]
    public void Missing_quantity_unknown_item_and_inactive_service_are_explained()
    {
        Refused(new TicketLineInput("service", "svc1", null, null, null, null, null, null, null), Service)
            .Errors!["quantity"].ShouldBe(["Informe a quantidade."]);
        Refused(new TicketLineInput("service", "nope", null, null, null, 1m, null, null, null), null)
            .Errors!["serviceId"].ShouldBe(["O serviço escolhido não existe."]);
        Refused(new TicketLineInput("service", "svc1", null, null, null, 1m, null, null, null), Service with { Active = false })
            .Errors!["serviceId"].ShouldBe(["O serviço \"Manutenção preventiva\" está inativo."]);
        Refused(new TicketLineInput("kit", "svc1", null, null, null, 1m, null, null, null), Service)
            .Errors!.ShouldContainKey("kind");
        Refused(new TicketLineInput("product", "svc1", null, null, null, 1m, null, null, null), Service)
            .Errors!["productId"].ShouldBe(["Escolha o produto do item."]);
    }

    [Fact]
    public void Totals_are_sums_of_rounded_lines_split_by_kind()
    {
        var lines = new[]
        {
            Build(new TicketLineInput("service", "svc1", null, null, null, 3m, 33.35m, DiscountKind.Percent, 12.5m), Service),
            Build(new TicketLineInput("product", null, "prd1", null, null, 3m, 0.335m, null, null), Product),
        };

        var totals = TicketRules.Totals(lines);

        totals.Services.ShouldBe(87.54m);
        totals.Products.ShouldBe(1.01m); // 3 × 0,335 = 1,005 → 1,01
        totals.Gross.ShouldBe(101.06m);
        totals.Discount.ShouldBe(12.51m);
        totals.Total.ShouldBe(88.55m);
    }

    [Fact]
    public void A_solution_becomes_service_lines_with_computed_amounts()
    {
        var ids = new Queue<string>(["a", "b"]);
        var lines = TicketRules.FromSolution("Implantação", new SolutionLine[]
        {
            new("svc1", "Instalação", "cat1", "Instalação", 2m, 500m, DiscountKind.Percent, 10m),
            new("svc2", "Treinamento", null, null, 4m, 120m, DiscountKind.None, 0m),
        }, ids.Dequeue);

        lines.Select(l => (l.Id, l.Kind, l.ServiceId, l.Total)).ShouldBe([("a", "service", "svc1", 900m), ("b", "service", "svc2", 480m)]);
    }

    [Fact]
    public void A_solution_with_an_invalid_line_is_refused_naming_it()
    {
        var error = Should.Throw<AppException>(() => TicketRules.FromSolution("Kit",
            [new SolutionLine("svc1", "Instalação", null, null, 0m, 10m, DiscountKind.None, 0m)], () => "x"));

        error.Message.ShouldBe("A solução \"Kit\" tem um item inválido (Instalação): A quantidade deve ser maior que zero.");
    }

    [Fact]
    public void Stats_move_count_and_total_from_the_old_stage_to_the_new_one()
    {
        var deltas = OpportunityRules.StatsDelta(new CardState("a", true, 100m), new CardState("b", true, 120m));

        deltas["a"].ShouldBe(new StageDelta(-1, -100m));
        deltas["b"].ShouldBe(new StageDelta(1, 120m));
    }

    [Fact]
    public void Stats_follow_ticket_changes_creates_deletes_and_closing()
    {
        OpportunityRules.StatsDelta(new CardState("a", true, 100m), new CardState("a", true, 80m))["a"].ShouldBe(new StageDelta(0, -20m));
        OpportunityRules.StatsDelta(null, new CardState("a", true, 50m))["a"].ShouldBe(new StageDelta(1, 50m));
        OpportunityRules.StatsDelta(new CardState("a", true, 50m), null)["a"].ShouldBe(new StageDelta(-1, -50m));
        OpportunityRules.StatsDelta(new CardState("a", true, 50m), new CardState("a", false, 50m))["a"].ShouldBe(new StageDelta(-1, -50m));
        OpportunityRules.StatsDelta(new CardState("a", false, 50m), new CardState("b", true, 50m))["b"].ShouldBe(new StageDelta(1, 50m));
    }

    [Fact]
    public void Stats_do_not_change_for_header_edits_or_closed_opportunities()
    {
        OpportunityRules.StatsDelta(new CardState("a", true, 100m), new CardState("a", true, 100m)).ShouldBeEmpty();
        OpportunityRules.StatsDelta(new CardState("a", false, 100m), new CardState("b", false, 10m)).ShouldBeEmpty();
    }

    [Fact]
    public void Won_lost_and_reopen_follow_the_status_rules()
    {
        var opportunity = new Opportunity { Id = "o1", StageId = "proposta" };
        var now = DateTimeOffset.Parse("2026-03-05T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Should.Throw<AppException>(() => OpportunityRules.Lose(opportunity, " ", "Ana", now)).Errors!["reason"].ShouldBe(["Informe o motivo da perda."]);
        OpportunityRules.Win(opportunity, "Ana", now);
        opportunity.Status.ShouldBe(OpportunityStatus.Won);
        opportunity.ClosedBy.ShouldBe("Ana");
        Should.Throw<AppException>(() => OpportunityRules.Lose(opportunity, "Preço", "Ana", now)).Message
            .ShouldBe("A oportunidade já foi marcada como ganha: reabra-a para alterar o resultado.");

        OpportunityRules.Reopen(opportunity, stageExists: false, firstStageId: "prospeccao");
        opportunity.Status.ShouldBe(OpportunityStatus.Open);
        opportunity.ClosedAt.ShouldBeNull();
        opportunity.StageId.ShouldBe("prospeccao");
        Should.Throw<AppException>(() => OpportunityRules.Reopen(opportunity, true, "prospeccao")).Code.ShouldBe(ErrorCodes.InvalidState);
    }
}
