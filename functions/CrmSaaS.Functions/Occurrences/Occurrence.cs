using System.Globalization;
using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Occurrences;

/// <summary>The kinds of contact Gescor's "CRM Gestão" records: visits, a relationship diary, after-sales and SAC.</summary>
public static class OccurrenceType
{
    public const string Visit = "visita";
    public const string Diary = "diario";
    public const string AfterSales = "pos-venda";
    public const string Sac = "sac";
    public const string Other = "outro";

    public static readonly IReadOnlyList<string> All = [Visit, Diary, AfterSales, Sac, Other];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);

    public static string Label(string type) => type switch
    {
        Visit => "Visita",
        Diary => "Diário de relacionamento",
        AfterSales => "Pós-venda",
        Sac => "SAC",
        _ => "Outro",
    };
}

/// <summary>Notes about a competitor met at this contact (Gescor "Botão Concorrentes").</summary>
public sealed record CompetitorNote(string Id, string Name, string? Notes, string? Prices, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// A relationship occurrence of a customer. The row key <c>occurrence|customer|yyyyMMdd|id</c> makes "a customer's
/// occurrences in a date range" one range scan; <c>occurrence-ref|customer|id</c> finds the row by id (it holds the date
/// part), and both move together in one batch when the date changes.
/// </summary>
public sealed class Occurrence
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public string CustomerName { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Type { get; set; } = OccurrenceType.Other;
    public string? ContactId { get; set; }
    public string? ContactName { get; set; }
    public string Description { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public List<CompetitorNote> Competitors { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string UpdatedById { get; set; } = "";
    public ETag ETag { get; set; }

    public string RowKey => Key(CustomerId, Date, Id);

    public static string Key(string customerId, DateOnly date, string id) => KeyRange.Key("occurrence", customerId, KeyRange.Date(date), id);

    public static string CustomerPrefix(string customerId) => KeyRange.Key("occurrence", customerId) + "|";

    /// <summary>First row key of a day: the range [from, to + 1 day) holds every occurrence of the period.</summary>
    public static string DayStart(string customerId, DateOnly date) => KeyRange.Key("occurrence", customerId, KeyRange.Date(date));

    public static string RefKey(string customerId, string id) => KeyRange.Key("occurrence-ref", customerId, id);

    public static string RefPrefix(string customerId) => KeyRange.Key("occurrence-ref", customerId) + "|";

    public static Occurrence FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? "",
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        Date = DateOnly.ParseExact(row.GetString("Date") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Type = row.GetString("Type") ?? OccurrenceType.Other,
        ContactId = NullIfEmpty(row.GetString("ContactId")),
        ContactName = NullIfEmpty(row.GetString("ContactName")),
        Description = row.GetString("Description") ?? "",
        AuthorId = row.GetString("AuthorId") ?? "",
        AuthorName = row.GetString("AuthorName") ?? "",
        Competitors = JsonSerializer.Deserialize<List<CompetitorNote>>(row.GetString("CompetitorsJson") ?? "[]", JsonDefaults.Options) ?? [],
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = row.GetString("CreatedBy") ?? "",
        CreatedById = row.GetString("CreatedById") ?? "",
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = row.GetString("UpdatedBy") ?? "",
        UpdatedById = row.GetString("UpdatedById") ?? "",
        ETag = row.ETag,
    };

    public TableEntity ToEntity(TenantTable table)
    {
        var row = table.NewEntity(RowKey);
        row["Id"] = Id;
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["Date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row["Type"] = Type;
        row["ContactId"] = ContactId ?? "";
        row["ContactName"] = ContactName ?? "";
        row["Description"] = Description;
        row["AuthorId"] = AuthorId;
        row["AuthorName"] = AuthorName;
        row["CompetitorsJson"] = JsonSerializer.Serialize(Competitors, JsonDefaults.Options);
        row["SearchText"] = SearchText.Of(
            [Description, ContactName, AuthorName, OccurrenceType.Label(Type), .. Competitors.Select(c => c.Name)]);
        row["CreatedAt"] = CreatedAt;
        row["CreatedBy"] = CreatedBy;
        row["CreatedById"] = CreatedById;
        row["UpdatedAt"] = UpdatedAt;
        row["UpdatedBy"] = UpdatedBy;
        row["UpdatedById"] = UpdatedById;
        return row;
    }

    public TableEntity ToRefEntity(TenantTable table)
    {
        var row = table.NewEntity(RefKey(CustomerId, Id));
        row["Id"] = Id;
        row["CustomerId"] = CustomerId;
        row["DateKey"] = KeyRange.Date(Date);
        return row;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
