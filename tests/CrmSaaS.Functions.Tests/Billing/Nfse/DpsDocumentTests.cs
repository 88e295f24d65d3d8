using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Billing.Nfse;

public class DpsDocumentTests
{
    private static readonly DpsDocument Invoice = DpsSamples.Invoice();

    [Fact]
    public void Realistic_invoice_has_no_errors()
    {
        Invoice.Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3.75")]
    [InlineData("5")]
    public void Iss_rates_from_2_to_5_percent_are_accepted(string rate)
    {
        var invoice = Invoice with { Iss = new DpsIss(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), false) };

        invoice.Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1.99")]
    [InlineData("5.01")]
    [InlineData("6")]
    [InlineData("2.125")]
    public void Iss_rate_outside_2_to_5_percent_is_refused(string rate)
    {
        var invoice = Invoice with { Iss = new DpsIss(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), false) };

        invoice.Validate().ShouldBe(["A alíquota do ISS deve estar entre 2% e 5% (LC 116/2003), com até duas casas decimais."]);
    }

    [Fact]
    public void Description_longer_than_2000_characters_is_refused()
    {
        var invoice = Invoice with { Service = Invoice.Service with { Description = new string('x', 2001) } };

        invoice.Validate().ShouldBe(["A descrição do serviço deve ter no máximo 2000 caracteres."]);
    }

    [Fact]
    public void Description_of_exactly_2000_characters_is_accepted()
    {
        var invoice = Invoice with { Service = Invoice.Service with { Description = new string('x', 2000) } };

        invoice.Validate().ShouldBeEmpty();
        DpsValidator.Validate(DpsXmlWriter.Write(invoice)).ShouldBeEmpty();
    }

    [Fact]
    public void Blank_description_is_refused()
    {
        var invoice = Invoice with { Service = Invoice.Service with { Description = "   " } };

        invoice.Validate().ShouldBe(["Informe a descrição do serviço."]);
    }

    [Fact]
    public void Discount_above_the_service_amount_is_refused()
    {
        var invoice = Invoice with { Values = new DpsValues(100m, 100.01m) };

        invoice.Validate().ShouldBe(["O desconto incondicionado não pode ser maior que o valor do serviço."]);
    }

    [Theory]
    [InlineData("0", "O valor do serviço deve ser maior que zero.")]
    [InlineData("10.005", "O valor do serviço deve estar em centavos e ter no máximo 15 dígitos inteiros.")]
    public void Service_amount_must_be_positive_centavos(string amount, string message)
    {
        var invoice = Invoice with { Values = new DpsValues(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)) };

        invoice.Validate().ShouldBe([message]);
    }

    [Fact]
    public void Competence_after_the_issue_date_is_refused()
    {
        // Issued 05/03/2026 14:30 in Brasília; the service cannot start the next day.
        var invoice = Invoice with { CompetenceDate = new DateOnly(2026, 3, 6) };

        invoice.Validate().ShouldBe(["A data de competência (06/03/2026) não pode ser posterior à data de emissão (05/03/2026)."]);
    }

    [Fact]
    public void Competence_date_is_compared_with_the_brasilia_issue_date()
    {
        // 06/03 01:00 UTC is still 05/03 in Brasília.
        var invoice = Invoice with
        {
            IssuedAt = new DateTimeOffset(2026, 3, 6, 1, 0, 0, TimeSpan.Zero),
            CompetenceDate = new DateOnly(2026, 3, 6),
        };

        invoice.Validate().ShouldBe(["A data de competência (06/03/2026) não pode ser posterior à data de emissão (05/03/2026)."]);
    }

    [Fact]
    public void Alphanumeric_cnpj_cannot_go_into_layout_1_00()
    {
        var invoice = Invoice with { Taker = Invoice.Taker with { TaxId = TaxId.Parse("12.ABC.345/01DE-35") } };

        invoice.Validate().ShouldBe(
            ["O CNPJ alfanumérico do tomador (12.ABC.345/01DE-35) ainda não pode ser informado: o leiaute 1.00 da DPS aceita apenas CNPJ numérico."]);
    }

    [Fact]
    public void Missing_tax_id_is_refused()
    {
        var invoice = Invoice with { Taker = Invoice.Taker with { TaxId = default } };

        invoice.Validate().ShouldBe(["Informe o CPF ou CNPJ do tomador."]);
    }

    [Fact]
    public void Codes_with_the_wrong_number_of_digits_are_refused()
    {
        var invoice = Invoice with
        {
            Issuer = Invoice.Issuer with { MunicipalityCode = "355030" },
            Service = Invoice.Service with { NationalTaxCode = "10701", MunicipalTaxCode = "1234", NbsCode = "12345678" },
            Taker = Invoice.Taker with { Address = Invoice.Taker.Address! with { Cep = "13015-90" } },
        };

        invoice.Validate().ShouldBe(
        [
            "O código IBGE do município do prestador deve ter 7 dígitos.",
            "O CEP do tomador deve ter 8 dígitos.",
            "O código de tributação nacional (cTribNac) deve ter 6 dígitos: item, subitem e desdobro da LC 116/2003.",
            "O código de tributação municipal deve ter 3 dígitos.",
            "O código NBS deve ter 9 dígitos.",
        ]);
    }

    [Fact]
    public void Address_characters_outside_latin_1_are_refused()
    {
        var invoice = Invoice with
        {
            Taker = Invoice.Taker with { Address = Invoice.Taker.Address! with { Street = "Rua Barão de Jaguara – bloco B" } },
        };

        invoice.Validate().ShouldBe(
            ["O logradouro do tomador contém o caractere \"–\", que a NFS-e não aceita. Use letras, números e pontuação comuns."]);
    }

    [Fact]
    public void Control_characters_in_the_name_are_refused()
    {
        var invoice = Invoice with { Taker = Invoice.Taker with { Name = "Padaria\u0007 São João" } };

        invoice.Validate().ShouldBe(["O nome do tomador contém caracteres inválidos."]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("00000")]
    [InlineData("123456")]
    [InlineData("A1")]
    public void Series_must_be_1_to_5_digits_and_not_zero(string series)
    {
        (Invoice with { Series = series }).Validate().ShouldBe(["A série da DPS deve ter de 1 a 5 dígitos e não pode ser zero."]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000_000_000)]
    public void Number_must_have_1_to_15_digits(long number)
    {
        (Invoice with { Number = number }).Validate().ShouldBe(["O número da DPS deve estar entre 1 e 999.999.999.999.999."]);
    }

    [Fact]
    public void Phone_with_letters_is_refused()
    {
        var invoice = Invoice with { Taker = Invoice.Taker with { Phone = "(19) 3232-ABCD" } };

        invoice.Validate().ShouldBe(["O telefone do tomador deve ter de 6 a 20 dígitos, com DDD."]);
    }
}
