using System.Globalization;

namespace CrmSaaS.Storage;

/// <summary>Turns interpolated arguments into OData literals, so a value can never change the shape of a filter.</summary>
internal static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("A filter argument cannot be null; table storage has no null comparison (leave the property out instead)."),
        string s => Quote(s),
        char c => Quote(c.ToString()),
        // decimals are stored as strings (see TableEntity.GetDecimal), so they are compared as strings too.
        decimal m => Quote(m.ToString(CultureInfo.InvariantCulture)),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => DoubleLiteral(d),
        bool b => b ? "true" : "false",
        DateTimeOffset dto => $"datetime'{TableJson.FormatDateTime(dto)}'",
        DateTime dt => dt.Kind == DateTimeKind.Utc
            ? $"datetime'{TableJson.FormatDateTime(new DateTimeOffset(dt))}'"
            : throw new ArgumentException($"A DateTime filter argument must be UTC, not {dt.Kind}."),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexString(data.ToMemory().Span)}'",
        _ => throw new ArgumentException($"A filter argument of type {value.GetType().Name} cannot be turned into a table literal."),
    };

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A double filter argument must be finite.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // Without a decimal point the service would read an Int32 literal.
        return text.AsSpan().IndexOfAny(".E") < 0 ? text + ".0" : text;
    }
}
