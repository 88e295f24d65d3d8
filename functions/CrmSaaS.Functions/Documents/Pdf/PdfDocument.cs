using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CrmSaaS.Functions.Documents.Pdf;

/// <summary>
/// A PDF 1.7 document made of A4 portrait pages that use the standard Helvetica fonts.
/// The output depends only on what was drawn, the title and the creation date, so the same input always yields
/// the same bytes.
/// </summary>
public sealed class PdfDocument
{
    /// <summary>A4 width in points (210 mm).</summary>
    public const double A4Width = 595.28;

    /// <summary>A4 height in points (297 mm).</summary>
    public const double A4Height = 841.89;

    public const string Producer = "CrmSaaS";

    // Fixed object numbers; pages follow, two objects each (page dictionary, then its content stream).
    private const int CatalogId = 1;
    private const int PagesId = 2;
    private const int InfoId = 3;
    private const int FirstFontId = 4;
    private static readonly int ResourcesId = FirstFontId + PdfFont.All.Count;
    private static readonly int FirstPageId = ResourcesId + 1;

    private readonly List<PdfPage> _pages = [];

    public PdfDocument(string title, DateTimeOffset creationDate)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        CreationDate = creationDate;
    }

    public string Title { get; }

    public DateTimeOffset CreationDate { get; }

    public IReadOnlyList<PdfPage> Pages => _pages;

    public PdfPage AddPage()
    {
        var page = new PdfPage(A4Width, A4Height);
        _pages.Add(page);
        return page;
    }

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        WriteTo(output);
        return output.ToArray();
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_pages.Count == 0)
            throw new InvalidOperationException("A PDF document needs at least one page.");

        var writer = new ObjectWriter(stream, FirstPageId + 2 * _pages.Count);

        // The comment with four bytes above 127 tells transfer tools the file is binary.
        writer.WriteAscii("%PDF-1.7\n");
        writer.WriteBytes([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        writer.WriteObject(CatalogId, $"<< /Type /Catalog /Pages {PagesId} 0 R >>");

        var kids = string.Join(" ", Enumerable.Range(0, _pages.Count).Select(i => $"{PageId(i)} 0 R"));
        writer.WriteObject(PagesId,
            $"<< /Type /Pages /Kids [{kids}] /Count {_pages.Count} " +
            $"/MediaBox [0 0 {PdfPage.N(A4Width)} {PdfPage.N(A4Height)}] >>");

        writer.WriteObject(InfoId,
            $"<< /Title {TextString(Title)} /Producer ({Producer}) /CreationDate ({DateString(CreationDate)}) >>");

        var fontEntries = new StringBuilder();
        for (var i = 0; i < PdfFont.All.Count; i++)
        {
            var font = PdfFont.All[i];
            writer.WriteObject(FirstFontId + i,
                $"<< /Type /Font /Subtype /Type1 /BaseFont /{font.BaseFont} /Encoding /WinAnsiEncoding >>");
            fontEntries.Append(CultureInfo.InvariantCulture, $" /{font.ResourceName} {FirstFontId + i} 0 R");
        }

        writer.WriteObject(ResourcesId, $"<< /Font <<{fontEntries} >> /ProcSet [/PDF /Text] >>");

        for (var i = 0; i < _pages.Count; i++)
        {
            writer.WriteObject(PageId(i),
                $"<< /Type /Page /Parent {PagesId} 0 R /Resources {ResourcesId} 0 R /Contents {PageId(i) + 1} 0 R >>");
            writer.WriteStream(PageId(i) + 1, Compress(_pages[i].ContentBytes()));
        }

        writer.WriteXrefAndTrailer($"/Root {CatalogId} 0 R /Info {InfoId} 0 R");
    }

    private static int PageId(int pageIndex) => FirstPageId + 2 * pageIndex;

    private static byte[] Compress(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(content);
        return compressed.ToArray();
    }

    // Document information strings are "text strings": UTF-16BE with a byte order mark represents any title,
    // accents included, without depending on PDFDocEncoding.
    private static string TextString(string text)
    {
        var hex = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(text))
            hex.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return hex.Append('>').ToString();
    }

    // PDF date: D:YYYYMMDDHHmmSS followed by the offset from UT as +HH'mm' (or Z for UT itself).
    private static string DateString(DateTimeOffset date)
    {
        var local = date.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (date.Offset == TimeSpan.Zero)
            return $"D:{local}Z";
        var sign = date.Offset < TimeSpan.Zero ? '-' : '+';
        var offset = date.Offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"D:{local}{sign}{offset.Hours:00}'{offset.Minutes:00}'");
    }

    /// <summary>
    /// Writes numbered objects while counting bytes itself (the target stream need not be seekable), remembering
    /// where each object starts for the cross-reference table.
    /// </summary>
    private sealed class ObjectWriter(Stream output, int objectCount)
    {
        private readonly long[] _offsets = new long[objectCount];
        private long _position;

        public void WriteAscii(string text) => WriteBytes(Encoding.ASCII.GetBytes(text));

        public void WriteBytes(ReadOnlySpan<byte> bytes)
        {
            output.Write(bytes);
            _position += bytes.Length;
        }

        public void WriteObject(int id, string body)
        {
            _offsets[id] = _position;
            WriteAscii($"{id} 0 obj\n{body}\nendobj\n");
        }

        public void WriteStream(int id, byte[] flateData)
        {
            _offsets[id] = _position;
            WriteAscii($"{id} 0 obj\n<< /Length {flateData.Length} /Filter /FlateDecode >>\nstream\n");
            WriteBytes(flateData);
            WriteAscii("\nendstream\nendobj\n");
        }

        public void WriteXrefAndTrailer(string trailerEntries)
        {
            var xrefOffset = _position;
            var xref = new StringBuilder();
            xref.Append(CultureInfo.InvariantCulture, $"xref\n0 {_offsets.Length}\n");
            // Every entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, and a two-byte end of line.
            xref.Append("0000000000 65535 f \n");
            for (var id = 1; id < _offsets.Length; id++)
                xref.Append(CultureInfo.InvariantCulture, $"{_offsets[id]:D10} 00000 n \n");
            xref.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_offsets.Length} {trailerEntries} >>\n");
            xref.Append(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset}\n%%EOF\n");
            WriteAscii(xref.ToString());
        }
    }
}
