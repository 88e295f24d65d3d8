namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Row-key ranges. Table Storage has no startswith, so a prefix scan is <c>RowKey ge 'p' and RowKey lt 'p'+1</c>.
/// </summary>
public static class KeyRange
{
    public static (string From, string To) Prefix(string prefix)
    {
        if (prefix.Length == 0)
        {
            throw new ArgumentException("A prefix scan needs a non-empty prefix.", nameof(prefix));
        }

        var last = prefix[^1];
        return (prefix, prefix[..^1] + (char)(last + 1));
    }

    /// <summary>Builds a row key from parts joined with '|', refusing parts that would break the layout.</summary>
    public static string Key(params string[] parts)
    {
        foreach (var part in parts)
        {
            if (part.Contains('|', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A key part cannot contain '|': {part}", nameof(parts));
            }
        }

        return string.Join('|', parts);
    }

    /// <summary>A sortable key for dates (yyyyMMdd).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sorts newest first when used as a row-key part.</summary>
    public static string Descending(DateTimeOffset when) =>
        (DateTimeOffset.MaxValue.UtcTicks - when.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
