using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Common;

public class PaymentTermsTests
{
    [Theory]
    [InlineData("30/60/90", new[] { 30, 60, 90 })]
    [InlineData(" 30 / 60 /90 ", new[] { 30, 60, 90 })]
    [InlineData("0/30/60", new[] { 0, 30, 60 })]
    [InlineData("28", new[] { 28 })]
    public void Parses_the_days_after_the_base_date(string text, int[] days)
    {
        var terms = PaymentTerms.Parse(text);

        terms.Days.ShouldBe(days);
        terms.ToString().ShouldBe(string.Join('/', days));
    }

    [Fact]
    public void Due_dates_are_counted_from_the_base_date()
    {
        var dates = PaymentTerms.Parse("0/30/60").DueDates(new DateOnly(2026, 12, 15));

        dates.ShouldBe([new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), new DateOnly(2027, 2, 13)]);
    }

    [Theory]
    [InlineData(null, "Informe a condição de pagamento em dias, por exemplo 30/60/90.")]
    [InlineData("  ", "Informe a condição de pagamento em dias, por exemplo 30/60/90.")]
    [InlineData("30/abc", "Condição de pagamento inválida: \"abc\" não é um número de dias. Use o formato 30/60/90.")]
    [InlineData("30/60/", "Condição de pagamento inválida: \"\" não é um número de dias. Use o formato 30/60/90.")]
    [InlineData("-30", "Condição de pagamento inválida: \"-30\" não é um número de dias. Use o formato 30/60/90.")]
    [InlineData("30,60", "Condição de pagamento inválida: \"30,60\" não é um número de dias. Use o formato 30/60/90.")]
    [InlineData("60/30", "Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.")]
    [InlineData("30/30", "Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.")]
    [InlineData("30/4000", "Condição de pagamento inválida: o prazo máximo é de 3650 dias.")]
    public void Invalid_terms_get_a_portuguese_message(string? text, string message)
    {
        PaymentTerms.TryParse(text, out var terms, out var error).ShouldBeFalse();

        terms.ShouldBeNull();
        error.ShouldBe(message);
        Should.Throw<FormatException>(() => PaymentTerms.Parse(text)).Message.ShouldBe(message);
    }

    [Fact]
    public void More_installments_than_the_limit_are_refused()
    {
        var text = string.Join('/', Enumerable.Range(1, 121));

        PaymentTerms.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldBe("Condição de pagamento inválida: no máximo 120 parcelas.");
    }
}
