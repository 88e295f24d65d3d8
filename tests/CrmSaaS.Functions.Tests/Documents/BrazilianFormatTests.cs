using CrmSaaS.Functions.Documents;

namespace CrmSaaS.Functions.Tests.Documents;

public class BrazilianFormatTests
{
    [Theory]
    [InlineData("1234.56", "R$ 1.234,56")]
    [InlineData("0", "R$ 0,00")]
    [InlineData("0.5", "R$ 0,50")]
    [InlineData("1234567.8", "R$ 1.234.567,80")]
    [InlineData("-10", "-R$ 10,00")]
    public void Money_uses_reais_with_dot_groups_and_decimal_comma(string amount, string expected)
    {
        BrazilianFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("1.5", "1,5")]
    [InlineData("1250", "1.250")]
    [InlineData("0.125", "0,125")]
    public void Quantity_has_no_trailing_zeros(string quantity, string expected)
    {
        BrazilianFormat.Quantity(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Date_is_day_month_year()
    {
        BrazilianFormat.Date(new DateOnly(2026, 12, 5)).ShouldBe("05/12/2026");
    }

    [Theory]
    [InlineData("12345678000195", "12.345.678/0001-95", "CNPJ")]
    [InlineData("12.345.678/0001-95", "12.345.678/0001-95", "CNPJ")]
    [InlineData("12abc34501de35", "12.ABC.345/01DE-35", "CNPJ")]
    [InlineData("12345678909", "123.456.789-09", "CPF")]
    [InlineData("123.456.789-09", "123.456.789-09", "CPF")]
    [InlineData(" 12345 ", "12345", "Documento")]
    public void Tax_ids_get_the_CNPJ_or_CPF_mask(string taxId, string expected, string label)
    {
        BrazilianFormat.TaxId(taxId).ShouldBe(expected);
        BrazilianFormat.TaxIdLabel(taxId).ShouldBe(label);
    }
}
