using System.Xml.Linq;
using CrmSaaS.Functions.Billing.Nfse;

namespace CrmSaaS.Functions.Tests.Billing.Nfse;

public class DpsValidatorTests
{
    private static readonly XNamespace Nfse = DpsSamples.Nfse;

    [Fact]
    public void Missing_taker_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("toma").Remove());

        DpsValidator.Validate(xml).ShouldBe(["Elemento obrigatório ausente: infDPS/toma."]);
    }

    [Fact]
    public void Taker_cnpj_with_wrong_check_digits_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("toma", "CNPJ").Value = "00000000000190");

        DpsValidator.Validate(xml).ShouldBe(["infDPS/toma/CNPJ: CNPJ inválido: dígitos verificadores não conferem."]);
    }

    [Fact]
    public void Punctuated_cnpj_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("toma", "CNPJ").Value = "00.000.000/0001-91");

        DpsValidator.Validate(xml).ShouldBe(["infDPS/toma/CNPJ: CNPJ \"00.000.000/0001-91\" deve ter 14 dígitos, sem pontuação."]);
    }

    [Fact]
    public void Cpf_with_wrong_check_digits_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
            infDps.Path("toma", "CNPJ").ReplaceWith(new XElement(Nfse + "CPF", "52998224726")));

        DpsValidator.Validate(xml).ShouldBe(["infDPS/toma/CPF: CPF inválido: dígitos verificadores não conferem."]);
    }

    [Fact]
    public void Aliquot_of_6_percent_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("valores", "trib", "tribMun", "pAliq").Value = "6.00");

        DpsValidator.Validate(xml).ShouldBe(
            ["infDPS/valores/trib/tribMun/pAliq: a alíquota do ISS deve estar entre 2.00 e 5.00 (encontrado 6.00)."]);
    }

    [Fact]
    public void Aliquot_without_two_decimals_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("valores", "trib", "tribMun", "pAliq").Value = "2,5");

        DpsValidator.Validate(xml).ShouldBe(["infDPS/valores/trib/tribMun/pAliq: alíquota \"2,5\" deve ter o formato 0.00."]);
    }

    [Fact]
    public void Swapped_elements_are_reported_once_as_out_of_order()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
        {
            var serie = infDps.Path("serie");
            serie.Remove();
            infDps.Path("nDPS").AddAfterSelf(serie);
        });

        DpsValidator.Validate(xml).ShouldBe(["Elemento fora da ordem do leiaute: infDPS/serie deve vir antes de infDPS/nDPS."]);
    }

    [Fact]
    public void Aliquot_in_the_position_of_layout_1_01_is_out_of_order_for_1_00()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
        {
            var pAliq = infDps.Path("valores", "trib", "tribMun", "pAliq");
            pAliq.Remove();
            infDps.Path("valores", "trib", "tribMun", "tpRetISSQN").AddAfterSelf(pAliq);
        });

        DpsValidator.Validate(xml).ShouldBe(
            ["Elemento fora da ordem do leiaute: infDPS/valores/trib/tribMun/pAliq deve vir antes de infDPS/valores/trib/tribMun/tpRetISSQN."]);
    }

    [Fact]
    public void Taker_placed_before_the_issuer_is_out_of_order()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
        {
            var toma = infDps.Path("toma");
            toma.Remove();
            infDps.Path("prest").AddBeforeSelf(toma);
        });

        DpsValidator.Validate(xml).ShouldBe(["Elemento fora da ordem do leiaute: infDPS/prest deve vir antes de infDPS/toma."]);
    }

    [Fact]
    public void Missing_required_leaf_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("serv", "cServ", "cTribNac").Remove());

        DpsValidator.Validate(xml).ShouldBe(["Elemento obrigatório ausente: infDPS/serv/cServ/cTribNac."]);
    }

    [Fact]
    public void Missing_taker_tax_id_names_both_alternatives()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("toma", "CNPJ").Remove());

        DpsValidator.Validate(xml).ShouldBe(["Elemento obrigatório ausente: infDPS/toma/CNPJ ou CPF."]);
    }

    [Fact]
    public void Unknown_and_repeated_elements_are_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
        {
            infDps.Path("serie").AddAfterSelf(new XElement(Nfse + "serie", "2"));
            infDps.Path("serv").Add(new XElement(Nfse + "obs", "x"));
        });

        DpsValidator.Validate(xml).ShouldBe(["Elemento repetido: infDPS/serie.", "Elemento não previsto: infDPS/serv/obs."]);
    }

    [Fact]
    public void Element_in_another_namespace_is_not_accepted()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
        {
            var serie = infDps.Path("serie");
            serie.ReplaceWith(new XElement("serie", serie.Value));
        });

        DpsValidator.Validate(xml).ShouldBe(["Elemento não previsto: infDPS/serie.", "Elemento obrigatório ausente: infDPS/serie."]);
    }

    [Theory]
    [InlineData("1500,00")]
    [InlineData("1500.0")]
    [InlineData("01500.00")]
    [InlineData("1500")]
    public void Amount_not_in_layout_format_is_reported(string amount)
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("valores", "vServPrest", "vServ").Value = amount);

        DpsValidator.Validate(xml).ShouldContain(
            $"infDPS/valores/vServPrest/vServ: valor \"{amount}\" deve ter ponto e duas casas decimais (ex.: 1500.00).");
    }

    [Fact]
    public void Discount_above_the_service_amount_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("valores", "vDescCondIncond", "vDescIncond").Value = "1500.01");

        DpsValidator.Validate(xml).ShouldBe(
            ["valores: o desconto incondicionado (vDescIncond) é maior que o valor do serviço (vServ)."]);
    }

    [Fact]
    public void Municipality_code_with_6_digits_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("serv", "locPrest", "cLocPrestacao").Value = "350950");

        DpsValidator.Validate(xml).ShouldBe(
            ["infDPS/serv/locPrest/cLocPrestacao: valor \"350950\" inválido (código IBGE de 7 dígitos)."]);
    }

    [Fact]
    public void Issue_time_without_offset_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("dhEmi").Value = "2026-03-05T14:30:00");

        DpsValidator.Validate(xml).ShouldBe(
            ["infDPS/dhEmi: data e hora \"2026-03-05T14:30:00\" deve ter o formato AAAA-MM-DDThh:mm:ss-03:00."]);
    }

    [Fact]
    public void Id_with_wrong_length_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.SetAttributeValue("Id", "DPS123"));

        DpsValidator.Validate(xml).ShouldBe(["infDPS/@Id: \"DPS123\" deve ter 45 caracteres: \"DPS\" seguido de 42 dígitos."]);
    }

    [Fact]
    public void Id_that_does_not_match_the_number_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("nDPS").Value = "43");

        DpsValidator.Validate(xml).ShouldBe(
            ["infDPS/@Id: o número no Id (000000000000042) não confere com o documento (000000000000043)."]);
    }

    [Fact]
    public void Id_that_does_not_match_the_issuer_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps =>
            infDps.Path("prest", "CNPJ").ReplaceWith(new XElement(Nfse + "CPF", "52998224725")));

        DpsValidator.Validate(xml).ShouldBe(
        [
            "infDPS/@Id: o tipo de inscrição (1 = CPF, 2 = CNPJ) no Id (2) não confere com o documento (1).",
            "infDPS/@Id: a inscrição federal do prestador no Id (11222333000181) não confere com o documento (00052998224725).",
        ]);
    }

    [Fact]
    public void Missing_id_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Attribute("Id")!.Remove());

        DpsValidator.Validate(xml).ShouldBe(["Atributo obrigatório ausente: infDPS/@Id."]);
    }

    [Fact]
    public void Wrong_namespace_is_reported()
    {
        var xml = DpsSamples.InvoiceXml().Replace(DpsLayout.Namespace, "http://www.abrasf.org.br/nfse.xsd", StringComparison.Ordinal);

        DpsValidator.Validate(xml).ShouldBe(["O elemento raiz deve ser DPS no namespace http://www.sped.fazenda.gov.br/nfse."]);
    }

    [Fact]
    public void Other_layout_version_is_reported()
    {
        var xml = DpsSamples.InvoiceXml().Replace("versao=\"1.00\"", "versao=\"1.01\"", StringComparison.Ordinal);

        DpsValidator.Validate(xml).ShouldBe(["O atributo versao de DPS deve ser \"1.00\"."]);
    }

    [Fact]
    public void Signature_after_infdps_is_allowed()
    {
        var document = XDocument.Parse(DpsSamples.InvoiceXml());
        document.Root!.Add(new XElement(XNamespace.Get(DpsLayout.SignatureNamespace) + "Signature"));

        DpsValidator.Validate(document.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Anything_else_beside_infdps_is_reported()
    {
        var document = XDocument.Parse(DpsSamples.InvoiceXml());
        document.Root!.AddFirst(new XElement(XNamespace.Get(DpsLayout.SignatureNamespace) + "Signature"));

        DpsValidator.Validate(document.ToString()).ShouldBe(["Elemento não previsto: Signature (em DPS)."]);
    }

    [Fact]
    public void Text_with_surrounding_spaces_is_reported()
    {
        var xml = DpsSamples.InvoiceXmlWith(infDps => infDps.Path("toma", "end", "xBairro").Value = " Centro ");

        DpsValidator.Validate(xml).ShouldBe(["infDPS/toma/end/xBairro: não pode começar nem terminar com espaço."]);
    }

    [Fact]
    public void Malformed_xml_is_reported()
    {
        DpsValidator.Validate("<DPS><infDPS></DPS>").Single().ShouldStartWith("XML malformado:");
    }

    [Fact]
    public void Document_type_declarations_are_refused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE DPS [<!ENTITY x \"y\">]><DPS xmlns=\"http://www.sped.fazenda.gov.br/nfse\" versao=\"1.00\"/>";

        DpsValidator.Validate(xml).Single().ShouldStartWith("XML malformado:");
    }
}
