namespace CrmSaaS.Functions.Documents.Pdf;

/// <summary>
/// One of the standard 14 PDF fonts we use. They are not embedded: every viewer ships them (or a metric-compatible
/// substitute), which keeps proposal PDFs small and avoids font licensing questions.
/// </summary>
public sealed class PdfFont
{
    public static readonly PdfFont Helvetica = new("Helvetica", "F1", HelveticaMetrics.Regular);
    public static readonly PdfFont HelveticaBold = new("Helvetica-Bold", "F2", HelveticaMetrics.Bold);
    public static readonly PdfFont HelveticaOblique = new("Helvetica-Oblique", "F3", HelveticaMetrics.Regular);

    /// <summary>Every font, in the order their objects are written.</summary>
    internal static readonly IReadOnlyList<PdfFont> All = [Helvetica, HelveticaBold, HelveticaOblique];

    private readonly short[] _widths;

    private PdfFont(string baseFont, string resourceName, short[] widths)
    {
        BaseFont = baseFont;
        ResourceName = resourceName;
        _widths = widths;
    }

    /// <summary>PostScript name written as /BaseFont.</summary>
    public string BaseFont { get; }

    /// <summary>Name of the font in each page's /Resources /Font dictionary.</summary>
    internal string ResourceName { get; }

    /// <summary>Advance width of <paramref name="text"/> in points, exactly as a viewer lays it out (no kerning).</summary>
    public double MeasureWidth(string text, double size) => MeasureWidth(WinAnsiEncoding.Encode(text), size);

    internal double MeasureWidth(ReadOnlySpan<byte> encoded, double size)
    {
        var units = 0;
        foreach (var code in encoded)
            units += _widths[code];
        return units * size / 1000.0;
    }

    public override string ToString() => BaseFont;
}
