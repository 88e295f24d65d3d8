namespace CrmSaaS.TestSupport;

/// <summary>Unique, valid storage names so every test class (or test) gets fresh tables, queues and containers.</summary>
public static class TestNames
{
    /// <summary>Table names: letters and digits, starting with a letter, at most 63.</summary>
    public static string Table(string prefix = "t")
    {
        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 30)
        {
            throw new ArgumentException("A table name prefix is 1 to 30 letters/digits starting with a letter.", nameof(prefix));
        }

        return prefix + Unique();
    }

    /// <summary>Queue names: lowercase letters, digits and single dashes, at most 63.</summary>
    public static string Queue(string prefix = "q") => DashedName(prefix);

    /// <summary>Container names follow the same rules as queue names.</summary>
    public static string Container(string prefix = "c") => DashedName(prefix);

    private static string DashedName(string prefix)
    {
        var valid = prefix.Length is > 0 and <= 30
            && char.IsAsciiLetterOrDigit(prefix[0])
            && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !prefix.Contains("--", StringComparison.Ordinal)
            && !prefix.EndsWith('-');
        if (!valid)
        {
            throw new ArgumentException("A queue/container name prefix is 1 to 30 lowercase letters, digits or single dashes.", nameof(prefix));
        }

        return prefix + "-" + Unique();
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..20];
}
