using System.Text;

namespace CrmSaaS.Storage;

/// <summary>
/// Azure Table storage limits, checked before sending because Azurite does not enforce most of them.
/// Sizes follow Azure's published entity-size formula (UTF-16 strings), which errs on the large side.
/// </summary>
public static class TableLimits
{
    public const int MaxKeyBytes = 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;
    public const int MaxPageSize = 1000;

    public static void CheckTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var valid = tableName.Length is >= 3 and <= 63
            && char.IsAsciiLetter(tableName[0])
            && tableName.All(char.IsAsciiLetterOrDigit)
            && !tableName.Equals("tables", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new StorageLimitException(
                $"Table name '{tableName}' is invalid: use 3 to 63 letters and digits, starting with a letter.",
                nameof(tableName));
        }
    }

    public static void CheckKey(string? key, string keyName)
    {
        if (key is null)
        {
            throw new StorageLimitException($"{keyName} is required.", keyName);
        }

        if (key.Length * 2 > MaxKeyBytes)
        {
            throw new StorageLimitException(
                $"{keyName} is {key.Length} characters; Azure allows at most 1 KiB ({MaxKeyBytes / 2} UTF-16 characters).",
                keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new StorageLimitException(
                    $"{keyName} '{Printable(key)}' contains '{Printable(c.ToString())}'; Azure does not allow / \\ # ? or control characters in keys.",
                    keyName);
            }
        }
    }

    public static void CheckEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!entity.ContainsKey(TableEntity.PartitionKeyName) || !entity.ContainsKey(TableEntity.RowKeyName))
        {
            throw new StorageLimitException("An entity needs both PartitionKey and RowKey before it is written.", nameof(entity));
        }

        CheckKey(entity.PartitionKey, TableEntity.PartitionKeyName);
        CheckKey(entity.RowKey, TableEntity.RowKeyName);

        var custom = 0;
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in entity)
        {
            if (name is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName)
            {
                continue;
            }

            if (name.Length == 0 || name.Length > MaxPropertyNameLength)
            {
                throw new StorageLimitException(
                    $"Property name '{Shorten(name)}' has {name.Length} characters; Azure allows 1 to {MaxPropertyNameLength}.",
                    nameof(entity));
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                throw new StorageLimitException($"Property name '{Shorten(name)}' is reserved for OData annotations.", nameof(entity));
            }

            if (value is null)
            {
                continue;
            }

            custom++;
            size += 8 + (name.Length * 2L) + ValueSize(name, value);
        }

        if (custom > MaxCustomProperties)
        {
            throw new StorageLimitException(
                $"Entity has {custom} properties; Azure allows at most {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.",
                nameof(entity));
        }

        if (size > MaxEntityBytes)
        {
            throw new StorageLimitException(
                $"Entity is about {size} bytes; Azure allows at most 1 MiB ({MaxEntityBytes} bytes).",
                nameof(entity));
        }
    }

    public static void CheckPageSize(int? pageSize, string paramName)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(paramName, pageSize, $"A page holds 1 to {MaxPageSize} entities.");
        }
    }

    private static long ValueSize(string name, object value)
    {
        switch (value)
        {
            case string s:
                if (s.Length > MaxStringChars)
                {
                    throw new StorageLimitException(
                        $"Property '{name}' holds {s.Length} characters; Azure allows at most {MaxStringChars} (64 KiB).",
                        name);
                }

                return 4 + (s.Length * 2L);
            case byte[] bytes:
                return BinarySize(name, bytes.Length);
            case BinaryData data:
                return BinarySize(name, data.ToMemory().Length);
            case decimal m:
                return 4 + (m.ToString(System.Globalization.CultureInfo.InvariantCulture).Length * 2L);
            case Guid:
                return 16;
            case int:
                return 4;
            case bool:
                return 1;
            default:
                return 8; // long, double, DateTime(Offset)
        }
    }

    private static long BinarySize(string name, int length)
    {
        if (length > MaxBinaryBytes)
        {
            throw new StorageLimitException(
                $"Property '{name}' holds {length} bytes; Azure allows at most {MaxBinaryBytes} bytes (64 KiB) of binary.",
                name);
        }

        return 4 + length;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in Shorten(text))
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }
}
