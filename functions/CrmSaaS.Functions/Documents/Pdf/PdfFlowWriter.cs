namespace CrmSaaS.Functions.Documents.Pdf;

/// <summary>
/// Lays content out from top to bottom inside the page margins, keeping a cursor (<see cref="Y"/>, the top of
/// the next line) and starting a new page whenever the next piece would cross the bottom margin.
/// </summary>
public sealed class PdfFlowWriter
{
    /// <summary>Line height as a multiple of the font size.</summary>
    public const double LineSpacing = 1.25;

    // Where the baseline sits inside a line box, as a multiple of the font size: low enough for accented capitals
    // (Helvetica's "Á" reaches 0.93 em) and high enough for descenders (0.21 em) within the 1.25 em box.
    private const double BaselineRatio = 0.95;

    private const double Tolerance = 1e-6;

    private readonly double _marginLeft;
    private readonly double _marginTop;
    private readonly double _marginRight;
    private readonly double _marginBottom;
    private double _pageStartY;

    public PdfFlowWriter(PdfDocument document, double margin = 40)
        : this(document, margin, margin, margin, margin)
    {
    }

    /// <summary>Starts a writer on a new page of <paramref name="document"/>.</summary>
    public PdfFlowWriter(PdfDocument document, double marginLeft, double marginTop, double marginRight, double marginBottom)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        _marginLeft = marginLeft;
        _marginTop = marginTop;
        _marginRight = marginRight;
        _marginBottom = marginBottom;
        Page = document.AddPage();
        Y = _marginTop;
        _pageStartY = Y;
        if (ContentWidth <= 0 || Bottom <= Y)
            throw new ArgumentOutOfRangeException(nameof(document), "The margins leave no room on the page.");
    }

    /// <summary>
    /// Runs after every page the writer starts because content overflowed (not for the first page), with the
    /// cursor at the top margin; use it for a running header, and move the cursor below what it draws.
    /// </summary>
    public Action<PdfFlowWriter>? PageStarted { get; set; }

    public PdfDocument Document { get; }

    public PdfPage Page { get; private set; }

    /// <summary>Top of the next line, in points from the top of the page.</summary>
    public double Y { get; private set; }

    public double Left => _marginLeft;

    public double Right => Page.Width - _marginRight;

    public double ContentWidth => Right - Left;

    /// <summary>Lowest y content may reach (the top of the bottom margin).</summary>
    public double Bottom => Page.Height - _marginBottom;

    public double RemainingHeight => Bottom - Y;

    /// <summary>True while nothing has been laid out on the current page (other than a running header).</summary>
    public bool AtPageStart => Math.Abs(Y - _pageStartY) < Tolerance;

    public static double LineHeight(double fontSize) => fontSize * LineSpacing;

    /// <summary>Baseline of a line of text whose line box starts at <paramref name="lineTop"/>.</summary>
    public static double Baseline(double lineTop, double fontSize) => lineTop + fontSize * BaselineRatio;

    public void NewPage()
    {
        Page = Document.AddPage();
        Y = _marginTop;
        PageStarted?.Invoke(this);
        _pageStartY = Y;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit above the bottom margin.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom + Tolerance && !AtPageStart)
            NewPage();
    }

    public void MoveDown(double height)
    {
        if (height < 0)
            throw new ArgumentOutOfRangeException(nameof(height), height, "The cursor only moves down.");
        Y += height;
    }

    /// <summary>Word-wrapped text across the content width; breaks pages between lines.</summary>
    public void Paragraph(string text, PdfFont font, double size, double gray = 0, PdfAlign align = PdfAlign.Left)
    {
        var lineHeight = LineHeight(size);
        foreach (var line in PdfText.Wrap(text, font, size, ContentWidth))
        {
            EnsureSpace(lineHeight);
            var baseline = Baseline(Y, size);
            switch (align)
            {
                case PdfAlign.Right:
                    Page.DrawTextRight(Right, baseline, line, font, size, gray);
                    break;
                case PdfAlign.Center:
                    Page.DrawTextCentered(Left + ContentWidth / 2, baseline, line, font, size, gray);
                    break;
                default:
                    Page.DrawText(Left, baseline, line, font, size, gray);
                    break;
            }

            Y += lineHeight;
        }
    }

    /// <summary>A horizontal line across the content width at the cursor.</summary>
    public void Rule(double lineWidth = 0.5, double gray = 0.6)
    {
        EnsureSpace(lineWidth);
        Page.DrawLine(Left, Y, Right, Y, lineWidth, gray);
        Y += lineWidth;
    }

    /// <summary>
    /// Draws a table from the left margin. Cells wrap within their column; a row that does not fit the rest of
    /// the page moves to the next one, and only a row taller than a whole page is split across pages. The header
    /// row is repeated at the top of every page the table reaches and never left alone at the bottom of a page.
    /// </summary>
    /// <param name="rows">One text per column for each row; blank cells are allowed.</param>
    public void Table(IReadOnlyList<PdfTableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, PdfTableStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        style ??= PdfTableStyle.Default;
        if (columns.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        if (columns.Any(c => c.Width <= 2 * style.HorizontalPadding))
            throw new ArgumentException("Every column must be wider than its padding.", nameof(columns));
        var tableWidth = columns.Sum(c => c.Width);
        if (tableWidth > ContentWidth + Tolerance)
            throw new ArgumentException($"The columns ({tableWidth:0.##} pt) are wider than the page content ({ContentWidth:0.##} pt).", nameof(columns));

        var table = new TableLayout(this, columns, style, tableWidth);
        var rowCount = 0;
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"Row {rowCount + 1} has {row.Count} cells; the table has {columns.Count} columns.", nameof(rows));
            table.DrawRow(row, rowCount);
            rowCount++;
        }

        if (rowCount == 0)
            table.DrawHeaderAlone();
    }

    /// <summary>State of one table while it is being drawn.</summary>
    private sealed class TableLayout
    {
        private readonly PdfFlowWriter _writer;
        private readonly IReadOnlyList<PdfTableColumn> _columns;
        private readonly PdfTableStyle _style;
        private readonly double _tableWidth;
        private readonly double _lineHeight;
        private readonly IReadOnlyList<string>[] _headerLines;
        private readonly double _headerHeight;
        private bool _headerPending = true;
        private bool _pageHasRows;

        public TableLayout(PdfFlowWriter writer, IReadOnlyList<PdfTableColumn> columns, PdfTableStyle style, double tableWidth)
        {
            _writer = writer;
            _columns = columns;
            _style = style;
            _tableWidth = tableWidth;
            _lineHeight = LineHeight(style.FontSize);
            _headerLines = columns.Select((c, i) => WrapCell(c.Header, style.HeaderFont, i)).ToArray();
            _headerHeight = LinesHeight(Math.Max(1, _headerLines.Max(l => l.Count)));
        }

        public void DrawRow(IReadOnlyList<string> cells, int rowIndex)
        {
            var cellLines = cells.Select((text, i) => WrapCell(text ?? "", _columns[i].Font, i)).ToArray();
            var lineCount = Math.Max(1, cellLines.Max(l => l.Count));
            var next = 0;
            while (next < lineCount)
            {
                var headerSpace = _headerPending ? _headerHeight : 0;
                var available = _writer.Bottom - _writer.Y - headerSpace - 2 * _style.VerticalPadding;
                var fit = (int)Math.Floor(available / _lineHeight + Tolerance);
                var remaining = lineCount - next;
                if (fit >= remaining)
                {
                    DrawSegment(cellLines, next, remaining, rowIndex);
                    return;
                }

                // Something is already on this page: give the row a fresh page rather than cutting it.
                var pageIsFresh = !_pageHasRows && _writer.AtPageStart;
                if (!pageIsFresh)
                {
                    StartNextPage();
                    continue;
                }

                if (fit < 1)
                    throw new InvalidOperationException("The page has no room for a single table line.");
                DrawSegment(cellLines, next, fit, rowIndex);
                next += fit;
                StartNextPage();
            }
        }

        public void DrawHeaderAlone()
        {
            _writer.EnsureSpace(_headerHeight);
            DrawHeader();
        }

        private void StartNextPage()
        {
            _writer.NewPage();
            _headerPending = true;
            _pageHasRows = false;
        }

        private void DrawSegment(IReadOnlyList<string>[] cellLines, int firstLine, int lineCount, int rowIndex)
        {
            if (_headerPending)
                DrawHeader();

            var page = _writer.Page;
            var top = _writer.Y;
            var height = LinesHeight(lineCount);
            if (_style.StripeFill is { } stripe && rowIndex % 2 == 1)
                page.FillRectangle(_writer.Left, top, _tableWidth, height, stripe);

            DrawCells(cellLines, firstLine, lineCount, top, _columns.Select(c => c.Font).ToArray(), c => c.Gray);
            page.DrawLine(_writer.Left, top + height, _writer.Left + _tableWidth, top + height, 0.4, _style.RuleGray);
            _writer.Y = top + height;
            _pageHasRows = true;
        }

        private void DrawHeader()
        {
            var top = _writer.Y;
            _writer.Page.FillRectangle(_writer.Left, top, _tableWidth, _headerHeight, _style.HeaderFill);
            var headerLineCount = Math.Max(1, _headerLines.Max(l => l.Count));
            DrawCells(_headerLines, 0, headerLineCount, top, _columns.Select(_ => _style.HeaderFont).ToArray(), _ => 0);
            _writer.Y = top + _headerHeight;
            _headerPending = false;
        }

        private void DrawCells(IReadOnlyList<string>[] cellLines, int firstLine, int lineCount, double top, PdfFont[] fonts, Func<PdfTableColumn, double> gray)
        {
            var page = _writer.Page;
            var size = _style.FontSize;
            var x = _writer.Left;
            for (var column = 0; column < _columns.Count; column++)
            {
                var definition = _columns[column];
                var lines = cellLines[column];
                for (var i = 0; i < lineCount && firstLine + i < lines.Count; i++)
                {
                    var baseline = Baseline(top + _style.VerticalPadding + i * _lineHeight, size);
                    var text = lines[firstLine + i];
                    switch (definition.Align)
                    {
                        case PdfAlign.Right:
                            page.DrawTextRight(x + definition.Width - _style.HorizontalPadding, baseline, text, fonts[column], size, gray(definition));
                            break;
                        case PdfAlign.Center:
                            page.DrawTextCentered(x + definition.Width / 2, baseline, text, fonts[column], size, gray(definition));
                            break;
                        default:
                            page.DrawText(x + _style.HorizontalPadding, baseline, text, fonts[column], size, gray(definition));
                            break;
                    }
                }

                x += definition.Width;
            }
        }

        private IReadOnlyList<string> WrapCell(string text, PdfFont font, int column) =>
            PdfText.Wrap(text, font, _style.FontSize, _columns[column].Width - 2 * _style.HorizontalPadding);

        private double LinesHeight(int lineCount) => lineCount * _lineHeight + 2 * _style.VerticalPadding;
    }
}
