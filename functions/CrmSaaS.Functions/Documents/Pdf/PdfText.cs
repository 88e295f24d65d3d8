namespace CrmSaaS.Functions.Documents.Pdf;

public static class PdfText
{
    // Widths are sums of doubles; a line that fits exactly must not be pushed to the next one by rounding noise.
    private const double Tolerance = 1e-6;

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="maxWidth"/> points. Lines break at spaces; explicit line
    /// breaks start a new line (an empty line stays empty); a word wider than the line is cut between characters.
    /// Runs of spaces collapse to one. Empty or blank text yields no lines.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, PdfFont font, double size, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        if (!(maxWidth > 0))
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "The line width must be positive.");

        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
            return lines;

        var paragraphs = text.TrimEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        foreach (var paragraph in paragraphs)
            WrapParagraph(paragraph, font, size, maxWidth, lines);
        return lines;
    }

    private static void WrapParagraph(string paragraph, PdfFont font, double size, double maxWidth, List<string> lines)
    {
        var words = paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var line = "";
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Fits(candidate, font, size, maxWidth))
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
                lines.Add(line);
            line = word;
            while (!Fits(line, font, size, maxWidth))
            {
                var cut = LongestFittingPrefix(line, font, size, maxWidth);
                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        lines.Add(line);
    }

    // Always at least one character (two for a surrogate pair), so that a column narrower than a single glyph
    // still makes progress instead of looping.
    private static int LongestFittingPrefix(string word, PdfFont font, double size, double maxWidth)
    {
        var length = char.IsHighSurrogate(word[0]) && word.Length > 1 ? 2 : 1;
        while (length < word.Length)
        {
            var next = length + (char.IsHighSurrogate(word[length]) && length + 1 < word.Length ? 2 : 1);
            if (!Fits(word[..next], font, size, maxWidth))
                break;
            length = next;
        }

        return length;
    }

    private static bool Fits(string text, PdfFont font, double size, double maxWidth) =>
        font.MeasureWidth(text, size) <= maxWidth + Tolerance;
}
