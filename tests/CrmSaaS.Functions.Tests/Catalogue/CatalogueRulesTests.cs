using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tests.Catalogue;

public sealed class CatalogueRulesTests
{
    private static ServiceRequest Service(decimal? issRate = 5m, string? code = "SRV-01", string? nationalTaxCode = "010701", decimal? unitPrice = 100m) =>
        new(code, "Instalação de rede", unitPrice, null, "01.07", nationalTaxCode, issRate, null);

    [Theory]
    [InlineData("2")]
    [InlineData("3.5")]
    [InlineData("5")]
    public void Iss_rate_between_2_and_5_percent_is_accepted(string rate)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        CatalogueRules.Validate(Service(issRate: value)).IssRate.ShouldBe(value);
    }

    [Theory]
    [InlineData("1.99")]
    [InlineData("5.01")]
    [InlineData("0")]
    public void Iss_rate_outside_2_to_5_percent_is_refused(string rate)
    {
        var error = Should.Throw<AppException>(() => CatalogueRules.Validate(Service(issRate: decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))));

        error.Errors!["issRate"].ShouldBe(["A alíquota de ISS deve estar entre 2% e 5% (LC 116/2003)."]);
    }

    [Fact]
    public void Service_needs_code_price_municipal_code_and_iss_rate()
    {
        var error = Should.Throw<AppException>(() => CatalogueRules.Validate(new ServiceRequest(null, null, null, null, null, "123", null, null)));

        error.Errors!["code"].ShouldBe(["Informe o código do serviço."]);
        error.Errors["description"].ShouldBe(["Informe a descrição do serviço."]);
        error.Errors["unitPrice"].ShouldBe(["Informe o preço unitário do serviço."]);
        error.Errors["municipalServiceCode"].ShouldBe(["Informe o código do serviço municipal (item da lista da LC 116/2003, ex.: 01.07)."]);
        error.Errors["nationalTaxCode"].ShouldBe(["O código de tributação nacional (cTribNac) deve ter 6 dígitos."]);
        error.Errors["issRate"].ShouldBe(["Informe a alíquota de ISS (entre 2% e 5%)."]);
    }

    [Theory]
    [InlineData("SRV 01")]
    [InlineData("SRV|01")]
    [InlineData("SRV/01")]
    [InlineData("SERVIÇO")]
    public void Codes_are_limited_to_characters_safe_in_keys(string code)
    {
        Should.Throw<AppException>(() => CatalogueRules.Validate(Service(code: code)))
            .Errors!["code"].ShouldBe(["O código deve ter apenas letras sem acento, números, ponto, hífen ou sublinhado."]);
    }

    [Fact]
    public void Negative_prices_and_stock_are_refused()
    {
        Should.Throw<AppException>(() => CatalogueRules.Validate(Service(unitPrice: -1m)))
            .Errors!["unitPrice"].ShouldBe(["O preço unitário não pode ser negativo."]);
        var product = Should.Throw<AppException>(() => CatalogueRules.Validate(new ProductRequest("P1", "Cabo", -0.01m, -2m, "m", null)));
        product.Errors!["price"].ShouldBe(["O preço não pode ser negativo."]);
        product.Errors["stock"].ShouldBe(["O estoque não pode ser negativo."]);
    }

    [Fact]
    public void Product_unit_defaults_to_un_and_is_upper_case()
    {
        CatalogueRules.Validate(new ProductRequest("P1", "Cabo", 10m, null, null, null)).Unit.ShouldBe("UN");
        CatalogueRules.Validate(new ProductRequest("P1", "Cabo", 10m, 3m, "m", null)).Unit.ShouldBe("M");
    }

    [Fact]
    public void Product_service_type_kind_must_be_product_or_service()
    {
        CatalogueRules.Validate(new ProductServiceTypeRequest("Licença", "SERVICE")).Kind.ShouldBe("service");
        Should.Throw<AppException>(() => CatalogueRules.Validate(new ProductServiceTypeRequest("Licença", "outro")))
            .Errors!["kind"].ShouldBe(["Informe se o tipo é de produto (\"product\") ou de serviço (\"service\")."]);
    }

    [Fact]
    public void Code_index_is_case_insensitive()
    {
        CatalogueStore.ServiceCodeKey("srv-01").ShouldBe(CatalogueStore.ServiceCodeKey("SRV-01"));
    }
}
