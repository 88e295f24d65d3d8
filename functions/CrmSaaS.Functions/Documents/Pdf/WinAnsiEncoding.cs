using System.Text;

namespace CrmSaaS.Functions.Documents.Pdf;

/// <summary>
/// Converts text to the single-byte WinAnsiEncoding (Windows code page 1252) used by the standard 14 fonts.
/// </summary>
/// <remarks>
/// Written out by hand because .NET only ships code page 1252 behind an encoding provider registration, and the
/// mapping is small and fixed: Latin-1 for 0x20-0x7E and 0xA0-0xFF, plus 27 typographic characters in 0x80-0x9F.
/// </remarks>
public static class WinAnsiEncoding
{
    /// <summary>The byte written for characters WinAnsi cannot represent.</summary>
    public const byte Replacement = (byte)'?';

    private static readonly Dictionary<char, byte> _extraCharacters = new()
    {
        ['\u20AC'] = 0x80, // €
        ['\u201A'] = 0x82, // ‚
        ['\u0192'] = 0x83, // ƒ
        ['\u201E'] = 0x84, // „
        ['\u2026'] = 0x85, // …
        ['\u2020'] = 0x86, // †
        ['\u2021'] = 0x87, // ‡
        ['\u02C6'] = 0x88, // ˆ
        ['\u2030'] = 0x89, // ‰
        ['\u0160'] = 0x8A, // Š
        ['\u2039'] = 0x8B, // ‹
        ['\u0152'] = 0x8C, // Œ
        ['\u017D'] = 0x8E, // Ž
        ['\u2018'] = 0x91, // ‘
        ['\u2019'] = 0x92, // ’
        ['\u201C'] = 0x93, // “
        ['\u201D'] = 0x94, // ”
        ['\u2022'] = 0x95, // •
        ['\u2013'] = 0x96, // –
        ['\u2014'] = 0x97, // —
        ['\u02DC'] = 0x98, // ˜
        ['\u2122'] = 0x99, // ™
        ['\u0161'] = 0x9A, // š
        ['\u203A'] = 0x9B, // ›
        ['\u0153'] = 0x9C, // œ
        ['\u017E'] = 0x9E, // ž
        ['\u0178'] = 0x9F, // Ÿ
    };

    /// <summary>
    /// Encodes one line of text. Text is normalized to NFC first so that a decomposed "c" + combining cedilla
    /// still becomes "ç"; tabs and line breaks become spaces; anything else outside WinAnsi becomes '?'.
    /// </summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var bytes = new byte[normalized.Length];
        var count = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                // One replacement per character the reader sees, not one per UTF-16 unit.
                i++;
                bytes[count++] = Replacement;
                continue;
            }

            bytes[count++] = EncodeChar(c);
        }

        return count == bytes.Length ? bytes : bytes[..count];
    }

    /// <summary>Encodes a single UTF-16 character; see <see cref="Encode"/> for the rules.</summary>
    public static byte EncodeChar(char c)
    {
        if (c is '\t' or '\r' or '\n')
            return (byte)' ';
        if (c is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF')
            return (byte)c;
        return _extraCharacters.TryGetValue(c, out var code) ? code : Replacement;
    }
}
