using CrmSaaS.Functions.Documents.Pdf;

namespace CrmSaaS.Functions.Tests.Documents;

public class PdfFlowWriterTests
{
    private static readonly PdfTableColumn[] Columns =
    [
        new("Código", 60),
        new("Descrição do serviço", 250),
        new("Valor", 90, PdfAlign.Right),
    ];

    private static PdfDocument NewDocument() => new("Fluxo", SampleProposals.GeneratedAt);

    private static IReadOnlyList<string> Row(int i) =>
        [$"L{i:000}", $"Serviço número {i} com descrição longa o bastante para quebrar em duas linhas", $"R$ {i},00"];

    [Fact]
    public void A_long_table_continues_on_new_pages_with_the_header_repeated()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document);

        writer.Table(Columns, Enumerable.Range(1, 80).Select(Row));
        var pdf = document.ToArray();

        var pageCount = PdfTools.PageCount(pdf);
        pageCount.ShouldBeGreaterThan(2);
        for (var page = 1; page <= pageCount; page++)
        {
            var text = PdfTools.ExtractText(pdf, page, page);
            text.ShouldContain("Descrição do serviço", customMessage: $"header missing on page {page}");
        }

        var allText = PdfTools.ExtractText(pdf);
        var positions = Enumerable.Range(1, 80).Select(i => allText.IndexOf($"L{i:000}", StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Rows_are_not_split_between_pages_and_nothing_crosses_the_bottom_margin()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document, margin: 40);

        writer.Table(Columns, Enumerable.Range(1, 80).Select(Row));
        var words = PdfTools.Words(document.ToArray());

        words.ShouldAllBe(w => w.YMax <= PdfDocument.A4Height - 40 + 0.5);
        // Each row's description wraps onto two lines; both end up on the page of the row's code.
        for (var i = 1; i <= 80; i++)
        {
            var code = words.Single(w => w.Text == $"L{i:000}");
            var secondLine = words.Where(w => w.Text == "linhas").ElementAt(i - 1);
            secondLine.Page.ShouldBe(code.Page, $"row {i} was split");
            secondLine.YMin.ShouldBeGreaterThan(code.YMin);
        }
    }

    [Fact]
    public void Right_aligned_cells_end_at_the_same_x()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document, margin: 40);

        writer.Table(Columns, [["A", "Um", "R$ 1,00"], ["B", "Dois", "R$ 1.234,56"], ["C", "Três", "R$ 99.999,99"]]);
        var words = PdfTools.Words(document.ToArray());

        // Column "Valor" ends at 40 + 60 + 250 + 90 = 440; text stops at the 4 pt padding.
        var amounts = words.Where(w => w.Text is "1,00" or "1.234,56" or "99.999,99" or "Valor").ToList();
        amounts.Count.ShouldBe(4);
        amounts.ShouldAllBe(w => Math.Abs(w.XMax - 436) < 0.05);
        words.Single(w => w.Text == "Três").XMin.ShouldBe(40 + 60 + 4, 0.05);
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_and_continues_under_a_repeated_header()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document);
        var paragraphs = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Linha {i:000} da cláusula"));

        writer.Table(Columns, [["X1", paragraphs, "R$ 1,00"]]);
        var pdf = document.ToArray();

        PdfTools.Check(pdf);
        PdfTools.PageCount(pdf).ShouldBe(2);
        var pageTwo = PdfTools.ExtractText(pdf, 2, 2);
        pageTwo.ShouldContain("Descrição do serviço");
        pageTwo.ShouldContain("Linha 120 da cláusula");
        var all = PdfTools.ExtractText(pdf);
        Enumerable.Range(1, 120).ShouldAllBe(i => all.Contains($"Linha {i:000} da cláusula"));
    }

    [Fact]
    public void The_header_is_never_left_alone_at_the_bottom_of_a_page()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document);
        while (writer.RemainingHeight > 30)
            writer.Paragraph("Texto que ocupa a página", PdfFont.Helvetica, 10);

        writer.Table(Columns, [Row(1)]);
        var words = PdfTools.Words(document.ToArray());

        words.Single(w => w.Text == "Código").Page.ShouldBe(2);
        words.Single(w => w.Text == "L001").Page.ShouldBe(2);
    }

    [Fact]
    public void Paragraphs_wrap_across_the_content_width_and_flow_onto_new_pages()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document, margin: 50);
        var text = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"palavra{i}"));

        writer.Paragraph(text, PdfFont.Helvetica, 10);
        var words = PdfTools.Words(document.ToArray());

        document.Pages.Count.ShouldBeGreaterThan(1);
        words.Count.ShouldBe(900);
        words.Select(w => w.Text).ShouldBe(Enumerable.Range(1, 900).Select(i => $"palavra{i}"));
        words.ShouldAllBe(w => w.XMin >= 50 - 0.05 && w.XMax <= PdfDocument.A4Width - 50 + 0.05);
        words.ShouldAllBe(w => w.YMax <= PdfDocument.A4Height - 50 + 0.5);
    }

    [Fact]
    public void PageStarted_runs_for_each_overflow_page_and_content_goes_below_it()
    {
        var document = NewDocument();
        var writer = new PdfFlowWriter(document);
        var calls = 0;
        writer.PageStarted = w =>
        {
            calls++;
            w.Page.DrawText(w.Left, w.Y + 8, "Cabeçalho corrido", PdfFont.Helvetica, 8);
            w.MoveDown(20);
        };

        writer.Table(Columns, Enumerable.Range(1, 80).Select(Row));
        var words = PdfTools.Words(document.ToArray());

        calls.ShouldBe(document.Pages.Count - 1);
        words.Count(w => w.Text == "corrido").ShouldBe(document.Pages.Count - 1);
        foreach (var header in words.Where(w => w.Text == "Código"))
        {
            if (header.Page > 1)
                header.YMin.ShouldBeGreaterThan(40 + 20 - 0.5);
        }
    }

    [Fact]
    public void Tables_reject_rows_with_the_wrong_cell_count_and_columns_wider_than_the_page()
    {
        var writer = new PdfFlowWriter(NewDocument());

        Should.Throw<ArgumentException>(() => writer.Table(Columns, [["só uma célula"]]));
        Should.Throw<ArgumentException>(() => writer.Table([new PdfTableColumn("Larga", 600)], [["x"]]));
    }
}
