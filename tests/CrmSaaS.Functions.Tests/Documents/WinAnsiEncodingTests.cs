using System.Text;
using CrmSaaS.Functions.Documents.Pdf;

namespace CrmSaaS.Functions.Tests.Documents;

public class WinAnsiEncodingTests
{
    [Fact]
    public void Portuguese_accents_become_their_code_page_1252_bytes()
    {
        WinAnsiEncoding.Encode("çãõáéíóúâêôà").ShouldBe(
            [0xE7, 0xE3, 0xF5, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xE2, 0xEA, 0xF4, 0xE0]);
        WinAnsiEncoding.Encode("ÇÃÕÁÉÍÓÚÂÊÔÀ").ShouldBe(
            [0xC7, 0xC3, 0xD5, 0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xC2, 0xCA, 0xD4, 0xC0]);
    }

    [Fact]
    public void Currency_ordinals_and_dashes_are_encoded()
    {
        WinAnsiEncoding.Encode("R$ nº 1ª – € “x” …").ShouldBe(
            [0x52, 0x24, 0x20, 0x6E, 0xBA, 0x20, 0x31, 0xAA, 0x20, 0x96, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94, 0x20, 0x85]);
    }

    [Fact]
    public void Characters_outside_WinAnsi_become_one_question_mark_each()
    {
        WinAnsiEncoding.Encode("a漢Ω😀b").ShouldBe([0x61, 0x3F, 0x3F, 0x3F, 0x62]);
    }

    [Fact]
    public void Decomposed_accents_are_composed_before_encoding()
    {
        WinAnsiEncoding.Encode("c\u0327a\u0303o").ShouldBe([0xE7, 0xE3, 0x6F]);
        WinAnsiEncoding.Encode("\u212B").ShouldBe([0xC5]); // ANGSTROM SIGN is canonically "Å"
    }

    [Fact]
    public void Tabs_and_line_breaks_become_spaces()
    {
        WinAnsiEncoding.Encode("a\tb\r\nc").ShouldBe([0x61, 0x20, 0x62, 0x20, 0x20, 0x63]);
    }

    [Fact]
    public void Every_printable_character_matches_the_code_page_1252_of_dotnet()
    {
        // An independent table: .NET's own code page 1252, without best-fit substitutions.
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(
            1252, new EncoderReplacementFallback("?"), DecoderFallback.ExceptionFallback)!;
        var mismatches = new List<string>();
        for (var c = '\u0020'; c < '\uD800'; c++)
        {
            var text = c.ToString();
            if (c is >= '\u007F' and <= '\u009F' || !text.IsNormalized(NormalizationForm.FormC))
                continue; // control characters are never printed; others are normalized first (see below)
            var expected = cp1252.GetBytes(text);
            var actual = WinAnsiEncoding.Encode(text);
            if (!expected.AsSpan().SequenceEqual(actual))
                mismatches.Add($"U+{(int)c:X4}: expected {Convert.ToHexString(expected)}, got {Convert.ToHexString(actual)}");
        }

        mismatches.ShouldBeEmpty();
    }
}
