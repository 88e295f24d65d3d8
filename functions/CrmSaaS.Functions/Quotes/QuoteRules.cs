using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Quotes;

/// <summary>Quote (orçamento) rules: validity, what an open or converted quote allows. No I/O.</summary>
public static class QuoteRules
{
    /// <summary>Validity when none is given: the usual "proposta válida por 15 dias".</summary>
    public const int DefaultValidityDays = 15;

    public const int MaxNotes = 2000;

    /// <summary>Expired: still open and its validity ended before today (a Brasília calendar date).</summary>
    public static bool IsExpired(Quote quote, DateOnly today) => quote.Status == QuoteStatus.Aberto && quote.ValidUntil < today;

    public static string Label(Quote quote, DateOnly today) =>
        quote.Status == QuoteStatus.Convertido ? "Convertido" : IsExpired(quote, today) ? "Vencido" : "Aberto";

    public static void CheckHeader(DateOnly date, DateOnly validUntil, string? notes, Validation validation)
    {
        if (validUntil < date)
        {
            validation.Add("validUntil", "A validade do orçamento não pode ser anterior à data do orçamento.");
        }

        validation.MaxLength(notes, MaxNotes, "notes", "As observações");
    }

    /// <summary>Why an open quote cannot be edited or deleted, or null.</summary>
    public static string? ChangeRefusal(Quote quote) =>
        quote.Status == QuoteStatus.Convertido
            ? $"O orçamento nº {quote.Number} já foi convertido no pedido nº {quote.ConvertedOrderNumber} e não pode ser alterado."
            : null;

    /// <summary>Why a quote cannot become a sales order, or null.</summary>
    public static string? ConversionRefusal(Quote quote, DateOnly today)
    {
        if (quote.Status == QuoteStatus.Convertido)
        {
            return $"O orçamento nº {quote.Number} já foi convertido no pedido nº {quote.ConvertedOrderNumber}.";
        }

        if (IsExpired(quote, today))
        {
            return $"O orçamento venceu em {BrazilFormat.Date(quote.ValidUntil)}: atualize a validade antes de convertê-lo em pedido.";
        }

        return quote.Items.Count == 0 ? "O orçamento não tem itens: inclua ao menos um item antes de convertê-lo em pedido." : null;
    }
}
