using System.Globalization;

namespace CrmSaaS.Functions.Documents;

/// <summary>
/// pt-BR formatting for printed documents. The separators are spelled out instead of taken from the "pt-BR"
/// culture so the output does not depend on the ICU data installed on the host, and uses plain spaces where
/// ICU would insert a no-break space after "R$".
/// </summary>
public static class BrazilianFormat
{
    private static readonly NumberFormatInfo _numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>"R$ 1.234,56"; negative amounts as "-R$ 1.234,56".</summary>
    public static string Money(decimal amount)
    {
        var text = "R$ " + Math.Abs(amount).ToString("#,##0.00", _numbers);
        return amount < 0 && text != "R$ 0,00" ? "-" + text : text;
    }

    /// <summary>Quantities without trailing zeros: 2 → "2", 1.5 → "1,5", 1250 → "1.250".</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.###", _numbers);

    /// <summary>dd/MM/aaaa.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a CNPJ as 00.000.000/0000-00 (also the alphanumeric CNPJ issued since July 2026, whose first twelve
    /// characters may be letters) and a CPF as 000.000.000-00. Anything else is returned trimmed, as given.
    /// </summary>
    public static string TaxId(string taxId)
    {
        ArgumentNullException.ThrowIfNull(taxId);
        var raw = new string(taxId.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (IsCnpj(raw))
            return $"{raw[..2]}.{raw[2..5]}.{raw[5..8]}/{raw[8..12]}-{raw[12..]}";
        if (raw.Length == 11 && raw.All(char.IsAsciiDigit))
            return $"{raw[..3]}.{raw[3..6]}.{raw[6..9]}-{raw[9..]}";
        return taxId.Trim();
    }

    /// <summary>"CNPJ" or "CPF" for the label printed before a tax id; "Documento" when it is neither.</summary>
    public static string TaxIdLabel(string taxId)
    {
        ArgumentNullException.ThrowIfNull(taxId);
        var raw = new string(taxId.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (IsCnpj(raw))
            return "CNPJ";
        return raw.Length == 11 && raw.All(char.IsAsciiDigit) ? "CPF" : "Documento";
    }

    private static bool IsCnpj(string raw) => raw.Length == 14 && raw[12..].All(char.IsAsciiDigit);
}
