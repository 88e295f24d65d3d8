using System.Globalization;
using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.ServiceOrders;

/// <summary>A service order (ordem de serviço) as stored in <c>service-order|&lt;id&gt;</c>.</summary>
public sealed record ServiceOrder
{
    public required string Id { get; init; }
    public long Number { get; init; }

    /// <summary>One of <see cref="ServiceOrderRules.Statuses"/>.</summary>
    public string Status { get; init; } = ServiceOrderRules.Aberta;

    public string CustomerId { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string CustomerTaxId { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateOnly? ExpectedDate { get; init; }

    /// <summary>What is to be done, as the technician reads it.</summary>
    public string Description { get; init; } = "";

    public string Notes { get; init; } = "";
    public IReadOnlyList<DocumentItem> Items { get; init; } = [];
    public string OpportunityId { get; init; } = "";
    public string ContractId { get; init; } = "";
    public long? ContractNumber { get; init; }
    public DateTimeOffset? StatusChangedAt { get; init; }
    public string StatusNote { get; init; } = "";
    public string RecentKey { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public ETag ETag { get; init; }

    public LineAmounts Totals => DocumentItemRules.Totals(Items);

    public static string RowKey(string id) => KeyRange.Key("service-order", id);

    public static ServiceOrder FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? row.RowKey["service-order|".Length..],
        Number = row.GetInt64("Number") ?? 0,
        Status = row.GetString("Status") ?? ServiceOrderRules.Aberta,
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        CustomerTaxId = row.GetString("CustomerTaxId") ?? "",
        Date = SalesOrder.ParseDate(row.GetString("Date")) ?? default,
        ExpectedDate = SalesOrder.ParseDate(row.GetString("ExpectedDate")),
        Description = row.GetString("Description") ?? "",
        Notes = row.GetString("Notes") ?? "",
        Items = DocumentItemRules.Deserialize(row.GetString("ItemsJson")),
        OpportunityId = row.GetString("OpportunityId") ?? "",
        ContractId = row.GetString("ContractId") ?? "",
        ContractNumber = row.GetInt64("ContractNumber"),
        StatusChangedAt = row.GetDateTimeOffset("StatusChangedAt"),
        StatusNote = row.GetString("StatusNote") ?? "",
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
        row["Status"] = Status;
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["CustomerTaxId"] = CustomerTaxId;
        row["Date"] = SalesOrder.FormatDate(Date);
        row["ExpectedDate"] = ExpectedDate is { } expected ? SalesOrder.FormatDate(expected) : "";
        row["Description"] = Description;
        row["Notes"] = Notes;
        row["ItemsJson"] = DocumentItemRules.Serialize(Items);
        row["Gross"] = totals.Gross;
        row["DiscountTotal"] = totals.Discount;
        row["Total"] = totals.Total;
        row["OpportunityId"] = OpportunityId;
        row["ContractId"] = ContractId;
        row["ContractNumber"] = ContractNumber;
        row["StatusChangedAt"] = StatusChangedAt;
        row["StatusNote"] = StatusNote;
        row["RecentKey"] = RecentKey;
        row["SearchText"] = SearchTextOf();
    }

    public void WriteListFields(TableEntity row)
    {
        row["ServiceOrderId"] = Id;
        row["Number"] = Number;
        row["Status"] = Status;
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["Date"] = SalesOrder.FormatDate(Date);
        row["ExpectedDate"] = ExpectedDate is { } expected ? SalesOrder.FormatDate(expected) : "";
        row["Description"] = Description.Length <= 200 ? Description : Description[..200];
        row["Total"] = Totals.Total;
        row["OpportunityId"] = OpportunityId;
        row["SearchText"] = SearchTextOf();
    }

    private string SearchTextOf() =>
        SearchText.Of(Number.ToString(CultureInfo.InvariantCulture), CustomerName, CustomerTaxId, Description.Length <= 300 ? Description : Description[..300]);
}
