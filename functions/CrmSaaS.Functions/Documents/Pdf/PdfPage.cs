using System.Buffers;
using System.Globalization;
using System.Text;

namespace CrmSaaS.Functions.Documents.Pdf;

/// <summary>
/// One page and its drawing operations. Coordinates are in points (1/72 inch) measured from the TOP-LEFT corner
/// of the page, y growing downwards, because that is how layouts are thought about; the page converts them to
/// PDF's bottom-left user space when it writes operators. For text, y is the baseline.
/// Gray levels go from 0 (black) to 1 (white).
/// </summary>
public sealed class PdfPage
{
    private readonly ArrayBufferWriter<byte> _content = new();

    internal PdfPage(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public void DrawText(double x, double y, string text, PdfFont font, double size, double gray = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        CheckPositive(size);
        CheckGray(gray);
        var encoded = WinAnsiEncoding.Encode(text);
        if (encoded.Length == 0)
            return;

        Append($"q {N(gray)} g BT /{font.ResourceName} {N(size)} Tf {N(x)} {N(Height - y)} Td (");
        AppendEscaped(encoded);
        Append(") Tj ET Q\n");
    }

    /// <summary>Draws text so that it ends at <paramref name="right"/>.</summary>
    public void DrawTextRight(double right, double y, string text, PdfFont font, double size, double gray = 0) =>
        DrawText(right - font.MeasureWidth(text, size), y, text, font, size, gray);

    /// <summary>Draws text centred on <paramref name="center"/>.</summary>
    public void DrawTextCentered(double center, double y, string text, PdfFont font, double size, double gray = 0) =>
        DrawText(center - font.MeasureWidth(text, size) / 2, y, text, font, size, gray);

    public void DrawLine(double x1, double y1, double x2, double y2, double lineWidth = 0.5, double gray = 0)
    {
        CheckPositive(lineWidth);
        CheckGray(gray);
        Append($"q {N(gray)} G {N(lineWidth)} w {N(x1)} {N(Height - y1)} m {N(x2)} {N(Height - y2)} l S Q\n");
    }

    /// <summary>Outlines the rectangle whose top-left corner is (x, y).</summary>
    public void StrokeRectangle(double x, double y, double width, double height, double lineWidth = 0.5, double gray = 0)
    {
        CheckPositive(lineWidth);
        CheckGray(gray);
        Append($"q {N(gray)} G {N(lineWidth)} w {N(x)} {N(Height - y - height)} {N(width)} {N(height)} re S Q\n");
    }

    /// <summary>Fills the rectangle whose top-left corner is (x, y).</summary>
    public void FillRectangle(double x, double y, double width, double height, double gray)
    {
        CheckGray(gray);
        Append($"q {N(gray)} g {N(x)} {N(Height - y - height)} {N(width)} {N(height)} re f Q\n");
    }

    /// <summary>The uncompressed content stream: the operators drawn so far.</summary>
    internal byte[] ContentBytes() => _content.WrittenSpan.ToArray();

    private void Append(string ascii)
    {
        _content.Write(Encoding.ASCII.GetBytes(ascii));
    }

    // Inside a literal string only the delimiters and the escape character itself must be escaped; bytes >= 0x80
    // are legal as they are, and WinAnsiEncoding never yields line-break bytes that a reader would rewrite.
    private void AppendEscaped(byte[] encoded)
    {
        foreach (var b in encoded)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
                _content.Write("\\"u8);
            _content.Write([b]);
        }
    }

    /// <summary>Formats a number the way PDF wants it: invariant, no exponent, at most three decimals.</summary>
    internal static string N(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "PDF numbers must be finite.");
        var rounded = Math.Round(value, 3);
        return rounded == 0 ? "0" : rounded.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static void CheckPositive(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "Must be a positive number.");
    }

    private static void CheckGray(double gray)
    {
        if (gray is < 0 or > 1 || double.IsNaN(gray))
            throw new ArgumentOutOfRangeException(nameof(gray), gray, "Gray levels go from 0 (black) to 1 (white).");
    }
}
