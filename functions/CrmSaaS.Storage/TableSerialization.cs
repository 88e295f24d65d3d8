using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;

namespace CrmSaaS.Storage;

/// <summary>
/// OData JSON (minimalmetadata) for entities, and Azure's limits, which Azurite does not enforce: checked here so a
/// write that Azure would refuse fails the same way locally.
/// </summary>
internal static class TableSerialization
{
    public const int MaxProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxStringLength = 32 * 1024;
    public const int MaxBinaryLength = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxKeyBytes = 1024;

    public static byte[] Serialize(TableEntity entity)
    {
        ValidateKey(entity.PartitionKey, "PartitionKey");
        ValidateKey(entity.RowKey, "RowKey");
        if (entity.Count > MaxProperties)
        {
            throw new StorageLimitException($"An entity may have at most {MaxProperties} properties; this one has {entity.Count}.");
        }

        long size = 4 + (2 * (entity.PartitionKey.Length + entity.RowKey.Length));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity)
            {
                if (value is null)
                {
                    continue;
                }

                ValidateName(name);
                size += 8 + (2 * name.Length) + WriteValue(writer, name, value);
            }

            writer.WriteEndObject();
        }

        if (size > MaxEntityBytes)
        {
            throw new StorageLimitException($"An entity may be at most 1 MiB; this one is about {size / 1024} KiB.");
        }

        return stream.ToArray();
    }

    private static long WriteValue(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                if (s.Length > MaxStringLength)
                {
                    throw new StorageLimitException($"Property '{name}' has {s.Length} characters; a string property may have at most {MaxStringLength}.");
                }

                writer.WriteString(name, s);
                return 2L * s.Length;
            case int i:
                writer.WriteNumber(name, i);
                return 4;
            case long l:
                writer.WriteString(name + "@odata.type", "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                return 8;
            case double d:
                writer.WriteString(name + "@odata.type", "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                return 8;
            case bool b:
                writer.WriteBoolean(name, b);
                return 1;
            case DateTimeOffset dto:
                writer.WriteString(name + "@odata.type", "Edm.DateTime");
                writer.WriteString(name, dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                return 8;
            case DateTime dt:
                return WriteValue(writer, name, new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)));
            case Guid g:
                writer.WriteString(name + "@odata.type", "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                return 16;
            case byte[] bytes:
                if (bytes.Length > MaxBinaryLength)
                {
                    throw new StorageLimitException($"Property '{name}' has {bytes.Length} bytes; a binary property may have at most 64 KiB.");
                }

                writer.WriteString(name + "@odata.type", "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                return bytes.Length;
            case BinaryData data:
                return WriteValue(writer, name, data.ToArray());
            case decimal m:
                // No decimal type in Table Storage: an invariant string keeps every digit and the scale ("1234.50").
                var text = m.ToString(CultureInfo.InvariantCulture);
                writer.WriteString(name, text);
                return 2L * text.Length;
            default:
                throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot store.", nameof(value));
        }
    }

    public static TableEntity Deserialize(JsonElement json)
    {
        var entity = new TableEntity();
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag")
                {
                    entity.ETag = new ETag(property.Value.GetString()!);
                }

                continue;
            }

            if (name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                continue;
            }

            switch (name)
            {
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString() ?? "";
                    continue;
                case "RowKey":
                    entity.RowKey = property.Value.GetString() ?? "";
                    continue;
                case "Timestamp":
                    entity.Timestamp = ParseDate(property.Value.GetString());
                    continue;
            }

            var type = json.TryGetProperty(name + "@odata.type", out var annotation) ? annotation.GetString() : null;
            entity[name] = ReadValue(property.Value, type);
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (type)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
                    : value.GetInt64();
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : value.GetDouble();
            case "Edm.DateTime":
                return ParseDate(value.GetString());
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Int32":
                return value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32();
            case "Edm.Boolean":
                return value.GetBoolean();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        };
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static void ValidateKey(string key, string which)
    {
        ArgumentNullException.ThrowIfNull(key, which);
        if (Encoding.Unicode.GetByteCount(key) > MaxKeyBytes)
        {
            throw new StorageLimitException($"{which} may be at most 1 KiB.");
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new StorageLimitException($"{which} '{key}' contains a character Azure refuses in keys (/, \\, #, ? or a control character).");
            }
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxPropertyNameLength)
        {
            throw new StorageLimitException($"Property names must have 1 to {MaxPropertyNameLength} characters: '{name}'.");
        }

        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag")
        {
            throw new StorageLimitException($"'{name}' is a system property; set it through the entity's own property.");
        }
    }

    /// <summary>OData key literal: single quotes doubled, then percent-encoded for the URL path.</summary>
    public static string KeyLiteral(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
