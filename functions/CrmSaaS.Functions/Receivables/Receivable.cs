using System.Globalization;
using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Receivables;

public static class ReceivableStatus
{
    public const string Open = "open";
    public const string Paid = "paid";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// One installment to receive (conta a receber) from an invoice: row <c>receivable|&lt;id&gt;</c> and its copy
/// <c>receivable-customer|&lt;customerId&gt;|&lt;id&gt;</c>. The id starts with the due date (yyyyMMdd), so both ranges are
/// in due-date order and a due-date range is a key range.
/// </summary>
public sealed record Receivable
{
    public required string Id { get; init; }
    public string InvoiceId { get; init; } = "";
    public long InvoiceNumber { get; init; }
    public string OrderId { get; init; } = "";
    public long OrderNumber { get; init; }
    public string CustomerId { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public int Installment { get; init; }
    public int InstallmentCount { get; init; }
    public DateOnly DueDate { get; init; }
    public decimal Amount { get; init; }
    public string Status { get; init; } = ReceivableStatus.Open;
    public DateOnly? PaidOn { get; init; }
    public decimal? PaidAmount { get; init; }
    public ETag ETag { get; init; }

    public static string NewId(DateOnly dueDate, string invoiceId, int installment) =>
        $"{KeyRange.Date(dueDate)}-{invoiceId}-{installment.ToString("D3", CultureInfo.InvariantCulture)}";

    public static string RowKey(string id) => KeyRange.Key("receivable", id);

    public static string CustomerRowKey(string customerId, string id) => KeyRange.Key("receivable-customer", customerId, id);

    public bool IsOverdue(DateOnly today) => Status == ReceivableStatus.Open && DueDate < today;

    public static Receivable FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? "",
        InvoiceId = row.GetString("InvoiceId") ?? "",
        InvoiceNumber = row.GetInt64("InvoiceNumber") ?? 0,
        OrderId = row.GetString("OrderId") ?? "",
        OrderNumber = row.GetInt64("OrderNumber") ?? 0,
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        Installment = row.GetInt32("Installment") ?? 1,
        InstallmentCount = row.GetInt32("InstallmentCount") ?? 1,
        DueDate = SalesOrder.ParseDate(row.GetString("DueDate")) ?? default,
        Amount = row.GetDecimal("Amount") ?? 0,
        Status = row.GetString("Status") ?? ReceivableStatus.Open,
        PaidOn = SalesOrder.ParseDate(row.GetString("PaidOn")),
        PaidAmount = row.GetDecimal("PaidAmount"),
        ETag = row.ETag,
    };

    public void WriteTo(TableEntity row)
    {
        row["Id"] = Id;
        row["InvoiceId"] = InvoiceId;
        row["InvoiceNumber"] = InvoiceNumber;
        row["OrderId"] = OrderId;
        row["OrderNumber"] = OrderNumber;
        row["CustomerId"] = CustomerId;
        row["CustomerName"] = CustomerName;
        row["Installment"] = Installment;
        row["InstallmentCount"] = InstallmentCount;
        row["DueDate"] = SalesOrder.FormatDate(DueDate);
        row["Amount"] = Amount;
        row["Status"] = Status;
        row["PaidOn"] = PaidOn is { } paid ? SalesOrder.FormatDate(paid) : "";
        row["PaidAmount"] = PaidAmount;
    }
}

/// <summary>Receivable rules without I/O: the installment plan of an invoice and the checks of a payment.</summary>
public static class ReceivableRules
{
    /// <summary>An invoice's receivables, its rows and the invoice's own rows share one entity-group transaction.</summary>
    public const int MaxInstallmentsPerInvoice = 36;

    /// <summary>
    /// The installments of an invoice amount following the order's payment terms ("30/60/90" counted from the issue
    /// date); typed installments keep their distance from the order date. Amounts add up exactly; the rounding centavo goes on the last one.
    /// </summary>
    public static IReadOnlyList<Installment> Plan(decimal amount, DateOnly issueDate, SalesOrder order)
    {
        IReadOnlyList<DateOnly> dueDates;
        if (order.PaymentTerms.Length > 0 && PaymentTerms.TryParse(order.PaymentTerms, out var terms, out _))
        {
            dueDates = terms.DueDates(issueDate);
        }
        else if (order.Installments.Count > 0)
        {
            // Typed installments keep their distance from the order date, counted from the issue date instead.
            dueDates = order.Installments.Select(i => issueDate.AddDays(Math.Max(0, i.DueDate.DayNumber - order.Date.DayNumber))).Distinct().Order().ToList();
        }
        else
        {
            dueDates = [issueDate];
        }

        if (dueDates.Count > MaxInstallmentsPerInvoice)
        {
            throw AppException.Validation("paymentTerms",
                $"A condição de pagamento do pedido tem {dueDates.Count} parcelas; uma nota pode gerar no máximo {MaxInstallmentsPerInvoice}.");
        }

        try
        {
            return Installments.Split(amount, dueDates);
        }
        catch (ArgumentException ex)
        {
            throw AppException.Validation("paymentTerms", ex.Message);
        }
    }

    public static void CheckPayment(Receivable receivable, DateOnly? paidOn, decimal? amount, DateOnly today)
    {
        if (receivable.Status == ReceivableStatus.Paid)
        {
            throw AppException.InvalidState($"A parcela já foi recebida em {BrazilFormat.Date(receivable.PaidOn ?? today)}.");
        }

        if (receivable.Status == ReceivableStatus.Cancelled)
        {
            throw AppException.InvalidState("A parcela foi cancelada junto com a nota fiscal e não pode ser recebida.");
        }

        var validation = new Validation();
        validation.Check(paidOn is not null, "paidOn", "Informe a data do recebimento.");
        validation.Check(paidOn is null || paidOn <= today, "paidOn", "A data do recebimento não pode ser futura.");
        validation.Check(amount is > 0, "amount", "Informe o valor recebido, maior que zero.");
        validation.Check(amount is null || amount == Money.Round(amount.Value), "amount", "O valor recebido deve ter no máximo duas casas decimais.");
        validation.ThrowIfInvalid();
    }
}
