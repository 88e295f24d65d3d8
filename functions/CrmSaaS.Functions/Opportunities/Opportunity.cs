using System.Globalization;
using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Opportunities;

public static class OpportunityStatus
{
    public const string Open = "open";
    public const string Won = "won";
    public const string Lost = "lost";

    public static bool IsKnown(string? status) => status is Open or Won or Lost;
}

public static class OpportunityOrigin
{
    public const string Manual = "manual";
    public const string SalesOrder = "sales-order";
}

public static class TicketLineKind
{
    public const string Service = "service";
    public const string Product = "product";
}

/// <summary>
/// One line of an opportunity's ticket (Omie: "o Ticket é a proposta oferecida ao cliente"). Stored inside the
/// opportunity row (<c>TicketJson</c>) so the lines and the opportunity change together under one ETag. Amounts are
/// already rounded to centavos: <see cref="Total"/> = <see cref="Gross"/> − <see cref="DiscountAmount"/>.
/// </summary>
public sealed record TicketLine(
    string Id,
    string Kind,
    string? ServiceId,
    string? ProductId,
    string Description,
    string? CategoryId,
    string? CategoryName,
    decimal Quantity,
    decimal UnitPrice,
    DiscountKind DiscountKind,
    decimal Discount,
    decimal Gross,
    decimal DiscountAmount,
    decimal Total);

public sealed record TicketTotals(decimal Services, decimal Products, decimal Gross, decimal Discount, decimal Total);

public sealed record Ticket(IReadOnlyList<TicketLine> Lines, TicketTotals Totals);

/// <summary>
/// An opportunity (<c>opportunity|&lt;id&gt;</c>) read into memory, changed by the store's rules and written back whole.
/// Property names on the row are the contract in docs/data-model.md.
/// </summary>
public sealed class Opportunity
{
    public const string KeyPrefix = "opportunity|";

    public required string Id { get; init; }
    public string Title { get; set; } = "";
    public string? AccountId { get; set; }
    public string AccountName { get; set; } = "";
    public string? ContactId { get; set; }
    public string? ContactName { get; set; }
    public string? CustomerId { get; set; }
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public string? SolutionId { get; set; }
    public string? SolutionName { get; set; }
    public string StageId { get; set; } = "";
    public DateOnly? ExpectedCloseDate { get; set; }
    public string Status { get; set; } = OpportunityStatus.Open;
    public string? LostReason { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string Origin { get; set; } = OpportunityOrigin.Manual;
    public string? OriginOrderId { get; set; }
    public long? OriginOrderNumber { get; set; }
    public string? Project { get; set; }
    public string? Notes { get; set; }
    public List<TicketLine> Lines { get; set; } = [];
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string UpdatedById { get; set; } = "";

    /// <summary>The storage ETag the row was read at (guards the write); clients see <see cref="VersionETag"/>.</summary>
    public ETag StorageETag { get; set; }

    public bool IsOpen => Status == OpportunityStatus.Open;

    public ETag VersionETag => RecordVersion.ETagOf(Version);

    public TicketTotals Totals => TicketRules.Totals(Lines);

    public static string Key(string id) => KeyRange.Key("opportunity", id);

    public static string StageKey(string stageId, string id) => KeyRange.Key("opp-stage", stageId, id);

    public static string StagePrefix(string stageId) => KeyRange.Key("opp-stage", stageId) + "|";

    public static string AccountKey(string accountId, string id) => KeyRange.Key("opp-account", accountId, id);

    public static string AccountPrefix(string accountId) => KeyRange.Key("opp-account", accountId) + "|";

    /// <summary>What the stage statistics depend on.</summary>
    public CardState Card() => new(StageId, IsOpen, Totals.Total);

    public string SearchText() => Platform.SearchText.Of(
        Title, AccountName, ContactName, OwnerName, Project,
        OriginOrderNumber?.ToString(CultureInfo.InvariantCulture));

    public static Opportunity FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? row.RowKey[KeyPrefix.Length..],
        Title = row.GetString("Title") ?? "",
        AccountId = NullIfEmpty(row.GetString("AccountId")),
        AccountName = row.GetString("AccountName") ?? "",
        ContactId = NullIfEmpty(row.GetString("ContactId")),
        ContactName = NullIfEmpty(row.GetString("ContactName")),
        CustomerId = NullIfEmpty(row.GetString("CustomerId")),
        OwnerId = row.GetString("OwnerId") ?? "",
        OwnerName = row.GetString("OwnerName") ?? "",
        SolutionId = NullIfEmpty(row.GetString("SolutionId")),
        SolutionName = NullIfEmpty(row.GetString("SolutionName")),
        StageId = row.GetString("StageId") ?? "",
        ExpectedCloseDate = ParseDate(row.GetString("ExpectedCloseDate")),
        Status = row.GetString("Status") ?? OpportunityStatus.Open,
        LostReason = NullIfEmpty(row.GetString("LostReason")),
        ClosedAt = row.GetDateTimeOffset("ClosedAt"),
        ClosedBy = NullIfEmpty(row.GetString("ClosedBy")),
        Origin = row.GetString("Origin") ?? OpportunityOrigin.Manual,
        OriginOrderId = NullIfEmpty(row.GetString("OriginOrderId")),
        OriginOrderNumber = row.GetInt64("OriginOrderNumber"),
        Project = NullIfEmpty(row.GetString("Project")),
        Notes = NullIfEmpty(row.GetString("Notes")),
        Lines = JsonSerializer.Deserialize<List<TicketLine>>(row.GetString("TicketJson") ?? "[]", JsonDefaults.Options) ?? [],
        Version = RecordVersion.Of(row),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = row.GetString("CreatedBy") ?? "",
        CreatedById = row.GetString("CreatedById") ?? "",
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = row.GetString("UpdatedBy") ?? "",
        UpdatedById = row.GetString("UpdatedById") ?? "",
        StorageETag = row.ETag,
    };

    public TableEntity ToEntity(TenantTable table)
    {
        var row = table.NewEntity(Key(Id));
        WriteCardFields(row);
        row["ContactId"] = ContactId ?? "";
        row["ContactName"] = ContactName ?? "";
        row["CustomerId"] = CustomerId ?? "";
        row["SolutionId"] = SolutionId ?? "";
        row["SolutionName"] = SolutionName ?? "";
        row["LostReason"] = LostReason ?? "";
        row["ClosedAt"] = ClosedAt;
        row["ClosedBy"] = ClosedBy ?? "";
        row["Origin"] = Origin;
        row["OriginOrderId"] = OriginOrderId ?? "";
        row["OriginOrderNumber"] = OriginOrderNumber;
        row["Project"] = Project ?? "";
        row["Notes"] = Notes ?? "";
        row["TicketJson"] = JsonSerializer.Serialize(Lines, JsonDefaults.Options);
        var totals = Totals;
        row["TicketGross"] = totals.Gross;
        row["TicketDiscount"] = totals.Discount;
        row["CreatedAt"] = CreatedAt;
        row["CreatedBy"] = CreatedBy;
        row["CreatedById"] = CreatedById;
        row["UpdatedById"] = UpdatedById;
        return RemoveNulls(row);
    }

    /// <summary>An index row (kanban card or account look-up) carrying what a card or list row shows.</summary>
    public TableEntity ToIndexEntity(TenantTable table, string rowKey)
    {
        var row = table.NewEntity(rowKey);
        WriteCardFields(row);
        return RemoveNulls(row);
    }

    private void WriteCardFields(TableEntity row)
    {
        row["Id"] = Id;
        row["Title"] = Title;
        row["AccountId"] = AccountId ?? "";
        row["AccountName"] = AccountName;
        row["OwnerId"] = OwnerId;
        row["OwnerName"] = OwnerName;
        row["StageId"] = StageId;
        row["Status"] = Status;
        row["ExpectedCloseDate"] = ExpectedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        row["TicketTotal"] = Totals.Total;
        row[RecordVersion.Property] = Version;
        row["SearchText"] = SearchText();
        row["UpdatedAt"] = UpdatedAt;
        row["UpdatedBy"] = UpdatedBy;
    }

    private static TableEntity RemoveNulls(TableEntity row)
    {
        foreach (var key in row.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            row.Remove(key);
        }

        return row;
    }

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The fields of an opportunity the stage statistics depend on.</summary>
public readonly record struct CardState(string StageId, bool IsOpen, decimal Total);

/// <summary>A change to one stage's statistics.</summary>
public readonly record struct StageDelta(int Count, decimal Total);
