using System.Globalization;

namespace CrmSaaS.Functions.Common;

/// <summary>
/// How dates, times and numbers are shown to Brazilian users (dd/MM/aaaa, 1.234,5, Brasília time).
/// </summary>
/// <remarks>
/// The separators are fixed here instead of taken from the "pt-BR" culture so the output does not depend on
/// the ICU data of the machine (InvariantGlobalization hosts would otherwise print "1,234.5").
/// </remarks>
public static class BrazilFormat
{
    internal static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>Brasília time (America/Sao_Paulo), the zone of invoices, due dates and e-mails.</summary>
    public static TimeZoneInfo SaoPaulo { get; } = FindSaoPaulo();

    /// <example>05/03/2026</example>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The instant as a Brasília wall-clock time, e.g. 05/03/2026 14:30.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        ToSaoPaulo(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Up to 6 decimals, no trailing zeros: 15 → "15", 1.5 → "1,5", 1234.25 → "1.234,25".</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.######", Numbers);

    public static DateTimeOffset ToSaoPaulo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, SaoPaulo);

    /// <summary>The Brasília calendar date of an instant (a late-evening UTC instant is still "today" in Brazil).</summary>
    public static DateOnly TodayInSaoPaulo(DateTimeOffset instant) => DateOnly.FromDateTime(ToSaoPaulo(instant).DateTime);

    private static TimeZoneInfo FindSaoPaulo()
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById("America/Sao_Paulo", out var zone))
            return zone;
        // Hosts without tz data: Brazil has had no daylight saving time since 2019 (Decreto 9.772/2019),
        // so a fixed UTC-03:00 is right for every current date.
        return TimeZoneInfo.CreateCustomTimeZone("America/Sao_Paulo", TimeSpan.FromHours(-3), "Brasília", "Brasília");
    }
}
