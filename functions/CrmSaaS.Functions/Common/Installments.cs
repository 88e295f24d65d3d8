namespace CrmSaaS.Functions.Common;

public sealed record Installment(int Number, DateOnly DueDate, decimal Amount);

/// <summary>
/// Splits a total (already in centavos) into installments: each is round(total / N) except the last, which takes
/// the rounding difference, so the installments always add up to exactly the total.
/// </summary>
public static class Installments
{
    /// <summary>Ten years of monthly installments; a guard against absurd input, not a business limit.</summary>
    public const int MaxCount = 120;

    /// <exception cref="ArgumentException">Invalid input; the message is in pt-BR, fit to show a user.</exception>
    public static IReadOnlyList<Installment> Split(decimal total, IReadOnlyList<DateOnly> dueDates)
    {
        var error = CheckTotal(total) ?? CheckCount(dueDates.Count) ?? CheckAscending(dueDates);
        if (error is not null)
            throw new ArgumentException(error);

        var count = dueDates.Count;
        var regular = Money.Round(total / count);
        var last = total - regular * (count - 1);
        if (last <= 0)
        {
            throw new ArgumentException(
                $"O valor total ({Money.Format(total)}) é pequeno demais para {count} parcelas.");
        }

        var result = new List<Installment>(count);
        for (var i = 0; i < count; i++)
            result.Add(new Installment(i + 1, dueDates[i], i == count - 1 ? last : regular));
        return result;
    }

    /// <summary><paramref name="count"/> installments, the first on <paramref name="firstDue"/>, then every <paramref name="intervalDays"/> days.</summary>
    public static IReadOnlyList<Installment> Plan(decimal total, DateOnly firstDue, int count, int intervalDays)
    {
        var error = CheckCount(count);
        if (error is null && intervalDays <= 0)
            error = "O intervalo entre parcelas deve ser de pelo menos 1 dia.";
        if (error is not null)
            throw new ArgumentException(error);

        return Split(total, [.. Enumerable.Range(0, count).Select(i => firstDue.AddDays(i * intervalDays))]);
    }

    /// <summary>
    /// Installments on the same day of each month (boleto style). A day that does not exist in a month falls on
    /// that month's last day (31/01 → 28/02 → 31/03), always counted from <paramref name="firstDue"/>.
    /// </summary>
    public static IReadOnlyList<Installment> PlanMonthly(decimal total, DateOnly firstDue, int count)
    {
        var error = CheckCount(count);
        if (error is not null)
            throw new ArgumentException(error);

        return Split(total, [.. Enumerable.Range(0, count).Select(firstDue.AddMonths)]);
    }

    /// <summary>Installments following "30/60/90"-style terms counted from <paramref name="baseDate"/>.</summary>
    public static IReadOnlyList<Installment> Plan(decimal total, DateOnly baseDate, PaymentTerms terms) =>
        Split(total, terms.DueDates(baseDate));

    /// <summary>
    /// Checks installments typed or edited by a user; an empty list means they are fine.
    /// Messages are in pt-BR and name the installment (1-based) they are about.
    /// </summary>
    public static IReadOnlyList<string> Validate(decimal total, IReadOnlyList<(DateOnly Due, decimal Amount)> installments)
    {
        var errors = new List<string>();
        var totalError = CheckTotal(total);
        if (totalError is not null)
            errors.Add(totalError);
        var countError = CheckCount(installments.Count);
        if (countError is not null)
        {
            errors.Add(countError);
            return errors;
        }

        for (var i = 0; i < installments.Count; i++)
        {
            var (due, amount) = installments[i];
            if (amount <= 0)
                errors.Add($"A parcela {i + 1} deve ter valor maior que zero.");
            else if (amount != Money.Round(amount))
                errors.Add($"O valor da parcela {i + 1} deve ter no máximo duas casas decimais.");
            if (i > 0 && due <= installments[i - 1].Due)
            {
                errors.Add(
                    $"A parcela {i + 1} vence em {BrazilFormat.Date(due)}, que não é posterior ao vencimento " +
                    $"da parcela {i} ({BrazilFormat.Date(installments[i - 1].Due)}).");
            }
        }

        var sum = installments.Sum(x => x.Amount);
        if (totalError is null && sum != total)
        {
            errors.Add(
                $"A soma das parcelas ({Money.Format(sum)}) difere do valor total ({Money.Format(total)}).");
        }
        return errors;
    }

    private static string? CheckTotal(decimal total)
    {
        if (total <= 0)
            return "O valor total deve ser maior que zero.";
        if (total != Money.Round(total))
            return "O valor total deve ter no máximo duas casas decimais.";
        return null;
    }

    private static string? CheckCount(int count) => count switch
    {
        < 1 => "Informe ao menos uma parcela.",
        > MaxCount => $"O número máximo de parcelas é {MaxCount}.",
        _ => null,
    };

    private static string? CheckAscending(IReadOnlyList<DateOnly> dueDates)
    {
        for (var i = 1; i < dueDates.Count; i++)
        {
            if (dueDates[i] <= dueDates[i - 1])
                return "As datas de vencimento devem estar em ordem crescente, sem datas repetidas.";
        }
        return null;
    }
}
