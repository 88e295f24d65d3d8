using CrmSaaS.Functions.Customers;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Solutions;

/// <summary>A named set of service lines (Omie's "Solução"): row <c>solution|&lt;id&gt;</c>, lines in <c>LinesJson</c>.</summary>
public sealed record Solution : StampedRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Active { get; init; }
    public required IReadOnlyList<ServiceLine> Lines { get; init; }

    /// <summary>Sum of the lines' totals (after discounts).</summary>
    public decimal Total { get; init; }

    public static Solution From(TableEntity row) => new Solution
    {
        Id = row.GetString("Id") ?? "",
        Name = row.GetString("Name") ?? "",
        Description = row.GetString("Description"),
        Active = row.GetBoolean("Active") ?? true,
        Lines = ServiceLineRules.FromJson(row.GetString("LinesJson")),
        Total = row.GetDecimal("Total") ?? 0m,
    }.WithStamps(row);
}

/// <summary>What choosing the solution on an opportunity copies into its ticket, with the amounts of each line.</summary>
public sealed record SolutionTicketLines(
    string SolutionId,
    string SolutionName,
    IReadOnlyList<PricedLine> Lines,
    decimal Gross,
    decimal Discount,
    decimal Total);

public sealed record SolutionRequest(string? Name, string? Description, bool? Active, IReadOnlyList<ServiceLineRequest>? Lines);
