using System.Collections;
using System.Globalization;
using Azure;

namespace CrmSaaS.Storage;

/// <summary>
/// A table entity: keys, system properties and a case-sensitive bag of typed values (string, int, long, double,
/// bool, DateTimeOffset, Guid, byte[], decimal). Decimal has no Table Storage type, so it is kept losslessly as an
/// invariant string and read back with <see cref="GetDecimal"/>.
/// </summary>
#pragma warning disable CA1710 // Named after Azure.Data.Tables.TableEntity, so a later swap to the SDK is mechanical.
public sealed class TableEntity : IDictionary<string, object?>
#pragma warning restore CA1710
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; internal set; }
    public ETag ETag { get; set; }

    public object? this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : null;
        set => _values[key] = value;
    }

    public ICollection<string> Keys => _values.Keys;
    public ICollection<object?> Values => _values.Values;
    public int Count => _values.Count;
    public bool IsReadOnly => false;

    public string? GetString(string key) => this[key] switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public int? GetInt32(string key) => this[key] switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public long? GetInt64(string key) => this[key] switch
    {
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public double? GetDouble(string key) => this[key] switch
    {
        double d => d,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public bool? GetBoolean(string key) => this[key] switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    public DateTimeOffset? GetDateTimeOffset(string key) => this[key] switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    public Guid? GetGuid(string key) => this[key] switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    public byte[]? GetBinary(string key) => this[key] switch
    {
        byte[] b => b,
        BinaryData d => d.ToArray(),
        _ => null,
    };

    public decimal? GetDecimal(string key) => this[key] switch
    {
        decimal m => m,
        string s when decimal.TryParse(s, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed) => parsed,
        int i => i,
        long l => l,
        double d => (decimal)d,
        _ => null,
    };

    public void Add(string key, object? value) => _values.Add(key, value);
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool Remove(string key) => _values.Remove(key);
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);
    public void Add(KeyValuePair<string, object?> item) => _values.Add(item.Key, item.Value);
    public void Clear() => _values.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_values).Contains(item);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)_values).CopyTo(array, arrayIndex);
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_values).Remove(item);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
