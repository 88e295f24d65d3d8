using CrmSaaS.Functions.Documents.Pdf;

namespace CrmSaaS.Functions.Tests.Documents;

public class PdfTextWrapTests
{
    private static readonly PdfFont Font = PdfFont.Helvetica;

    [Fact]
    public void Text_that_fits_stays_on_one_line()
    {
        PdfText.Wrap("Instalação de ar-condicionado", Font, 9, 200).ShouldBe(["Instalação de ar-condicionado"]);
    }

    [Fact]
    public void A_line_exactly_as_wide_as_the_limit_is_not_broken()
    {
        const string text = "Valor unitário";
        PdfText.Wrap(text, Font, 9, Font.MeasureWidth(text, 9)).ShouldBe([text]);
    }

    [Fact]
    public void Long_text_breaks_at_spaces_and_every_line_fits()
    {
        const string text = "Manutenção preventiva trimestral com limpeza de filtros, verificação de gás e teste de dreno";
        const double width = 120;

        var lines = PdfText.Wrap(text, Font, 9, width);

        lines.Count.ShouldBeGreaterThan(1);
        lines.ShouldAllBe(line => Font.MeasureWidth(line, 9) <= width);
        string.Join(" ", lines).ShouldBe(text);
        // Greedy: the first word of each next line would not have fitted on the previous one.
        for (var i = 1; i < lines.Count; i++)
            Font.MeasureWidth(lines[i - 1] + " " + lines[i].Split(' ')[0], 9).ShouldBeGreaterThan(width);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_characters()
    {
        const string word = "https://friocerto.com.br/propostas/1024/anexos/contrato-assinado.pdf";

        var lines = PdfText.Wrap(word, Font, 9, 60);

        lines.Count.ShouldBeGreaterThan(2);
        lines.ShouldAllBe(line => Font.MeasureWidth(line, 9) <= 60);
        string.Concat(lines).ShouldBe(word);
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept_including_empty_lines()
    {
        PdfText.Wrap("Primeira linha\r\n\nTerceira   linha\n", Font, 9, 300)
            .ShouldBe(["Primeira linha", "", "Terceira linha"]);
    }

    [Fact]
    public void Blank_text_has_no_lines()
    {
        PdfText.Wrap("  \n ", Font, 9, 100).ShouldBeEmpty();
        PdfText.Wrap("", Font, 9, 100).ShouldBeEmpty();
    }
}
