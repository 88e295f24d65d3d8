using System.Xml;

namespace CrmSaaS.Functions.Billing.Nfse;

/// <summary>Text rules of the DPS layout (see <see cref="DpsLayout"/>), shared by the document checks and the writer.</summary>
internal static class DpsText
{
    /// <summary>Digits of a CEP or phone typed with the usual punctuation; other characters are kept so they fail the digit check.</summary>
    public static string DigitsOnly(string value) =>
        new([.. value.Where(c => c is not ('(' or ')' or '-' or '.' or '+' or ' '))]);

    /// <summary>Optional fields left blank are simply not written.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static bool IsDigits(string? value, int minLength, int maxLength) =>
        value is not null && value.Length >= minLength && value.Length <= maxLength && value.All(char.IsAsciiDigit);

    /// <summary>
    /// Trimmed text as written into the XML. Descriptions keep their line breaks, normalised to "\n" so that the
    /// signed bytes do not depend on the browser that typed them.
    /// </summary>
    public static string Clean(string value, bool multiline = false) =>
        multiline ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim() : value.Trim();

    /// <summary>Text of free characters (names, descriptions): length after trimming and characters XML can carry.</summary>
    public static string? Check(string? value, int minLength, int maxLength, string field, bool multiline = false)
    {
        var text = Clean(value ?? string.Empty, multiline);
        if (text.Length < minLength)
            return $"Informe {char.ToLowerInvariant(field[0])}{field[1..]}.";
        if (text.Length > maxLength)
            return $"{field} deve ter no máximo {maxLength} caracteres.";
        if (!IsXmlText(text) || (!multiline && text.Any(char.IsControl)))
            return $"{field} contém caracteres inválidos.";
        return null;
    }

    public static string? CheckOptional(string? value, int minLength, int maxLength, string field) =>
        Optional(value) is null ? null : Check(value, minLength, maxLength, field);

    /// <summary>Fields typed TSString in the layout: only characters U+0020–U+00FF (Latin-1, which covers Portuguese).</summary>
    public static string? CheckLatin1(string? value, int minLength, int maxLength, string field)
    {
        var error = Check(value, minLength, maxLength, field);
        if (error is not null)
            return error;
        var invalid = Clean(value!).FirstOrDefault(c => c > '\u00FF');
        return invalid == default
            ? null
            : $"{field} contém o caractere \"{invalid}\", que a NFS-e não aceita. Use letras, números e pontuação comuns.";
    }

    public static string? CheckOptionalLatin1(string? value, int minLength, int maxLength, string field) =>
        Optional(value) is null ? null : CheckLatin1(value, minLength, maxLength, field);

    private static bool IsXmlText(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
