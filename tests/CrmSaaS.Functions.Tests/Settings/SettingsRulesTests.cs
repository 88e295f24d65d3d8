using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Settings;

namespace CrmSaaS.Functions.Tests.Settings;

public sealed class SettingsRulesTests
{
    private static readonly IReadOnlyList<PipelineStage> Current = PipelineRules.DefaultStages;

    [Fact]
    public void Default_stages_are_the_five_of_the_sign_up_in_order()
    {
        PipelineRules.DefaultStages.Select(s => s.Name).ShouldBe(["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechamento"]);
        PipelineRules.DefaultStages.Select(s => s.Order).ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Reordering_and_renaming_keeps_ids_and_numbers_the_order_by_position()
    {
        var (stages, removed) = PipelineRules.Apply(Current,
        [
            new("qualificacao", "Qualificação técnica"),
            new("prospeccao", "Prospecção"),
            new("proposta", "Proposta"),
            new("negociacao", "Negociação"),
            new("fechamento", "Fechamento"),
        ], () => "new");

        stages[0].ShouldBe(new PipelineStage("qualificacao", "Qualificação técnica", 1));
        stages[1].ShouldBe(new PipelineStage("prospeccao", "Prospecção", 2));
        removed.ShouldBeEmpty();
    }

    [Fact]
    public void A_stage_without_id_is_added_and_a_missing_one_is_reported_as_removed()
    {
        var (stages, removed) = PipelineRules.Apply(Current,
        [
            new("prospeccao", "Prospecção"),
            new(null, "Demonstração"),
            new("fechamento", "Fechamento"),
        ], () => "demo-id");

        stages.Select(s => s.Id).ShouldBe(["prospeccao", "demo-id", "fechamento"]);
        removed.ShouldBe(["qualificacao", "proposta", "negociacao"]);
    }

    [Fact]
    public void Invalid_lists_are_refused_with_every_problem_in_portuguese()
    {
        var error = Should.Throw<AppException>(() => PipelineRules.Apply(Current,
        [
            new("prospeccao", " "),
            new("desconhecida", "Nova"),
            new(null, "nova"),
        ], () => "x"));

        error.Code.ShouldBe(ErrorCodes.Validation);
        error.Errors!["stages[0].name"].ShouldContain("Informe o nome da etapa.");
        error.Errors["stages[1].id"].Single().ShouldContain("Etapa desconhecida");
        error.Errors["stages[2].name"].Single().ShouldBe("A etapa \"nova\" aparece mais de uma vez.");
    }

    [Fact]
    public void An_empty_pipeline_is_refused()
    {
        var error = Should.Throw<AppException>(() => PipelineRules.Apply(Current, [], () => "x"));

        error.Errors!["stages"].ShouldBe(["Informe ao menos uma etapa do funil."]);
    }

    [Theory]
    [InlineData("Pedido {numero} - {cliente}", null, "Pedido 1024 - Padaria Pão Quente")]
    [InlineData("Pedido {numero} - {cliente}", "Expansão Loja 2", "Pedido 1024 - Padaria Pão Quente - Expansão Loja 2")]
    [InlineData("{projeto} - Pedido {numero} - {cliente}", "Reforma", "Reforma - Pedido 1024 - Padaria Pão Quente")]
    [InlineData("{projeto} - Pedido {numero} - {cliente}", "", "Pedido 1024 - Padaria Pão Quente")]
    [InlineData("Pedido {numero} - {projeto} - {cliente}", null, "Pedido 1024 - Padaria Pão Quente")]
    [InlineData("Pedido {numero} ({projeto}) {cliente}", null, "Pedido 1024 Padaria Pão Quente")]
    [InlineData("Pedido {numero} ({projeto}) {cliente}", "Filial", "Pedido 1024 (Filial) Padaria Pão Quente")]
    public void Title_puts_the_project_in_when_filled_and_leaves_no_dangling_separator(string pattern, string? project, string expected)
    {
        OrderCrmRules.Title(pattern, 1024, "Padaria Pão Quente", project).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "Informe o padrão do título da oportunidade.")]
    [InlineData("Pedido {cliente}", "O padrão do título deve conter {numero} (o número do pedido).")]
    [InlineData("Pedido {numero} {vendedor}", "Campo desconhecido no padrão do título: {vendedor}. Use {numero}, {cliente} e {projeto}.")]
    public void Invalid_title_patterns_are_explained(string pattern, string message)
    {
        OrderCrmRules.ValidatePattern(pattern).ShouldBe(message);
    }

    [Fact]
    public void The_default_title_pattern_is_valid()
    {
        OrderCrmRules.ValidatePattern(OrderCrmRules.DefaultTitlePattern).ShouldBeNull();
    }
}
