using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CrmSaaS.Functions.Documents.Pdf;

namespace CrmSaaS.Functions.Tests.Documents;

public class PdfDocumentTests
{
    private static readonly DateTimeOffset CreatedAt = SampleProposals.GeneratedAt;

    private static byte[] ThreePages()
    {
        var document = new PdfDocument("Relatório de Conceição", CreatedAt);
        for (var i = 1; i <= 3; i++)
        {
            var page = document.AddPage();
            page.DrawText(40, 60, $"Página de teste {i}: ação, função, coração", PdfFont.HelveticaBold, 14);
            page.DrawLine(40, 70, 555, 70, 1, 0.5);
            page.StrokeRectangle(40, 100, 200, 50);
            page.FillRectangle(300, 100, 200, 50, 0.9);
        }

        return document.ToArray();
    }

    // Latin-1 maps every byte to the char with the same value, so string offsets are byte offsets.
    private static string Raw(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    [Fact]
    public void Starts_with_the_version_and_a_binary_comment_and_ends_with_EOF()
    {
        var pdf = ThreePages();

        Raw(pdf).ShouldStartWith("%PDF-1.7\n%");
        pdf[10..14].ShouldAllBe(b => b >= 128);
        Raw(pdf).ShouldEndWith("%%EOF\n");
    }

    [Fact]
    public void Cross_reference_offsets_point_at_each_object()
    {
        var raw = Raw(ThreePages());

        var startXref = int.Parse(Regex.Match(raw, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value, CultureInfo.InvariantCulture);
        raw[startXref..].ShouldStartWith("xref\n0 ");
        var header = Regex.Match(raw[startXref..], @"^xref\n0 (\d+)\n");
        var size = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var entriesStart = startXref + header.Length;
        raw.Substring(entriesStart, 20).ShouldBe("0000000000 65535 f \n");
        for (var id = 1; id < size; id++)
        {
            var entry = raw.Substring(entriesStart + 20 * id, 20);
            entry.ShouldMatch(@"^\d{10} 00000 n \n$");
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            raw[offset..].ShouldStartWith($"{id} 0 obj\n");
        }

        raw[(entriesStart + 20 * size)..].ShouldStartWith($"trailer\n<< /Size {size} /Root 1 0 R /Info 3 0 R >>");
        // Catalog, pages, info, three fonts, resources, then a page and a content stream per page.
        size.ShouldBe(1 + 7 + 2 * 3);
    }

    [Fact]
    public void Content_streams_are_flate_compressed_with_their_exact_length()
    {
        var raw = Raw(ThreePages());
        var streams = Regex.Matches(raw, @"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n");

        streams.Count.ShouldBe(3);
        foreach (Match stream in streams)
        {
            var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
            var dataStart = stream.Index + stream.Length;
            raw.Substring(dataStart + length, 11).ShouldBe("\nendstream\n");
            var content = Inflate(Encoding.Latin1.GetBytes(raw.Substring(dataStart, length)));
            content.ShouldContain("BT /F2 14 Tf 40 781.89 Td (P");
        }
    }

    [Fact]
    public void Qpdf_finds_no_errors_and_counts_the_pages()
    {
        var pdf = ThreePages();

        PdfTools.Check(pdf).ShouldContain("No syntax or stream encoding errors found");
        PdfTools.PageCount(pdf).ShouldBe(3);
    }

    [Fact]
    public void Info_holds_title_producer_and_creation_date()
    {
        var pdf = ThreePages();

        var raw = Raw(pdf);
        raw.ShouldContain("/Producer (CrmSaaS)");
        raw.ShouldContain("/CreationDate (D:20261115103000-03'00')");
        var info = PdfTools.WithTempFile(pdf, path => PdfTools.Run("pdfinfo", "-isodates", path).Output);
        info.ShouldMatch(@"Title:\s+Relatório de Conceição\n");
        info.ShouldMatch(@"Producer:\s+CrmSaaS\n");
        info.ShouldMatch(@"CreationDate:\s+2026-11-15T10:30:00-03\n");
        info.ShouldMatch(@"Page size:\s+595\.28 x 841\.89 pts \(A4\)");
    }

    [Fact]
    public void Accented_text_and_special_characters_extract_as_written()
    {
        var document = new PdfDocument("Texto", CreatedAt);
        var page = document.AddPage();
        page.DrawText(40, 100, "Ação – preço: R$ 1.234,56 (nº 7, 2ª via) \\ backslash", PdfFont.Helvetica, 11);
        page.DrawText(40, 130, "ÇÃÕ çãõ áéíóú âêô à € “aspas” …", PdfFont.HelveticaOblique, 11);

        var text = PdfTools.ExtractText(document.ToArray());

        text.ShouldContain("Ação – preço: R$ 1.234,56 (nº 7, 2ª via) \\ backslash");
        text.ShouldContain("ÇÃÕ çãõ áéíóú âêô à € “aspas” …");
    }

    [Fact]
    public void Text_is_placed_from_the_top_left_corner_and_aligned_on_request()
    {
        var document = new PdfDocument("Posições", CreatedAt);
        var page = document.AddPage();
        page.DrawText(100, 200, "Esquerda", PdfFont.Helvetica, 10);
        page.DrawTextRight(400, 300, "Direita", PdfFont.Helvetica, 10);
        page.DrawTextCentered(300, 400, "Centro", PdfFont.HelveticaBold, 10);

        var words = PdfTools.Words(document.ToArray());

        var left = words.Single(w => w.Text == "Esquerda");
        left.XMin.ShouldBe(100, 0.05);
        left.YMin.ShouldBeLessThan(200);
        left.YMax.ShouldBeGreaterThan(200);
        words.Single(w => w.Text == "Direita").XMax.ShouldBe(400, 0.05);
        var center = words.Single(w => w.Text == "Centro");
        ((center.XMin + center.XMax) / 2).ShouldBe(300, 0.05);
    }

    [Fact]
    public void Rectangles_and_lines_are_painted_where_asked()
    {
        var document = new PdfDocument("Formas", CreatedAt);
        var page = document.AddPage();
        page.FillRectangle(50, 100, 200, 30, 0.5);
        page.StrokeRectangle(300, 100, 100, 100, 2, 0);
        page.DrawLine(50, 300, 500, 300, 2, 0);

        // At 72 dpi one point is one pixel.
        var image = Render(document.ToArray());

        image.Gray(150, 115).ShouldBeInRange(126, 130); // inside the filled rectangle
        image.Gray(150, 95).ShouldBe(255);          // above it
        image.Gray(300, 150).ShouldBeLessThan(64);  // left edge of the outlined square
        image.Gray(350, 150).ShouldBe(255);         // its inside stays empty
        image.Gray(275, 300).ShouldBeLessThan(64);  // on the line
        image.Gray(275, 310).ShouldBe(255);         // below it
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        ThreePages().ShouldBe(ThreePages());
    }

    [Fact]
    public void A_different_creation_date_changes_the_output()
    {
        static byte[] Build(DateTimeOffset date)
        {
            var document = new PdfDocument("Data", date);
            document.AddPage().DrawText(40, 40, "Mesmo texto", PdfFont.Helvetica, 10);
            return document.ToArray();
        }

        Build(CreatedAt).ShouldNotBe(Build(CreatedAt.AddSeconds(1)));
        Raw(Build(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))).ShouldContain("/CreationDate (D:20260102030405Z)");
    }

    [Fact]
    public void WriteTo_writes_the_same_bytes_as_ToArray()
    {
        var document = new PdfDocument("Fluxo", CreatedAt);
        document.AddPage().DrawText(40, 40, "Fluxo", PdfFont.Helvetica, 10);
        using var stream = new MemoryStream();

        document.WriteTo(stream);

        stream.ToArray().ShouldBe(document.ToArray());
    }

    [Fact]
    public void A_document_without_pages_cannot_be_written()
    {
        Should.Throw<InvalidOperationException>(() => new PdfDocument("Vazio", CreatedAt).ToArray());
    }

    private static string Inflate(byte[] data)
    {
        using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return Encoding.Latin1.GetString(output.ToArray());
    }

    private static GrayImage Render(byte[] pdf) => PdfTools.WithTempFile(pdf, path =>
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"crmsaas-render-{Guid.NewGuid():N}");
        try
        {
            var result = PdfTools.Run("pdftoppm", "-r", "72", "-gray", "-singlefile", path, prefix);
            result.ExitCode.ShouldBe(0, result.Error);
            return GrayImage.ReadPgm(File.ReadAllBytes(prefix + ".pgm"));
        }
        finally
        {
            File.Delete(prefix + ".pgm");
        }
    });

    /// <summary>A binary PGM (P5) image as pdftoppm -gray writes it.</summary>
    private sealed class GrayImage(int width, byte[] pixels)
    {
        public int Gray(int x, int y) => pixels[y * width + x];

        public static GrayImage ReadPgm(byte[] file)
        {
            // Header: "P5", width, height, max value, separated by whitespace, then one byte per pixel.
            var fields = new List<string>();
            var position = 0;
            while (fields.Count < 4)
            {
                while (char.IsWhiteSpace((char)file[position]))
                    position++;
                var start = position;
                while (!char.IsWhiteSpace((char)file[position]))
                    position++;
                fields.Add(Encoding.ASCII.GetString(file, start, position - start));
            }

            fields[0].ShouldBe("P5");
            var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
            return new GrayImage(width, file[(position + 1)..]);
        }
    }
}
