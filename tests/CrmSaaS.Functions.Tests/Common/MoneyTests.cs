using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("0.005", "0.01")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("10", "10.00")]
    public void Rounds_to_centavos_half_away_from_zero(string value, string expected)
    {
        Money.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1234.56", "R$ 1.234,56")]
    [InlineData("0", "R$ 0,00")]
    [InlineData("5.5", "R$ 5,50")]
    [InlineData("1234567.891", "R$ 1.234.567,89")]
    [InlineData("-10.5", "-R$ 10,50")]
    public void Formats_reais_the_brazilian_way(string value, string expected)
    {
        Money.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Line_gross_is_rounded_before_the_percent_discount_is_taken()
    {
        // 3 × 33,335 = 100,005 → 100,01; 10% of 100,01 = 10,001 → 10,00.
        var line = Money.LineTotal(3m, 33.335m, DiscountKind.Percent, 10m);

        line.ShouldBe(new LineAmounts(100.01m, 10.00m, 90.01m));
    }

    [Fact]
    public void Amount_discount_is_subtracted_from_the_gross()
    {
        Money.LineTotal(2m, 50m, DiscountKind.Amount, 15.5m).ShouldBe(new LineAmounts(100m, 15.5m, 84.5m));
    }

    [Fact]
    public void Discount_equal_to_the_gross_gives_a_free_line()
    {
        Money.LineTotal(1m, 80m, DiscountKind.Percent, 100m).Total.ShouldBe(0m);
        Money.LineTotal(1m, 80m, DiscountKind.Amount, 80m).Total.ShouldBe(0m);
    }

    [Fact]
    public void No_discount_kind_ignores_the_discount_value()
    {
        Money.LineTotal(4m, 12.5m, DiscountKind.None, 999m).ShouldBe(new LineAmounts(50m, 0m, 50m));
    }

    [Fact]
    public void Fractional_quantities_are_allowed()
    {
        // 1,5 h × R$ 133,33 = 199,995 → 200,00
        Money.LineTotal(1.5m, 133.33m, DiscountKind.None, 0m).Total.ShouldBe(200.00m);
    }

    [Fact]
    public void Discount_above_the_gross_is_refused()
    {
        var exception = Should.Throw<ArgumentException>(() => Money.LineTotal(1m, 100m, DiscountKind.Amount, 100.01m));

        exception.Message.ShouldBe("O desconto não pode ser maior que o valor bruto do item.");
    }

    [Theory]
    [InlineData(0, 10, DiscountKind.None, 0, "A quantidade deve ser maior que zero.")]
    [InlineData(-1, 10, DiscountKind.None, 0, "A quantidade deve ser maior que zero.")]
    [InlineData(1, -10, DiscountKind.None, 0, "O valor unitário não pode ser negativo.")]
    [InlineData(1, 10, DiscountKind.Amount, -1, "O desconto não pode ser negativo.")]
    [InlineData(1, 10, DiscountKind.Percent, -5, "O desconto não pode ser negativo.")]
    [InlineData(1, 10, DiscountKind.Percent, 101, "O desconto percentual não pode ser maior que 100%.")]
    [InlineData(1, 10, DiscountKind.Amount, 11, "O desconto não pode ser maior que o valor bruto do item.")]
    public void Invalid_lines_get_a_portuguese_message(
        decimal quantity, decimal unitPrice, DiscountKind kind, decimal discount, string message)
    {
        Money.ValidateLine(quantity, unitPrice, kind, discount).ShouldBe(message);
    }

    [Fact]
    public void Valid_line_has_no_message()
    {
        Money.ValidateLine(2m, 10m, DiscountKind.Percent, 50m).ShouldBeNull();
    }

    [Fact]
    public void Totals_are_sums_of_rounded_lines_not_the_rounded_sum()
    {
        // Each line: 10,005 → 10,01. Three lines total 30,03 (rounding the raw sum 30,015 would give 30,02).
        var lines = Enumerable.Range(0, 3).Select(_ => Money.LineTotal(1m, 10.005m, DiscountKind.None, 0m));

        Money.Totals(lines).ShouldBe(new LineAmounts(30.03m, 0m, 30.03m));
    }

    [Fact]
    public void Totals_add_gross_discount_and_total_separately()
    {
        var lines = new[]
        {
            Money.LineTotal(2m, 50m, DiscountKind.Percent, 10m),
            Money.LineTotal(1m, 30m, DiscountKind.Amount, 5m),
        };

        Money.Totals(lines).ShouldBe(new LineAmounts(130m, 15m, 115m));
    }
}
