using System.Text.RegularExpressions;
using CrmSaaS.Functions.Documents;

namespace CrmSaaS.Functions.Tests.Documents;

public class ProposalPdfTests
{
    [Fact]
    public void The_proposal_is_a_valid_PDF_with_the_standard_fonts()
    {
        var pdf = ProposalPdf.Render(SampleProposals.Short());

        PdfTools.Check(pdf).ShouldContain("No syntax or stream encoding errors found");
        var fonts = PdfTools.Fonts(pdf);
        fonts.ShouldMatch(@"Helvetica\s+Type 1\s+WinAnsi");
        fonts.ShouldMatch(@"Helvetica-Bold\s+Type 1\s+WinAnsi");
        fonts.ShouldMatch(@"Helvetica-Oblique\s+Type 1\s+WinAnsi");
    }

    [Fact]
    public void Shows_company_customer_and_proposal_identification_in_Portuguese()
    {
        var text = PdfTools.ExtractText(ProposalPdf.Render(SampleProposals.Short()));

        text.ShouldContain("Proposta Comercial");
        text.ShouldContain("Proposta nº 1024");
        text.ShouldContain("Versão 2");
        text.ShouldContain("Emissão: 15/11/2026");
        text.ShouldContain("Frio Certo");
        text.ShouldContain("Refrigeração Avançada Serviços Técnicos Ltda.");
        text.ShouldContain("CNPJ 12.345.678/0001-95");
        text.ShouldContain("Rua São João, 1.234 – Centro – Campinas/SP – CEP 13010-000");
        text.ShouldContain("Cliente");
        text.ShouldContain("Padaria Pão de Açúcar Ltda.");
        text.ShouldContain("CNPJ: 98.765.432/0001-10");
        text.ShouldContain("Av. Brigadeiro Faria Lima, 500, sala 12 – Pinheiros – São Paulo/SP");
        text.ShouldContain("Conceição Araújo · (11) 98888-7777");
        text.ShouldContain("Vendedor");
        text.ShouldContain("João Antônio Gonçalves");
    }

    [Fact]
    public void Lists_each_item_on_one_row_with_quantity_prices_and_its_information_note()
    {
        var text = PdfTools.ExtractText(ProposalPdf.Render(SampleProposals.Short()));

        Line(text, "Código").ShouldMatch(@"Código\s+Descrição\s+Qtd\s+Valor unit\.\s+Desconto\s+Total\s+Informações");
        Line(text, "SRV-001").ShouldMatch(@"SRV-001\s+Instalação de ar-condicionado\s+2\s+R\$ 450,00\s+R\$ 50,00\s+R\$ 850,00\s+Inclui suporte");
        Line(text, "PRD-120").ShouldMatch(@"PRD-120\s+Ar-condicionado split inverter\s+2\s+R\$ 2\.399,90\s+–\s+R\$ 4\.799,80\s+Garantia de 12 meses");
        Line(text, "SRV-010").ShouldMatch(@"SRV-010\s+Manutenção preventiva trimestral\s+4\s+R\$ 180,00\s+R\$ 20,00\s+R\$ 700,00\s+Visitas em março");
        text.ShouldContain("setembro e dezembro");
    }

    [Fact]
    public void Shows_totals_installments_and_validity()
    {
        var text = PdfTools.ExtractText(ProposalPdf.Render(SampleProposals.Short()));

        Line(text, "Total bruto").ShouldMatch(@"Total bruto\s+R\$ 6\.419,80");
        Line(text, "- R$ 70,00").ShouldMatch(@"Desconto\s+- R\$ 70,00");
        Line(text, "R$ 6.349,80").ShouldMatch(@"Total\s+R\$ 6\.349,80");
        text.ShouldContain("Condições de pagamento");
        text.ShouldContain("Forma de pagamento: Boleto bancário");
        Line(text, "Parcela").ShouldMatch(@"Parcela\s+Vencimento\s+Valor");
        Line(text, "1/3").ShouldMatch(@"1/3\s+15/12/2026\s+R\$ 2\.116,60");
        Line(text, "2/3").ShouldMatch(@"2/3\s+15/01/2027\s+R\$ 2\.116,60");
        Line(text, "3/3").ShouldMatch(@"3/3\s+15/02/2027\s+R\$ 2\.116,60");
        text.ShouldContain("Validade da proposta: 30/11/2026");
        text.ShouldContain("Observações");
        text.ShouldContain("Instalação agendada em até 5 dias úteis após a aprovação.");
        text.ShouldContain("Página 1 de 1");
    }

    [Fact]
    public void A_long_proposal_flows_onto_a_second_page_with_the_item_header_repeated()
    {
        var pdf = ProposalPdf.Render(SampleProposals.WithItems(30));

        PdfTools.Check(pdf);
        PdfTools.PageCount(pdf).ShouldBe(2);
        var pageOne = PdfTools.ExtractText(pdf, 1, 1);
        var pageTwo = PdfTools.ExtractText(pdf, 2, 2);
        pageOne.ShouldContain("Página 1 de 2");
        pageTwo.ShouldContain("Página 2 de 2");
        Line(pageTwo, "Código").ShouldMatch(@"Código\s+Descrição\s+Qtd\s+Valor unit\.\s+Desconto\s+Total\s+Informações");
        pageTwo.ShouldContain("Proposta nº 1024 – Padaria Pão de Açúcar Ltda.");
        pageTwo.ShouldContain("Validade da proposta: 30/11/2026");

        var all = pageOne + pageTwo;
        var codes = Regex.Matches(all, @"IT-\d{3}").Select(m => m.Value).ToList();
        codes.ShouldBe(Enumerable.Range(1, 30).Select(i => $"IT-{i:000}"));
        // Items 1-30 cost 101..130: the total is 3.465,00.
        Line(all, "Total bruto").ShouldMatch(@"R\$ 3\.465,00");
    }

    [Fact]
    public void Every_page_of_a_very_long_proposal_is_numbered_and_every_item_page_has_the_header()
    {
        var pdf = ProposalPdf.Render(SampleProposals.WithItems(130));

        PdfTools.Check(pdf);
        var pageCount = PdfTools.PageCount(pdf);
        pageCount.ShouldBeGreaterThanOrEqualTo(5);
        for (var page = 1; page <= pageCount; page++)
        {
            var text = PdfTools.ExtractText(pdf, page, page);
            text.ShouldContain($"Página {page} de {pageCount}");
            if (text.Contains("IT-", StringComparison.Ordinal))
                text.ShouldContain("Valor unit.", customMessage: $"item header missing on page {page}");
        }
    }

    [Fact]
    public void Optional_parts_are_left_out_or_stated_when_missing()
    {
        var proposal = SampleProposals.Short() with { Notes = null, PaymentMethod = null, Installments = [] };

        var text = PdfTools.ExtractText(ProposalPdf.Render(proposal));

        text.ShouldNotContain("Observações");
        text.ShouldNotContain("Forma de pagamento");
        text.ShouldContain("Parcelamento não informado.");
    }

    [Fact]
    public void Individual_customers_show_a_CPF()
    {
        var proposal = SampleProposals.Short() with
        {
            Customer = new ProposalCustomer("Maria Aparecida Conceição", "12345678909", "Rua das Flores, 10 – Jundiaí/SP", "(11) 4521-0000"),
        };

        var text = PdfTools.ExtractText(ProposalPdf.Render(proposal));

        text.ShouldContain("CPF: 123.456.789-09");
    }

    [Fact]
    public void Rendering_is_reproducible_and_the_creation_date_is_the_generation_time()
    {
        var proposal = SampleProposals.Short();

        var first = ProposalPdf.Render(proposal);
        var second = ProposalPdf.Render(proposal);

        second.ShouldBe(first);
        var info = PdfTools.WithTempFile(first, path => PdfTools.Run("pdfinfo", "-isodates", path).Output);
        info.ShouldMatch(@"Title:\s+Proposta nº 1024 – Padaria Pão de Açúcar Ltda\.\n");
        info.ShouldMatch(@"CreationDate:\s+2026-11-15T10:30:00-03\n");
        ProposalPdf.Render(proposal with { Version = 3 }).ShouldNotBe(first);
    }

    /// <summary>The first extracted line that contains <paramref name="marker"/>.</summary>
    private static string Line(string text, string marker)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        line.ShouldNotBeNull($"no line contains \"{marker}\" in:\n{text}");
        return line;
    }
}
