using CrmSaaS.Functions.Documents.Pdf;

namespace CrmSaaS.Functions.Tests.Documents;

// Expected numbers are sums of the WX values in Adobe's Helvetica.afm / Helvetica-Bold.afm.
public class PdfFontTests
{
    [Fact]
    public void Measures_Helvetica_with_the_AFM_widths()
    {
        // H 722 + e 556 + l 222 + l 222 + o 556 = 2278
        PdfFont.Helvetica.MeasureWidth("Hello", 10).ShouldBe(22.78, 1e-9);
        // R 722 + $ 556 + space 278 + six digits × 556 + period 278 + comma 278 = 5448
        PdfFont.Helvetica.MeasureWidth("R$ 1.234,56", 1000).ShouldBe(5448, 1e-9);
    }

    [Fact]
    public void Measures_Helvetica_Bold_with_its_own_widths()
    {
        // H 722 + e 556 + l 278 + l 278 + o 611 = 2445
        PdfFont.HelveticaBold.MeasureWidth("Hello", 10).ShouldBe(24.45, 1e-9);
    }

    [Fact]
    public void Measures_accented_letters_and_WinAnsi_extras()
    {
        // A 667 + ccedilla 500 + atilde 556 + o 556 = 2279
        PdfFont.Helvetica.MeasureWidth("Ação", 1000).ShouldBe(2279, 1e-9);
        // Eacute 667 + ordmasculine 365 + endash 556 + Euro 556 = 2144
        PdfFont.Helvetica.MeasureWidth("Éº–€", 1000).ShouldBe(2144, 1e-9);
        // Ccedilla 722 + atilde 556 + otilde 611 = 1889
        PdfFont.HelveticaBold.MeasureWidth("Çãõ", 1000).ShouldBe(1889, 1e-9);
    }

    [Fact]
    public void Oblique_shares_the_upright_widths()
    {
        const string text = "Informações do item: atendimento às 8h";
        PdfFont.HelveticaOblique.MeasureWidth(text, 9).ShouldBe(PdfFont.Helvetica.MeasureWidth(text, 9));
    }

    [Fact]
    public void Unsupported_characters_are_measured_as_the_question_mark_that_is_printed()
    {
        PdfFont.Helvetica.MeasureWidth("漢", 1000).ShouldBe(556, 1e-9);
    }

    [Fact]
    public void Widths_agree_with_how_poppler_lays_out_the_text()
    {
        const string text = "Manutenção preventiva – R$ 2.399,90 (ºª)";
        var document = new PdfDocument("Largura", SampleProposals.GeneratedAt);
        var page = document.AddPage();
        page.DrawText(100, 200, text, PdfFont.Helvetica, 12);
        page.DrawText(100, 300, text, PdfFont.HelveticaBold, 12);

        var words = PdfTools.Words(document.ToArray());

        var regular = words.Where(w => w.YMin < 250).ToList();
        var bold = words.Where(w => w.YMin > 250).ToList();
        regular.Min(w => w.XMin).ShouldBe(100, 0.05);
        regular.Max(w => w.XMax).ShouldBe(100 + PdfFont.Helvetica.MeasureWidth(text, 12), 0.05);
        bold.Max(w => w.XMax).ShouldBe(100 + PdfFont.HelveticaBold.MeasureWidth(text, 12), 0.05);
    }
}
