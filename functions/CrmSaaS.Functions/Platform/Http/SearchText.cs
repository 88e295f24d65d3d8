using System.Globalization;
using System.Text;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Accent- and case-insensitive search text ("Conceição" → "conceicao"), stored on records as <c>SearchText</c> so a
/// list can filter it server-side (Table Storage compares strings exactly, without collation).
/// </summary>
public static class SearchText
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var decomposed = value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string Of(params string?[] parts) => string.Join(' ', parts.Select(Normalize).Where(p => p.Length > 0));

    /// <summary>True when every word of the query occurs in the text (both normalised).</summary>
    public static bool Matches(string? normalizedText, string? query)
    {
        var words = Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = normalizedText ?? "";
        return words.All(w => text.Contains(w, StringComparison.Ordinal));
    }
}
