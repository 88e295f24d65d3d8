using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Proposals;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.CustomerArea;

public sealed record CustomerOrderSummary(
    string Id, long Number, DateOnly Date, string Status, string StatusLabel, decimal Total, IReadOnlyList<Installment> Installments);

public sealed record CustomerOrderItem(
    string Id, string Kind, string Code, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountAmount, decimal Total, string Note);

public sealed record CustomerTotals(decimal Gross, decimal Discount, decimal Total);

public sealed record CustomerApproval(DateTimeOffset ApprovedAt, string ContactName, string Via);

public sealed record CustomerOrder(
    string Id,
    long Number,
    DateOnly Date,
    DateOnly? ValidUntil,
    string Status,
    string StatusLabel,
    string SalespersonName,
    string PaymentTerms,
    string PaymentMethod,
    IReadOnlyList<Installment> Installments,
    IReadOnlyList<CustomerOrderItem> Items,
    CustomerTotals Totals,
    string Notes,
    IReadOnlyList<AttachmentResponse> Attachments,
    bool HasContract,
    bool HasSignedContract,
    bool CanApprove,
    string? ApproveBlockedReason,
    CustomerApproval? Approval);

/// <summary>What a customer sees of an order (seed 003): no cost fields, no internal ids beyond the order's own.</summary>
public static class CustomerOrderView
{
    /// <summary>oGestor: the customer sees an approved proposal as "Aguardando faturamento" (staff see APR / Aprovado).</summary>
    public static string Label(SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.Aprovado => "Aguardando faturamento",
        _ => SalesOrderRules.Label(status),
    };

    public static CustomerOrderSummary Summary(TableEntity indexRow)
    {
        var status = Enum.TryParse<SalesOrderStatus>(indexRow.GetString("Status"), out var parsed) ? parsed : SalesOrderStatus.Proposta;
        var installments = indexRow.GetString("InstallmentsJson") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<Installment>>(json, JsonDefaults.Options) ?? []
            : [];
        return new CustomerOrderSummary(
            indexRow.GetString("OrderId") ?? "",
            indexRow.GetInt64("Number") ?? 0,
            SalesOrder.ParseDate(indexRow.GetString("Date")) ?? default,
            status.ToString(),
            Label(status),
            indexRow.GetDecimal("Total") ?? 0,
            installments);
    }

    /// <param name="resultOnly">An approval link after approval: the result, without documents or actions.</param>
    public static CustomerOrder Detail(
        SalesOrder order, IReadOnlyDictionary<string, OrderAttachment> attachments, IReadOnlyList<ApprovalRecord> approvals, bool resultOnly = false)
    {
        var totals = order.Totals;
        var blocked = ProposalApproval.BlockedReason(order, attachments);
        var latest = approvals.Count == 0 ? null : approvals[^1];
        var listed = resultOnly
            ? []
            : AttachmentKinds.All.Where(attachments.ContainsKey).Select(k => AttachmentResponse.From(attachments[k], order.Number)).ToList();
        return new CustomerOrder(
            order.Id,
            order.Number,
            order.Date,
            order.ValidUntil,
            order.Status.ToString(),
            Label(order.Status),
            order.SalespersonName,
            order.PaymentTerms,
            order.PaymentMethod,
            order.Installments,
            order.Items.Select(i => new CustomerOrderItem(
                i.Id, i.Kind == ItemKind.Service ? "service" : "product", i.Code, i.Description, i.Quantity, i.UnitPrice, i.DiscountAmount, i.Total, i.Note)).ToList(),
            new CustomerTotals(totals.Gross, totals.Discount, totals.Total),
            order.Notes,
            listed,
            attachments.ContainsKey(AttachmentKinds.Contract),
            ProposalApproval.HasCurrentSignedContract(attachments) && attachments.ContainsKey(AttachmentKinds.SignedContract),
            !resultOnly && blocked is null,
            resultOnly ? null : blocked,
            order.Status is SalesOrderStatus.Proposta or SalesOrderStatus.Cancelado || latest is null
                ? null
                : new CustomerApproval(latest.ApprovedAt, latest.ContactName, latest.Via));
    }
}
