using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Azure;

namespace CrmSaaS.Storage;

/// <summary>
/// A table row as a case-sensitive property bag, like Azure.Data.Tables' TableEntity. PartitionKey, RowKey and (once
/// read) Timestamp are entries of the bag too. Supported values: string, int, long, double, bool, DateTimeOffset,
/// UTC DateTime, Guid, byte[], BinaryData and decimal (stored losslessly as an invariant-culture string).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after Azure.Data.Tables.TableEntity so a later swap to the SDK is mechanical.")]
public sealed class TableEntity : IDictionary<string, object?>
{
    public const string PartitionKeyName = "PartitionKey";
    public const string RowKeyName = "RowKey";
    public const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => this[PartitionKeyName] = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => this[RowKeyName] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Set by the service on every write; only present on entities read back.</summary>
    public DateTimeOffset? Timestamp => GetDateTimeOffset(TimestampName);

    public ETag ETag { get; set; }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public object? this[string key]
    {
        get => _properties[key];
        set => _properties[key] = CheckValue(key, value);
    }

    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        var other => throw Mismatch(key, other, "string"),
    };

    public int? GetInt32(string key) => Get(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw Mismatch(key, other, "int"),
    };

    public long? GetInt64(string key) => Get(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw Mismatch(key, other, "long"),
    };

    public double? GetDouble(string key) => Get(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw Mismatch(key, other, "double"),
    };

    public bool? GetBoolean(string key) => Get(key) switch
    {
        null => null,
        bool b => b,
        var other => throw Mismatch(key, other, "bool"),
    };

    public DateTimeOffset? GetDateTimeOffset(string key) => Get(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero),
        var other => throw Mismatch(key, other, "DateTimeOffset"),
    };

    public Guid? GetGuid(string key) => Get(key) switch
    {
        null => null,
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        var other => throw Mismatch(key, other, "Guid"),
    };

    public byte[]? GetBinary(string key) => Get(key) switch
    {
        null => null,
        byte[] b => b,
        BinaryData b => b.ToArray(),
        var other => throw Mismatch(key, other, "byte[]"),
    };

    /// <summary>Decimals travel as Edm.String in invariant culture, so the value (and its scale) come back exactly.</summary>
    public decimal? GetDecimal(string key) => Get(key) switch
    {
        null => null,
        decimal m => m,
        int i => i,
        long l => l,
        string s when decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) => m,
        var other => throw Mismatch(key, other, "decimal"),
    };

    public void Add(string key, object? value) => _properties.Add(key, CheckValue(key, value));

    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    public bool Remove(string key) => _properties.Remove(key);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Clear() => _properties.Clear();

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static bool IsSupportedValue(object? value) => value is null
        or string or int or long or double or bool or DateTimeOffset or DateTime or Guid or byte[] or BinaryData or decimal;

    private object? Get(string key) => _properties.TryGetValue(key, out var value) ? value : null;

    private static object? CheckValue(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsSupportedValue(value))
        {
            throw new ArgumentException(
                $"Property '{key}' has type {value!.GetType().Name}, which table storage cannot hold; use string, int, long, double, bool, DateTimeOffset, Guid, byte[], BinaryData or decimal.",
                nameof(value));
        }

        if (value is DateTime { Kind: not DateTimeKind.Utc })
        {
            throw new ArgumentException($"Property '{key}' is a DateTime of kind {((DateTime)value).Kind}; store UTC DateTime or DateTimeOffset.", nameof(value));
        }

        if (key is PartitionKeyName or RowKeyName && value is not string)
        {
            throw new ArgumentException($"{key} must be a string.", nameof(value));
        }

        return value;
    }

    private static InvalidOperationException Mismatch(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted}.");
}
