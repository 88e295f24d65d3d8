namespace CrmSaaS.Functions.Common;

public enum DiscountKind
{
    None,
    /// <summary>Discount given as a percentage (0–100) of the line's gross amount.</summary>
    Percent,
    /// <summary>Discount given as an amount in reais.</summary>
    Amount,
}

/// <summary>The amounts of one document line, each already rounded to centavos; Total = Gross - Discount.</summary>
public sealed record LineAmounts(decimal Gross, decimal Discount, decimal Total);

/// <summary>
/// Money rules shared by quotes, orders, invoices and receivables: amounts are <see cref="decimal"/> reais,
/// rounded to centavos half away from zero at line level, and document totals are sums of rounded lines
/// (so a printed total always equals the sum of the printed lines).
/// </summary>
public static class Money
{
    /// <summary>Rounds to centavos, half away from zero (0,005 → 0,01; -0,005 → -0,01).</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// "R$ 1.234,56"; negative amounts as "-R$ 1.234,56". The space after "R$" is a plain space (U+0020),
    /// not the no-break space the pt-BR ICU culture uses, so texts compare equal in tests, e-mails and CSV.
    /// The value is rounded to centavos first.
    /// </summary>
    public static string Format(decimal value)
    {
        var rounded = Round(value);
        var digits = Math.Abs(rounded).ToString("#,##0.00", BrazilFormat.Numbers);
        return rounded < 0 ? $"-R$ {digits}" : $"R$ {digits}";
    }

    /// <summary>
    /// Gross = round(quantity × unit price); discount = round(gross × percent / 100) or the amount given
    /// (rounded to centavos); total = gross - discount.
    /// </summary>
    /// <exception cref="ArgumentException">The line is invalid; the message is the pt-BR text of <see cref="ValidateLine"/>.</exception>
    public static LineAmounts LineTotal(decimal quantity, decimal unitPrice, DiscountKind kind, decimal discount)
    {
        var error = ValidateLine(quantity, unitPrice, kind, discount);
        if (error is not null)
            throw new ArgumentException(error);

        var gross = Round(quantity * unitPrice);
        var discountAmount = DiscountOf(gross, kind, discount);
        return new LineAmounts(gross, discountAmount, gross - discountAmount);
    }

    /// <summary>Null when the line is valid, otherwise a message fit to show a user.</summary>
    public static string? ValidateLine(decimal quantity, decimal unitPrice, DiscountKind kind, decimal discount)
    {
        if (quantity <= 0)
            return "A quantidade deve ser maior que zero.";
        if (unitPrice < 0)
            return "O valor unitário não pode ser negativo.";
        if (!Enum.IsDefined(kind))
            return "Tipo de desconto inválido.";
        if (kind == DiscountKind.None)
            return null;
        if (discount < 0)
            return "O desconto não pode ser negativo.";
        if (kind == DiscountKind.Percent && discount > 100)
            return "O desconto percentual não pode ser maior que 100%.";

        var gross = Round(quantity * unitPrice);
        if (DiscountOf(gross, kind, discount) > gross)
            return "O desconto não pode ser maior que o valor bruto do item.";
        return null;
    }

    /// <summary>Document totals: the sums of the already rounded line amounts.</summary>
    public static LineAmounts Totals(IEnumerable<LineAmounts> lines)
    {
        decimal gross = 0, discount = 0, total = 0;
        foreach (var line in lines)
        {
            gross += line.Gross;
            discount += line.Discount;
            total += line.Total;
        }
        return new LineAmounts(gross, discount, total);
    }

    private static decimal DiscountOf(decimal gross, DiscountKind kind, decimal discount) => kind switch
    {
        DiscountKind.Percent => Round(gross * discount / 100m),
        DiscountKind.Amount => Round(discount),
        _ => 0m,
    };
}
