using System.Globalization;
using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Quotes;

public enum QuoteStatus
{
    /// <summary>Open: can be edited, deleted or converted (while valid).</summary>
    Aberto,

    /// <summary>Converted into a sales order; kept as it was.</summary>
    Convertido,
}

/// <summary>A quote (orçamento) as stored in <c>quote|&lt;id&gt;</c>.</summary>
public sealed record Quote
{
    public required string Id { get; init; }
    public long Number { get; init; }
    public QuoteStatus Status { get; init; }
    public string CustomerId { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string CustomerTaxId { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateOnly ValidUntil { get; init; }
    public string Notes { get; init; } = "";
    public IReadOnlyList<DocumentItem> Items { get; init; } = [];
    public string ConvertedOrderId { get; init; } = "";
    public long? ConvertedOrderNumber { get; init; }
    public DateTimeOffset? ConvertedAt { get; init; }
    public string RecentKey { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public ETag ETag { get; init; }

    public LineAmounts Totals => DocumentItemRules.Totals(Items);

    public static string RowKey(string id) => KeyRange.Key("quote", id);

    public static Quote FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? row.RowKey["quote|".Length..],
        Number = row.GetInt64("Number") ?? 0,
        Status = Enum.TryParse<QuoteStatus>(row.GetString("Status"), out var status) ? status : QuoteStatus.Aberto,
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        CustomerTaxId = row.GetString("CustomerTaxId") ?? "",
        Date = SalesOrder.ParseDate(row.GetString("Date")) ?? default,
        ValidUntil = SalesOrder.ParseDate(row.GetString("ValidUntil")) ?? default,
        Notes = row.GetString("Notes") ?? "",
        Items = DocumentItemRules.Deserialize(row.GetString("ItemsJson")),
        ConvertedOrderId = row.GetString("ConvertedOrderId") ?? "",
        ConvertedOrderNumber = row.GetInt64("ConvertedOrderNumber"),
        ConvertedAt = row.GetDateTimeOffset("ConvertedAt"),
        RecentKey = row.GetString("RecentKey") ?? "",
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = row.GetString("CreatedBy") ?? "",
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = row.GetString("UpdatedBy") ?? "",
        ETag = row.ETag,
    };

    public void WriteTo(TableEntity row)
    {
        var totals = Totals;
        row["Id"] = Id;
        row["Number"] = Number;
        row["Status"] = Status.ToString();
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["CustomerTaxId"] = CustomerTaxId;
        row["Date"] = SalesOrder.FormatDate(Date);
        row["ValidUntil"] = SalesOrder.FormatDate(ValidUntil);
        row["Notes"] = Notes;
        row["ItemsJson"] = DocumentItemRules.Serialize(Items);
        row["Gross"] = totals.Gross;
        row["DiscountTotal"] = totals.Discount;
        row["Total"] = totals.Total;
        row["ConvertedOrderId"] = ConvertedOrderId;
        row["ConvertedOrderNumber"] = ConvertedOrderNumber;
        row["ConvertedAt"] = ConvertedAt;
        row["RecentKey"] = RecentKey;
        row["SearchText"] = SearchTextOf();
    }

    /// <summary>List fields on the index rows; ValidUntil and Status let the list filter expired quotes server-side.</summary>
    public void WriteListFields(TableEntity row)
    {
        row["QuoteId"] = Id;
        row["Number"] = Number;
        row["Status"] = Status.ToString();
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["Date"] = SalesOrder.FormatDate(Date);
        row["ValidUntil"] = SalesOrder.FormatDate(ValidUntil);
        row["Total"] = Totals.Total;
        row["ConvertedOrderNumber"] = ConvertedOrderNumber;
        row["SearchText"] = SearchTextOf();
    }

    private string SearchTextOf() => SearchText.Of(Number.ToString(CultureInfo.InvariantCulture), CustomerName, CustomerTaxId, Notes);
}
