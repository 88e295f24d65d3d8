using System.Text;
using System.Xml.Linq;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Billing.Nfse;

public class DpsXmlWriterTests
{
    private static readonly XNamespace Nfse = DpsSamples.Nfse;

    [Fact]
    public void Realistic_invoice_passes_the_structural_check()
    {
        DpsValidator.Validate(DpsSamples.InvoiceXml()).ShouldBeEmpty();
    }

    [Fact]
    public void Root_is_dps_1_00_in_the_national_namespace()
    {
        var root = XDocument.Parse(DpsSamples.InvoiceXml()).Root!;

        root.Name.ShouldBe(Nfse + "DPS");
        root.Attribute("versao")!.Value.ShouldBe("1.00");
        root.Elements().Select(x => x.Name).ShouldBe([Nfse + "infDPS"]);
    }

    [Fact]
    public void Id_joins_municipality_inscription_type_cnpj_series_and_number()
    {
        const string expected = "DPS" + "3550308" + "2" + "11222333000181" + "00001" + "000000000000042";

        var infDps = XDocument.Parse(DpsSamples.InvoiceXml()).Root!.Element(Nfse + "infDPS")!;

        expected.Length.ShouldBe(45);
        DpsSamples.Invoice().Id.ShouldBe(expected);
        infDps.Attribute("Id")!.Value.ShouldBe(expected);
    }

    [Fact]
    public void Id_of_an_individual_issuer_uses_type_1_and_pads_the_cpf()
    {
        var invoice = DpsSamples.Invoice() with
        {
            Issuer = DpsSamples.Invoice().Issuer with { TaxId = TaxId.Parse("529.982.247-25") },
            Series = "900",
            Number = 123456789012345,
        };

        invoice.Id.ShouldBe("DPS" + "3550308" + "1" + "00052998224725" + "00900" + "123456789012345");
        DpsValidator.Validate(DpsXmlWriter.Write(invoice)).ShouldBeEmpty();
    }

    [Fact]
    public void Header_fields_follow_the_layout_formats()
    {
        var infDps = XDocument.Parse(DpsSamples.InvoiceXml()).Root!.Element(Nfse + "infDPS")!;

        infDps.Path("tpAmb").Value.ShouldBe("2");
        infDps.Path("dhEmi").Value.ShouldBe("2026-03-05T14:30:00-03:00");
        infDps.Path("serie").Value.ShouldBe("1");
        infDps.Path("nDPS").Value.ShouldBe("42");
        infDps.Path("dCompet").Value.ShouldBe("2026-03-01");
        infDps.Path("tpEmit").Value.ShouldBe("1");
        infDps.Path("cLocEmi").Value.ShouldBe("3550308");
    }

    [Fact]
    public void Elements_are_written_in_layout_order()
    {
        var infDps = XDocument.Parse(DpsSamples.InvoiceXml()).Root!.Element(Nfse + "infDPS")!;

        infDps.Elements().Select(x => x.Name.LocalName).ShouldBe(
            ["tpAmb", "dhEmi", "verAplic", "serie", "nDPS", "dCompet", "tpEmit", "cLocEmi", "prest", "toma", "serv", "valores"]);
        infDps.Path("toma").Elements().Select(x => x.Name.LocalName).ShouldBe(["CNPJ", "xNome", "end", "fone", "email"]);
        infDps.Path("valores", "trib", "tribMun").Elements().Select(x => x.Name.LocalName)
            .ShouldBe(["tribISSQN", "pAliq", "tpRetISSQN"]);
    }

    [Fact]
    public void Amounts_use_a_dot_and_two_decimals()
    {
        var valores = XDocument.Parse(DpsSamples.InvoiceXml()).Root!.Element(Nfse + "infDPS")!.Path("valores");

        valores.Path("vServPrest", "vServ").Value.ShouldBe("1500.00");
        valores.Path("vDescCondIncond", "vDescIncond").Value.ShouldBe("150.00");
        valores.Path("trib", "tribMun", "pAliq").Value.ShouldBe("2.50");
        valores.Path("trib", "totTrib", "indTotTrib").Value.ShouldBe("0");
    }

    [Fact]
    public void Invoice_without_discount_has_no_discount_group()
    {
        var invoice = DpsSamples.Invoice() with { Values = new DpsValues(980.1m) };

        var xml = DpsXmlWriter.Write(invoice);

        xml.ShouldNotContain("vDescCondIncond");
        xml.ShouldContain("<vServ>980.10</vServ>");
        DpsValidator.Validate(xml).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, "1")]
    [InlineData(true, "2")]
    public void Withheld_iss_is_marked_as_withheld_by_the_taker(bool withheld, string tpRetIssqn)
    {
        var invoice = DpsSamples.Invoice() with { Iss = new DpsIss(5m, withheld) };

        var tribMun = XDocument.Parse(DpsXmlWriter.Write(invoice)).Root!.Element(Nfse + "infDPS")!.Path("valores", "trib", "tribMun");

        tribMun.Path("tpRetISSQN").Value.ShouldBe(tpRetIssqn);
        tribMun.Path("pAliq").Value.ShouldBe("5.00");
    }

    [Fact]
    public void Simples_nacional_micro_company_declares_its_regime()
    {
        var regTrib = XDocument.Parse(DpsSamples.InvoiceXml()).Root!.Element(Nfse + "infDPS")!.Path("prest", "regTrib");

        regTrib.Elements().Select(x => $"{x.Name.LocalName}={x.Value}").ShouldBe(["opSimpNac=3", "regApTribSN=1", "regEspTrib=0"]);
    }

    [Fact]
    public void Company_outside_simples_nacional_has_no_simples_regime()
    {
        var invoice = DpsSamples.Invoice() with
        {
            Issuer = DpsSamples.Invoice().Issuer with { SimplesNacional = SimplesNacionalStatus.NotOptant },
        };

        var regTrib = XDocument.Parse(DpsXmlWriter.Write(invoice)).Root!.Element(Nfse + "infDPS")!.Path("prest", "regTrib");

        regTrib.Elements().Select(x => $"{x.Name.LocalName}={x.Value}").ShouldBe(["opSimpNac=1", "regEspTrib=0"]);
    }

    [Fact]
    public void Special_characters_are_escaped_and_survive_a_round_trip()
    {
        var xml = DpsSamples.InvoiceXml();
        var infDps = XDocument.Parse(xml).Root!.Element(Nfse + "infDPS")!;

        xml.ShouldContain("<xNome>Padaria &amp; Confeitaria São João Ltda.</xNome>");
        xml.ShouldContain("contrato nº 42 &lt;março/2026&gt;");
        infDps.Path("toma", "xNome").Value.ShouldBe("Padaria & Confeitaria São João Ltda.");
        infDps.Path("serv", "cServ", "xDescServ").Value.ShouldBe("Suporte técnico mensal — contrato nº 42 <março/2026>");
    }

    [Fact]
    public void Output_is_utf8_without_byte_order_mark()
    {
        var bytes = DpsXmlWriter.WriteUtf8(DpsSamples.Invoice());
        var text = Encoding.UTF8.GetString(bytes);

        bytes[0].ShouldBe((byte)'<');
        text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        // "ã" as the two UTF-8 bytes C3 A3, not an entity or a Latin-1 byte.
        text.ShouldContain("São João");
        Convert.ToHexString(bytes).ShouldContain(Convert.ToHexString(Encoding.UTF8.GetBytes("São")));
        DpsXmlWriter.Write(DpsSamples.Invoice()).ShouldBe(text);
    }

    [Fact]
    public void Punctuated_cep_and_phone_are_written_as_digits()
    {
        var toma = XDocument.Parse(DpsSamples.InvoiceXml()).Root!.Element(Nfse + "infDPS")!.Path("toma");

        toma.Path("end", "endNac", "CEP").Value.ShouldBe("13015904");
        toma.Path("fone").Value.ShouldBe("1932321000");
    }

    [Fact]
    public void Description_line_breaks_are_kept_as_line_feeds_and_text_is_trimmed()
    {
        var invoice = DpsSamples.Invoice() with
        {
            Service = DpsSamples.Invoice().Service with { Description = "  Item 1: instalação\r\nItem 2: treinamento\r" },
            Taker = DpsSamples.Invoice().Taker with { Name = "  Padaria São João  " },
        };

        var infDps = XDocument.Parse(DpsXmlWriter.Write(invoice)).Root!.Element(Nfse + "infDPS")!;

        infDps.Path("serv", "cServ", "xDescServ").Value.ShouldBe("Item 1: instalação\nItem 2: treinamento");
        infDps.Path("toma", "xNome").Value.ShouldBe("Padaria São João");
    }

    [Fact]
    public void Blank_optional_fields_are_left_out()
    {
        var invoice = DpsSamples.Invoice() with
        {
            Issuer = DpsSamples.Invoice().Issuer with { MunicipalRegistration = "", Email = "  ", Phone = "" },
            Taker = DpsSamples.Invoice().Taker with { Email = "", Phone = " " },
        };

        var infDps = XDocument.Parse(DpsXmlWriter.Write(invoice)).Root!.Element(Nfse + "infDPS")!;

        infDps.Path("prest").Elements().Select(x => x.Name.LocalName).ShouldBe(["CNPJ", "regTrib"]);
        infDps.Path("toma").Elements().Select(x => x.Name.LocalName).ShouldBe(["CNPJ", "xNome", "end"]);
    }

    [Fact]
    public void Invalid_document_is_not_written()
    {
        var invoice = DpsSamples.Invoice() with { Iss = new DpsIss(6m, false) };

        var exception = Should.Throw<ArgumentException>(() => DpsXmlWriter.Write(invoice));

        exception.Message.ShouldContain("A alíquota do ISS deve estar entre 2% e 5%");
    }
}
