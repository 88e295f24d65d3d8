using System.Globalization;
using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.SalesOrders;

/// <summary>DESIGN.md §5: Proposta → Aprovado → Pedido → FaturadoParcial / Faturado; Cancelado while nothing is billed.</summary>
public enum SalesOrderStatus
{
    Proposta,
    Aprovado,
    Pedido,
    FaturadoParcial,
    Faturado,
    Cancelado,
}

/// <summary>A sales order (pedido de venda) as stored in <c>order|&lt;id&gt;</c>.</summary>
public sealed record SalesOrder
{
    public required string Id { get; init; }
    public long Number { get; init; }
    public SalesOrderStatus Status { get; init; }
    public string CustomerId { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string CustomerTaxId { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public string SalespersonId { get; init; } = "";
    public string SalespersonName { get; init; } = "";

    /// <summary>"30/60/90" terms the installments follow; empty when the installments were typed by hand.</summary>
    public string PaymentTerms { get; init; } = "";

    public string PaymentMethod { get; init; } = "";
    public IReadOnlyList<Installment> Installments { get; init; } = [];
    public string Project { get; init; } = "";
    public string ContractId { get; init; } = "";
    public long? ContractNumber { get; init; }
    public string ContractTitle { get; init; } = "";
    public string Notes { get; init; } = "";
    public bool GenerateOpportunity { get; init; }
    public string OpportunityId { get; init; } = "";
    public string QuoteId { get; init; } = "";
    public long? QuoteNumber { get; init; }
    public IReadOnlyList<DocumentItem> Items { get; init; } = [];
    public string CancelReason { get; init; } = "";
    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>Bumped by "revisar proposta": the same items after a revision still make a new proposal PDF version.</summary>
    public int ProposalRevision { get; init; }

    /// <summary>Row key part of the newest-first list index (<c>order-recent|&lt;RecentKey&gt;|&lt;id&gt;</c>), fixed at creation.</summary>
    public string RecentKey { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public ETag ETag { get; init; }

    public LineAmounts Totals => DocumentItemRules.Totals(Items);

    public string StatusLabel => SalesOrderRules.Label(Status);

    public static string RowKey(string id) => KeyRange.Key("order", id);

    public static SalesOrder FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? row.RowKey["order|".Length..],
        Number = row.GetInt64("Number") ?? 0,
        Status = Enum.TryParse<SalesOrderStatus>(row.GetString("Status"), out var status) ? status : SalesOrderStatus.Proposta,
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        CustomerTaxId = row.GetString("CustomerTaxId") ?? "",
        Date = ParseDate(row.GetString("Date")) ?? default,
        ValidUntil = ParseDate(row.GetString("ValidUntil")),
        SalespersonId = row.GetString("SalespersonId") ?? "",
        SalespersonName = row.GetString("SalespersonName") ?? "",
        PaymentTerms = row.GetString("PaymentTerms") ?? "",
        PaymentMethod = row.GetString("PaymentMethod") ?? "",
        Installments = ReadInstallments(row.GetString("InstallmentsJson")),
        Project = row.GetString("Project") ?? "",
        ContractId = row.GetString("ContractId") ?? "",
        ContractNumber = row.GetInt64("ContractNumber"),
        ContractTitle = row.GetString("ContractTitle") ?? "",
        Notes = row.GetString("Notes") ?? "",
        GenerateOpportunity = row.GetBoolean("GenerateOpportunity") ?? false,
        OpportunityId = row.GetString("OpportunityId") ?? "",
        QuoteId = row.GetString("QuoteId") ?? "",
        QuoteNumber = row.GetInt64("QuoteNumber"),
        Items = DocumentItemRules.Deserialize(row.GetString("ItemsJson")),
        CancelReason = row.GetString("CancelReason") ?? "",
        StatusChangedAt = row.GetDateTimeOffset("StatusChangedAt"),
        ProposalRevision = row.GetInt32("ProposalRevision") ?? 0,
        RecentKey = row.GetString("RecentKey") ?? "",
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = row.GetString("CreatedBy") ?? "",
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = row.GetString("UpdatedBy") ?? "",
        ETag = row.ETag,
    };

    /// <summary>Writes every business property (not the who/when stamps) onto <paramref name="row"/>.</summary>
    public void WriteTo(TableEntity row)
    {
        var totals = Totals;
        row["Id"] = Id;
        row["Number"] = Number;
        row["Status"] = Status.ToString();
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["CustomerTaxId"] = CustomerTaxId;
        row["Date"] = FormatDate(Date);
        row["ValidUntil"] = ValidUntil is { } valid ? FormatDate(valid) : "";
        row["SalespersonId"] = SalespersonId;
        row["SalespersonName"] = SalespersonName;
        row["PaymentTerms"] = PaymentTerms;
        row["PaymentMethod"] = PaymentMethod;
        row["InstallmentsJson"] = JsonSerializer.Serialize(Installments, JsonDefaults.Options);
        row["Project"] = Project;
        row["ContractId"] = ContractId;
        row["ContractNumber"] = ContractNumber;
        row["ContractTitle"] = ContractTitle;
        row["Notes"] = Notes;
        row["GenerateOpportunity"] = GenerateOpportunity;
        row["OpportunityId"] = OpportunityId;
        row["QuoteId"] = QuoteId;
        row["QuoteNumber"] = QuoteNumber;
        row["ItemsJson"] = DocumentItemRules.Serialize(Items);
        row["Gross"] = totals.Gross;
        row["DiscountTotal"] = totals.Discount;
        row["Total"] = totals.Total;
        row["CancelReason"] = CancelReason;
        row["StatusChangedAt"] = StatusChangedAt;
        row["ProposalRevision"] = ProposalRevision;
        row["RecentKey"] = RecentKey;
        row["SearchText"] = SearchText.Of(Number.ToString(CultureInfo.InvariantCulture), CustomerName, CustomerTaxId, Project, SalespersonName);
    }

    /// <summary>The fields list screens show, copied onto the index rows so a list page is one range scan.</summary>
    public void WriteListFields(TableEntity row)
    {
        row["OrderId"] = Id;
        row["Number"] = Number;
        row["Status"] = Status.ToString();
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["Date"] = FormatDate(Date);
        row["Total"] = Totals.Total;
        row["SalespersonName"] = SalespersonName;
        row["OpportunityId"] = OpportunityId;
        row["SearchText"] = SearchText.Of(Number.ToString(CultureInfo.InvariantCulture), CustomerName, CustomerTaxId, Project, SalespersonName);
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static List<Installment> ReadInstallments(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<Installment>>(json, JsonDefaults.Options) ?? [];
}
