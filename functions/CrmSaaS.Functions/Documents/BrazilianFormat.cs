using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Documents;

/// <summary>
/// pt-BR formatting for printed documents, on top of the shared rules in <see cref="Common"/>: a document must
/// still print a tax id that no longer validates (an old record), so it formats what it is given.
/// </summary>
public static class BrazilianFormat
{
    /// <summary>"R$ 1.234,56"; negative amounts as "-R$ 1.234,56".</summary>
    public static string Money(decimal amount) => Common.Money.Format(amount);

    /// <summary>Quantities without trailing zeros: 2 → "2", 1.5 → "1,5", 1250 → "1.250".</summary>
    public static string Quantity(decimal quantity) => BrazilFormat.Quantity(quantity);

    /// <summary>dd/MM/aaaa.</summary>
    public static string Date(DateOnly date) => BrazilFormat.Date(date);

    /// <summary>
    /// A valid CNPJ (numeric or alphanumeric) or CPF formatted as usual; anything else as given, trimmed.
    /// </summary>
    public static string TaxId(string taxId)
    {
        ArgumentNullException.ThrowIfNull(taxId);
        if (Common.TaxId.TryParse(taxId, out var parsed))
        {
            return parsed.Formatted;
        }

        var raw = new string(taxId.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return IsCnpjShape(raw) ? $"{raw[..2]}.{raw[2..5]}.{raw[5..8]}/{raw[8..12]}-{raw[12..]}"
            : raw.Length == 11 && raw.All(char.IsAsciiDigit) ? $"{raw[..3]}.{raw[3..6]}.{raw[6..9]}-{raw[9..]}"
            : taxId.Trim();
    }

    /// <summary>"CNPJ" or "CPF" for the label printed before a tax id; "Documento" when it is neither.</summary>
    public static string TaxIdLabel(string taxId)
    {
        ArgumentNullException.ThrowIfNull(taxId);
        var raw = new string(taxId.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (IsCnpjShape(raw))
        {
            return "CNPJ";
        }

        return raw.Length == 11 && raw.All(char.IsAsciiDigit) ? "CPF" : "Documento";
    }

    private static bool IsCnpjShape(string raw) => raw.Length == 14 && raw[12..].All(char.IsAsciiDigit);
}
