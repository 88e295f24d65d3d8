using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;

namespace CrmSaaS.Functions.Tests.Solutions;

public sealed class ServiceLineRulesTests
{
    private static readonly Service Installation = new()
    {
        Id = "svc-installation",
        Code = "SRV-INST",
        Description = "Instalação",
        UnitPrice = 33.33m,
        CategoryId = "cat-infra",
        CategoryName = "Infraestrutura",
        MunicipalServiceCode = "01.07",
        IssRate = 5m,
        Active = true,
    };

    private static readonly Service Retired = Installation with { Id = "svc-retired", Code = "SRV-OLD", Active = false };

    private static readonly Category Training = new() { Id = "cat-training", Name = "Treinamento" };

    private static readonly Dictionary<string, Service> Services = new() { [Installation.Id] = Installation, [Retired.Id] = Retired };
    private static readonly Dictionary<string, Category> Categories = new() { [Training.Id] = Training };

    private static (IReadOnlyList<ServiceLine> Lines, Validation Validation) Validate(bool serviceRequired, params ServiceLineRequest[] requests)
    {
        var validation = new Validation();
        var lines = ServiceLineRules.Validate(validation, requests, "lines", serviceRequired, "Inclua ao menos um serviço.", Services, Categories);
        return (lines, validation);
    }

    private static IDictionary<string, string[]> Errors(bool serviceRequired, params ServiceLineRequest[] requests)
    {
        var (_, validation) = Validate(serviceRequired, requests);
        return Should.Throw<AppException>(validation.ThrowIfInvalid).Errors!;
    }

    [Fact]
    public void Empty_fields_are_filled_from_the_service()
    {
        var (lines, validation) = Validate(true, new ServiceLineRequest(Installation.Id, null, null, 3m, null, null, null));

        validation.IsValid.ShouldBeTrue();
        lines.Single().ShouldBe(new ServiceLine(Installation.Id, "Instalação", "cat-infra", "Infraestrutura", 3m, 33.33m, "none", 0m));
    }

    [Fact]
    public void A_line_may_choose_its_own_category_description_and_price()
    {
        var (lines, _) = Validate(true, new ServiceLineRequest(Installation.Id, "Instalação com treinamento", Training.Id, 1m, 500m, "amount", 50m));

        lines.Single().ShouldBe(new ServiceLine(Installation.Id, "Instalação com treinamento", Training.Id, "Treinamento", 1m, 500m, "amount", 50m));
    }

    [Fact]
    public void Percent_discount_is_rounded_to_centavos_half_away_from_zero()
    {
        // 3 × 33,33 = 99,99; 10 % = 9,999 → 10,00; total 89,99.
        var priced = ServiceLineRules.Price(new ServiceLine(Installation.Id, "Instalação", null, null, 3m, 33.33m, "percent", 10m));

        priced.Gross.ShouldBe(99.99m);
        priced.DiscountAmount.ShouldBe(10.00m);
        priced.Total.ShouldBe(89.99m);
        priced.Kind.ShouldBe("service");
    }

    [Fact]
    public void Amount_discount_and_fractional_quantities_round_per_line()
    {
        // 2,5 × 10,01 = 25,025 → 25,03; desconto R$ 5,005 → 5,01; total 20,02.
        var priced = ServiceLineRules.Price(new ServiceLine(null, "Horas técnicas", null, null, 2.5m, 10.01m, "amount", 5.005m));

        priced.Gross.ShouldBe(25.03m);
        priced.DiscountAmount.ShouldBe(5.01m);
        priced.Total.ShouldBe(20.02m);
    }

    [Fact]
    public void Totals_are_sums_of_rounded_lines()
    {
        var half = new ServiceLine(null, "Taxa", null, null, 1m, 0.005m, "none", 0m);

        var totals = ServiceLineRules.Totals([half, half, half]);

        totals.Gross.ShouldBe(0.03m);
        totals.Total.ShouldBe(0.03m);
    }

    [Fact]
    public void Discount_larger_than_the_line_is_refused_on_the_discount_field()
    {
        var errors = Errors(true,
            new ServiceLineRequest(Installation.Id, null, null, 1m, 100m, "amount", 100.01m),
            new ServiceLineRequest(Installation.Id, null, null, 1m, 100m, "percent", 101m),
            new ServiceLineRequest(Installation.Id, null, null, 1m, 100m, "percent", -1m));

        errors["lines[0].discount"].ShouldBe(["O desconto não pode ser maior que o valor bruto do item."]);
        errors["lines[1].discount"].ShouldBe(["O desconto percentual não pode ser maior que 100%."]);
        errors["lines[2].discount"].ShouldBe(["O desconto não pode ser negativo."]);
    }

    [Fact]
    public void Unknown_inactive_and_missing_services_are_field_errors()
    {
        var errors = Errors(true,
            new ServiceLineRequest("svc-missing", "X", null, 1m, 1m, null, null),
            new ServiceLineRequest(Retired.Id, null, null, 1m, null, null, null),
            new ServiceLineRequest(null, "Sem serviço", null, 1m, 1m, null, null),
            new ServiceLineRequest(Installation.Id, null, "cat-missing", 0m, -1m, "brinde", null));

        errors["lines[0].serviceId"].ShouldBe(["Serviço não encontrado."]);
        errors["lines[1].serviceId"].ShouldBe(["O serviço SRV-OLD está inativo e não pode ser usado."]);
        errors["lines[2].serviceId"].ShouldBe(["Informe o serviço."]);
        errors["lines[3].categoryId"].ShouldBe(["Categoria não encontrada."]);
        errors["lines[3].quantity"].ShouldBe(["A quantidade deve ser maior que zero."]);
        errors["lines[3].unitPrice"].ShouldBe(["O valor unitário não pode ser negativo."]);
        errors["lines[3].discountKind"].ShouldBe(["Tipo de desconto inválido: use \"none\", \"percent\" (%) ou \"amount\" (R$)."]);
    }

    [Fact]
    public void Free_text_lines_need_description_quantity_and_price_when_no_service_is_required()
    {
        var (lines, validation) = Validate(false, new ServiceLineRequest(null, "Visita técnica", null, 2m, 80m, null, null));
        validation.IsValid.ShouldBeTrue();
        lines.Single().ServiceId.ShouldBeNull();

        var errors = Errors(false, new ServiceLineRequest(null, null, null, null, null, null, null));
        errors["lines[0].description"].ShouldBe(["Informe a descrição do item."]);
        errors["lines[0].quantity"].ShouldBe(["Informe a quantidade."]);
        errors["lines[0].unitPrice"].ShouldBe(["Informe o valor unitário."]);
    }

    [Fact]
    public void Empty_and_oversized_line_lists_are_refused()
    {
        Errors(true)["lines"].ShouldBe(["Inclua ao menos um serviço."]);
        var many = Enumerable.Repeat(new ServiceLineRequest(Installation.Id, null, null, 1m, null, null, null), ServiceLineRules.MaxLines + 1).ToArray();
        Errors(true, many)["lines"].ShouldBe([$"São permitidas no máximo {ServiceLineRules.MaxLines} linhas."]);
    }

    [Fact]
    public void Lines_survive_the_json_they_are_stored_in()
    {
        var lines = new[] { new ServiceLine(Installation.Id, "Instalação", "cat-infra", "Infraestrutura", 1.5m, 33.33m, "percent", 12.5m) };

        var json = ServiceLineRules.ToJson(lines);

        json.ShouldContain("\"serviceId\":\"svc-installation\"");
        json.ShouldContain("\"discountKind\":\"percent\"");
        ServiceLineRules.FromJson(json).ShouldBe(lines);
    }
}
