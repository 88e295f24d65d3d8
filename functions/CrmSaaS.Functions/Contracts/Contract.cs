using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Solutions;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Contracts;

/// <summary>
/// A service contract (contrato de serviço): row <c>contract|&lt;id&gt;</c> with its items in <c>ItemsJson</c>, indexed by
/// customer as <c>customer-contract|&lt;customerId&gt;|&lt;id&gt;</c> (the index row carries the list fields).
/// </summary>
public sealed record Contract : StampedRecord
{
    public required string Id { get; init; }
    public long Number { get; init; }
    public required string CustomerId { get; init; }
    public required string CustomerName { get; init; }
    public required string Title { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary><c>monthly</c>, <c>quarterly</c>, <c>yearly</c> or <c>once</c>.</summary>
    public required string Recurrence { get; init; }

    /// <summary><c>draft</c>, <c>active</c>, <c>suspended</c> or <c>ended</c>.</summary>
    public required string Status { get; init; }

    public required IReadOnlyList<PricedLine> Items { get; init; }

    /// <summary>Sum of the items' totals: the amount of one period of the recurrence.</summary>
    public decimal Total { get; init; }

    public string? Notes { get; init; }
    public string? OpportunityId { get; init; }

    /// <summary>The generating opportunity as it is now (filled on a single-contract read only).</summary>
    public SalesOrders.OpportunityBadge? Opportunity { get; init; }

    public static Contract From(TableEntity row) => new Contract
    {
        Id = row.GetString("Id") ?? "",
        Number = row.GetInt64("Number") ?? 0,
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        Title = row.GetString("Title") ?? "",
        StartDate = RecordConventions.ReadDate(row, "StartDate") ?? default,
        EndDate = RecordConventions.ReadDate(row, "EndDate"),
        Recurrence = row.GetString("Recurrence") ?? ContractRules.Monthly,
        Status = row.GetString("Status") ?? ContractRules.Draft,
        Items = ServiceLineRules.FromJson(row.GetString("ItemsJson")).Select(ServiceLineRules.Price).ToList(),
        Total = row.GetDecimal("Total") ?? 0m,
        Notes = row.GetString("Notes"),
        OpportunityId = row.GetString("OpportunityId"),
    }.WithStamps(row);
}

/// <summary>A contract in a list: read from the contract row or from its customer index row (same properties).</summary>
public sealed record ContractSummary(
    string Id,
    long Number,
    string CustomerId,
    string CustomerName,
    string Title,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Recurrence,
    string Status,
    decimal Total,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static ContractSummary From(TableEntity row) => new(
        row.GetString("Id") ?? "",
        row.GetInt64("Number") ?? 0,
        row.GetString("CustomerId") ?? "",
        row.GetString("CustomerName") ?? "",
        row.GetString("Title") ?? "",
        RecordConventions.ReadDate(row, "StartDate") ?? default,
        RecordConventions.ReadDate(row, "EndDate"),
        row.GetString("Recurrence") ?? ContractRules.Monthly,
        row.GetString("Status") ?? ContractRules.Draft,
        row.GetDecimal("Total") ?? 0m,
        row.GetDateTimeOffset("UpdatedAt") ?? default,
        row.GetString("UpdatedBy") ?? "");
}

public sealed record ContractRequest(
    string? CustomerId,
    string? Title,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Recurrence,
    IReadOnlyList<ServiceLineRequest>? Items,
    string? Notes,
    string? OpportunityId);

public sealed record ContractStatusRequest(string? Status);
