namespace CrmSaaS.Storage;

/// <summary>Naming rules Azure applies to containers and queues (checked here so a bad name fails before any call).</summary>
internal static class StorageNames
{
    public static void CheckContainerOrQueueName(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
            && char.IsAsciiLetterOrDigit(name[0])
            && char.IsAsciiLetterOrDigit(name[^1])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new StorageLimitException(
                $"{what} name '{name}' is invalid: use 3 to 63 lowercase letters, digits and single dashes, starting and ending with a letter or digit.",
                nameof(name));
        }
    }
}
