using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tests.Customers;

public sealed class CustomerRulesTests
{
    private static CustomerRequest Request(
        string? legalName = "Conceição Serviços Ltda",
        string? tradeName = null,
        string? taxId = "11.222.333/0001-81",
        string? email = "Financeiro@Conceicao.com.br",
        string? phone = "(81) 3222-1100",
        string? state = "pe",
        string? postalCode = "50030-230",
        string? cityIbgeCode = "2611606") =>
        new(legalName, tradeName, taxId, email, phone, "Rua da Aurora", "100", null, "Boa Vista", "Recife", state, postalCode, cityIbgeCode, null, null, null);

    [Fact]
    public void Valid_customer_is_normalised()
    {
        var fields = CustomerRules.Validate(Request());

        fields.TaxId.Value.ShouldBe("11222333000181");
        fields.TaxId.Kind.ShouldBe(TaxIdKind.Cnpj);
        fields.TradeName.ShouldBe("Conceição Serviços Ltda");
        fields.Email.ShouldBe("financeiro@conceicao.com.br");
        fields.State.ShouldBe("PE");
        fields.PostalCode.ShouldBe("50030230");
        fields.SearchText.ShouldContain("conceicao servicos");
        fields.SearchText.ShouldContain("11222333000181");
    }

    [Fact]
    public void Alphanumeric_cnpj_and_cpf_are_accepted()
    {
        var company = CustomerRules.Validate(Request(taxId: "12.abc.345/01de-35"));
        company.TaxId.Value.ShouldBe("12ABC34501DE35");
        company.TaxId.IsAlphanumeric.ShouldBeTrue();

        var person = CustomerRules.Validate(Request(taxId: "529.982.247-25"));
        person.TaxId.Kind.ShouldBe(TaxIdKind.Cpf);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once_in_portuguese()
    {
        var error = Should.Throw<AppException>(() => CustomerRules.Validate(Request(
            legalName: " ", taxId: "11.222.333/0001-80", email: "sem-arroba", phone: "123", state: "XX", postalCode: "123", cityIbgeCode: "26")));

        error.Status.ShouldBe(400);
        error.Code.ShouldBe(ErrorCodes.Validation);
        error.Errors!["legalName"].ShouldBe(["Informe a razão social (ou o nome, para pessoa física)."]);
        error.Errors["taxId"].ShouldBe(["CNPJ inválido: dígitos verificadores não conferem."]);
        error.Errors["email"].ShouldBe(["Informe um e-mail válido (ex.: nome@empresa.com.br)."]);
        error.Errors["phone"].ShouldBe(["Telefone inválido: informe DDD e número (10 ou 11 dígitos)."]);
        error.Errors["state"].ShouldBe(["UF inválida: informe a sigla do estado (ex.: SP)."]);
        error.Errors["postalCode"].ShouldBe(["CEP inválido: informe os 8 dígitos (ex.: 01310-100)."]);
        error.Errors["cityIbgeCode"].ShouldBe(["Código IBGE do município inválido: informe os 7 dígitos."]);
    }

    [Fact]
    public void Tax_id_is_required()
    {
        var error = Should.Throw<AppException>(() => CustomerRules.Validate(Request(taxId: null)));

        error.Errors!["taxId"].ShouldBe(["Informe o CPF ou CNPJ."]);
    }

    [Theory]
    [InlineData("11987654321")]
    [InlineData("(11) 98765-4321")]
    [InlineData("+55 11 3333-4444")]
    public void Brazilian_phones_with_area_code_are_accepted(string phone)
    {
        CustomerRules.Validate(Request(phone: phone)).Phone.ShouldBe(phone);
    }

    [Fact]
    public void Duplicate_detail_names_the_customer_that_has_the_tax_id()
    {
        CustomerRules.DuplicateTaxIdDetail(TaxIdKind.Cnpj, "Alfa Ltda", existingArchived: false)
            .ShouldBe("Já existe um cliente com este CNPJ: Alfa Ltda");
        CustomerRules.DuplicateTaxIdDetail(TaxIdKind.Cpf, "João da Silva", existingArchived: true)
            .ShouldBe("Já existe um cliente com este CPF: João da Silva (arquivado)");
    }

    [Fact]
    public void Contact_and_site_need_a_name()
    {
        Should.Throw<AppException>(() => CustomerRules.Validate(new CustomerContactRequest(null, "x@y.com.br", null, null)))
            .Errors!["name"].ShouldBe(["Informe o nome do contato."]);
        Should.Throw<AppException>(() => CustomerRules.Validate(new SiteRequest("", "Campinas", "SP", null, null)))
            .Errors!["name"].ShouldBe(["Informe o nome do site (local, unidade ou bloco)."]);
    }

    [Fact]
    public void Unknown_list_status_is_refused()
    {
        CustomerRules.ListStatus(null).ShouldBeNull();
        CustomerRules.ListStatus("Archived").ShouldBe("archived");
        Should.Throw<AppException>(() => CustomerRules.ListStatus("deleted")).Status.ShouldBe(400);
    }
}
