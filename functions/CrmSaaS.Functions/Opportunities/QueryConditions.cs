using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>
/// Server-side conditions for list scans (exact or range comparisons Table Storage can evaluate). Property names come
/// from code; values are always quoted by <see cref="TableClient.CreateQueryFilter"/>.
/// </summary>
internal sealed class QueryConditions
{
    private readonly List<string> _conditions = [];

    public QueryConditions Equal(string property, string? value) =>
        Compare(property, "eq", value);

    public QueryConditions Compare(string property, string op, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _conditions.Add($"{property} {op} {TableClient.CreateQueryFilter($"{value.Trim()}")}");
        }

        return this;
    }

    public string? Build() => _conditions.Count == 0 ? null : string.Join(" and ", _conditions);
}
