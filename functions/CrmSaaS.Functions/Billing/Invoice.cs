using System.Globalization;
using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Billing;

public static class InvoiceStatus
{
    public const string Issued = "issued";
    public const string Cancelled = "cancelled";
}

/// <summary>Where the NFS-e of an invoice stands with the national system.</summary>
public static class NfseStatus
{
    /// <summary>Only products were billed: no service invoice.</summary>
    public const string NotApplicable = "not-applicable";

    /// <summary>The DPS is stored and the <c>nfse-send</c> step has not run yet.</summary>
    public const string Queued = "queued";

    /// <summary>The tenant has no certificate/endpoint configured: nothing was sent.</summary>
    public const string PendingCertificate = "pending-certificate";

    /// <summary>Accepted by the gateway named in <c>NfseGateway</c> (the local fake in development and tests).</summary>
    public const string Accepted = "accepted";

    public const string Rejected = "rejected";

    /// <summary>Cancelled while still queued: the DPS was never transmitted.</summary>
    public const string NotSent = "not-sent";
}

/// <summary>A billed quantity of one order item, with its amounts and (for services) its ISS.</summary>
public sealed record InvoiceLine(
    string ItemId,
    ItemKind Kind,
    string? ServiceId,
    string? ProductId,
    string Code,
    string Description,
    decimal Quantity,
    decimal UnitPrice,
    decimal Gross,
    decimal Discount,
    decimal Total,
    decimal IssRate,
    decimal IssAmount,
    string NationalTaxCode);

/// <summary>An invoice (nota fiscal de serviço) issued from a sales order: row <c>invoice|&lt;id&gt;</c>.</summary>
public sealed record Invoice
{
    public required string Id { get; init; }
    public long Number { get; init; }
    public string Series { get; init; } = "1";
    public string Status { get; init; } = InvoiceStatus.Issued;
    public string OrderId { get; init; } = "";
    public long OrderNumber { get; init; }
    public string CustomerId { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string CustomerTaxId { get; init; } = "";
    public DateOnly IssueDate { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];
    public decimal ServiceTotal { get; init; }
    public decimal ProductTotal { get; init; }
    public decimal DiscountTotal { get; init; }
    public decimal Total { get; init; }
    public decimal IssAmount { get; init; }
    public bool IssWithheld { get; init; }

    /// <summary>What the customer pays: the total less the ISS the customer withholds and pays to the municipality.</summary>
    public decimal AmountReceivable => IssWithheld ? Total - IssAmount : Total;

    public string NfseStatus { get; init; } = Billing.NfseStatus.NotApplicable;
    public string NfseGateway { get; init; } = "";
    public string NfseKey { get; init; } = "";
    public string NfseMessage { get; init; } = "";
    public string DpsId { get; init; } = "";

    /// <summary>The receivables created with the invoice, so they are point reads rather than a scan of the customer's.</summary>
    public IReadOnlyList<string> ReceivableIds { get; init; } = [];

    public DateTimeOffset? CancelledAt { get; init; }
    public string CancelledBy { get; init; } = "";
    public string CancelReason { get; init; } = "";
    public string RecentKey { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public ETag ETag { get; init; }

    public const string DpsFileKind = "invoice";
    public const string DpsFileName = "dps.xml";

    public static string RowKey(string id) => KeyRange.Key("invoice", id);

    public static Invoice FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? "",
        Number = row.GetInt64("Number") ?? 0,
        Series = row.GetString("Series") ?? "1",
        Status = row.GetString("Status") ?? InvoiceStatus.Issued,
        OrderId = row.GetString("OrderId") ?? "",
        OrderNumber = row.GetInt64("OrderNumber") ?? 0,
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        CustomerTaxId = row.GetString("CustomerTaxId") ?? "",
        IssueDate = SalesOrder.ParseDate(row.GetString("IssueDate")) ?? default,
        IssuedAt = row.GetDateTimeOffset("IssuedAt") ?? default,
        Lines = string.IsNullOrEmpty(row.GetString("LinesJson")) ? [] : JsonSerializer.Deserialize<List<InvoiceLine>>(row.GetString("LinesJson")!, JsonDefaults.Options) ?? [],
        ServiceTotal = row.GetDecimal("ServiceTotal") ?? 0,
        ProductTotal = row.GetDecimal("ProductTotal") ?? 0,
        DiscountTotal = row.GetDecimal("DiscountTotal") ?? 0,
        Total = row.GetDecimal("Total") ?? 0,
        IssAmount = row.GetDecimal("IssAmount") ?? 0,
        IssWithheld = row.GetBoolean("IssWithheld") ?? false,
        NfseStatus = row.GetString("NfseStatus") ?? Billing.NfseStatus.NotApplicable,
        NfseGateway = row.GetString("NfseGateway") ?? "",
        NfseKey = row.GetString("NfseKey") ?? "",
        NfseMessage = row.GetString("NfseMessage") ?? "",
        DpsId = row.GetString("DpsId") ?? "",
        ReceivableIds = (row.GetString("ReceivableIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        CancelledAt = row.GetDateTimeOffset("CancelledAt"),
        CancelledBy = row.GetString("CancelledBy") ?? "",
        CancelReason = row.GetString("CancelReason") ?? "",
        RecentKey = row.GetString("RecentKey") ?? "",
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = row.GetString("CreatedBy") ?? "",
        ETag = row.ETag,
    };

    public void WriteTo(TableEntity row)
    {
        WriteListFields(row);
        row["Id"] = Id;
        row["Series"] = Series;
        row["CustomerTaxId"] = CustomerTaxId;
        row["IssuedAt"] = IssuedAt;
        row["LinesJson"] = JsonSerializer.Serialize(Lines, JsonDefaults.Options);
        row["ServiceTotal"] = ServiceTotal;
        row["ProductTotal"] = ProductTotal;
        row["DiscountTotal"] = DiscountTotal;
        row["IssAmount"] = IssAmount;
        row["IssWithheld"] = IssWithheld;
        row["NfseGateway"] = NfseGateway;
        row["NfseKey"] = NfseKey;
        row["NfseMessage"] = NfseMessage;
        row["DpsId"] = DpsId;
        row["ReceivableIds"] = string.Join(',', ReceivableIds);
        row["CancelledAt"] = CancelledAt;
        row["CancelledBy"] = CancelledBy;
        row["CancelReason"] = CancelReason;
        row["RecentKey"] = RecentKey;
    }

    /// <summary>The fields lists show, copied onto the index rows so a page is one range scan.</summary>
    public void WriteListFields(TableEntity row)
    {
        row["InvoiceId"] = Id;
        row["Number"] = Number;
        row["Status"] = Status;
        row["OrderId"] = OrderId;
        row["OrderNumber"] = OrderNumber;
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["IssueDate"] = SalesOrder.FormatDate(IssueDate);
        row["Total"] = Total;
        row["NfseStatus"] = NfseStatus;
        row["SearchText"] = SearchText.Of(Number.ToString(CultureInfo.InvariantCulture), CustomerName, CustomerTaxId, OrderNumber.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed record InvoiceListItem(
    string Id, long Number, string Status, string OrderId, long OrderNumber, string CustomerId, string CustomerName,
    DateOnly IssueDate, decimal Total, string NfseStatus)
{
    public static InvoiceListItem From(TableEntity row) => new(
        row.GetString("InvoiceId") ?? "",
        row.GetInt64("Number") ?? 0,
        row.GetString("Status") ?? InvoiceStatus.Issued,
        row.GetString("OrderId") ?? "",
        row.GetInt64("OrderNumber") ?? 0,
        row.GetString("CustomerId") ?? "",
        row.GetString("CustomerName") ?? "",
        SalesOrder.ParseDate(row.GetString("IssueDate")) ?? default,
        row.GetDecimal("Total") ?? 0,
        row.GetString("NfseStatus") ?? Billing.NfseStatus.NotApplicable);
}
