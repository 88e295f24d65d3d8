using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CrmSaaS.Functions.Common;

/// <summary>
/// Payment terms in the Brazilian "30/60/90" notation: one installment per number, due that many days after a
/// base date (usually the invoice date). "0/30/60" means a down payment on the base date plus two installments.
/// </summary>
public sealed class PaymentTerms
{
    public const int MaxInstallments = Installments.MaxCount;
    public const int MaxDays = 3650;

    private PaymentTerms(IReadOnlyList<int> days) => Days = days;

    /// <summary>Days after the base date, strictly ascending, each 0–3650.</summary>
    public IReadOnlyList<int> Days { get; }

    public IReadOnlyList<DateOnly> DueDates(DateOnly baseDate) => [.. Days.Select(baseDate.AddDays)];

    /// <summary>The canonical notation, e.g. "30/60/90".</summary>
    public override string ToString() => string.Join('/', Days);

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out PaymentTerms? terms,
        [NotNullWhen(false)] out string? error)
    {
        terms = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Informe a condição de pagamento em dias, por exemplo 30/60/90.";
            return false;
        }

        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxInstallments)
        {
            error = $"Condição de pagamento inválida: no máximo {MaxInstallments} parcelas.";
            return false;
        }

        var days = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                error = $"Condição de pagamento inválida: \"{part}\" não é um número de dias. Use o formato 30/60/90.";
                return false;
            }
            if (day > MaxDays)
            {
                error = $"Condição de pagamento inválida: o prazo máximo é de {MaxDays} dias.";
                return false;
            }
            if (days.Count > 0 && day <= days[^1])
            {
                error = "Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.";
                return false;
            }
            days.Add(day);
        }

        terms = new PaymentTerms(days);
        error = null;
        return true;
    }

    /// <exception cref="FormatException">With the pt-BR message of <see cref="TryParse"/>.</exception>
    public static PaymentTerms Parse(string? text) =>
        TryParse(text, out var terms, out var error) ? terms : throw new FormatException(error);
}
