namespace CrmSaaS.Functions.Documents.Pdf;

public enum PdfAlign
{
    Left,
    Right,
    Center,
}

/// <summary>A table column: header label, width in points, alignment, and the font/gray of its body cells.</summary>
public sealed record PdfTableColumn(string Header, double Width, PdfAlign Align = PdfAlign.Left)
{
    public PdfFont Font { get; init; } = PdfFont.Helvetica;

    public double Gray { get; init; }
}

public sealed record PdfTableStyle
{
    public static readonly PdfTableStyle Default = new();

    public double FontSize { get; init; } = 8.5;

    public PdfFont HeaderFont { get; init; } = PdfFont.HelveticaBold;

    /// <summary>Space between a cell's text and the cell's left/right edges.</summary>
    public double HorizontalPadding { get; init; } = 4;

    /// <summary>Space above the first and below the last line of a row.</summary>
    public double VerticalPadding { get; init; } = 3;

    public double HeaderFill { get; init; } = 0.88;

    /// <summary>Fill of every second body row; null draws no stripes.</summary>
    public double? StripeFill { get; init; } = 0.96;

    /// <summary>Gray of the thin line drawn under each row.</summary>
    public double RuleGray { get; init; } = 0.78;
}
