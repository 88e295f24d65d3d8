namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Collects field errors (camelCase field names, pt-BR messages) so a request gets all of its problems at once.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
        return this;
    }

    public Validation Check(bool condition, string field, string message) => condition ? this : Add(field, message);

    public Validation Required(string? value, string field, string message) =>
        Check(!string.IsNullOrWhiteSpace(value), field, message);

    public Validation MaxLength(string? value, int max, string field, string label) =>
        Check(value is null || value.Length <= max, field, $"{label} deve ter no máximo {max} caracteres.");

    public Validation Positive(decimal value, string field, string message) => Check(value > 0, field, message);

    public Validation NotNegative(decimal value, string field, string message) => Check(value >= 0, field, message);

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw AppException.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
