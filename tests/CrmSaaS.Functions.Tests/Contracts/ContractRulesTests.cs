using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Contracts;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;

namespace CrmSaaS.Functions.Tests.Contracts;

public sealed class ContractRulesTests
{
    private static readonly ServiceLineRequest FreeLine = new(null, "Horas de suporte", null, 10m, 120m, "percent", 10m);

    private static ContractRequest Request(
        string? customerId = "01CUSTOMER", string? title = "Suporte mensal", string? start = "2026-01-01", string? end = "2026-12-31", string? recurrence = "Monthly") =>
        new(customerId, title, start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), recurrence, [FreeLine], null, null);

    private static ContractFields Validate(ContractRequest request) =>
        ContractRules.Validate(request, new Dictionary<string, Service>(), new Dictionary<string, Category>());

    [Fact]
    public void Valid_contract_is_normalised()
    {
        var fields = Validate(Request());

        fields.Recurrence.ShouldBe("monthly");
        fields.Items.Single().ShouldBe(new ServiceLine(null, "Horas de suporte", null, null, 10m, 120m, "percent", 10m));
        ServiceLineRules.Totals(fields.Items).Total.ShouldBe(1080m);
    }

    [Fact]
    public void Missing_fields_and_inverted_dates_are_reported_in_portuguese()
    {
        var missing = Should.Throw<AppException>(() => Validate(Request(customerId: null, title: " ", start: null, recurrence: "semanal")));
        missing.Errors!["customerId"].ShouldBe(["Informe o cliente do contrato."]);
        missing.Errors["title"].ShouldBe(["Informe o título do contrato."]);
        missing.Errors["startDate"].ShouldBe(["Informe a data de início do contrato."]);
        missing.Errors["recurrence"].ShouldBe(["Informe a recorrência: monthly (mensal), quarterly (trimestral), yearly (anual) ou once (única)."]);

        Should.Throw<AppException>(() => Validate(Request(start: "2026-05-01", end: "2026-04-30")))
            .Errors!["endDate"].ShouldBe(["A data de término não pode ser anterior à data de início."]);
    }

    [Theory]
    [InlineData("draft", "active")]
    [InlineData("active", "suspended")]
    [InlineData("suspended", "active")]
    [InlineData("active", "ended")]
    [InlineData("suspended", "ended")]
    public void Allowed_status_moves(string from, string to)
    {
        ContractRules.CheckMove(from, to.ToUpperInvariant()).ShouldBe(to);
    }

    [Theory]
    [InlineData("draft", "ended", "Um contrato rascunho não pode passar para encerrado.")]
    [InlineData("active", "draft", "Um contrato ativo não pode passar para rascunho.")]
    [InlineData("ended", "active", "Um contrato encerrado não pode passar para ativo.")]
    [InlineData("active", "active", "Um contrato ativo não pode passar para ativo.")]
    public void Refused_status_moves_are_invalid_state(string from, string to, string detail)
    {
        var error = Should.Throw<AppException>(() => ContractRules.CheckMove(from, to));

        error.Code.ShouldBe(ErrorCodes.InvalidState);
        error.Status.ShouldBe(409);
        error.Message.ShouldBe(detail);
    }

    [Fact]
    public void Unknown_status_is_a_validation_error()
    {
        Should.Throw<AppException>(() => ContractRules.CheckMove("draft", "cancelado")).Status.ShouldBe(400);
        Should.Throw<AppException>(() => ContractRules.ListStatus("cancelado")).Status.ShouldBe(400);
    }
}
