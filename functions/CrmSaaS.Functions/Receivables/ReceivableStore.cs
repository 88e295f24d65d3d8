using CrmSaaS.Functions.Billing;
using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Receivables;

/// <summary>
/// Receivables (contas a receber) in the tenant's partition. Created and cancelled only inside the invoice's own
/// transaction (<see cref="CreateActions"/>, <see cref="CancelActionsAsync"/>); paid here, ETag-guarded and audited.
/// </summary>
public sealed class ReceivableStore(TenantTable table, AuditLog audit, TimeProvider clock)
{
    public const string NotFoundDetail = "Conta a receber não encontrada.";

    /// <summary>An invoice's receivables from its installments (ids are deterministic: due date, invoice, number).</summary>
    public static IReadOnlyList<Receivable> ForInstallments(Invoice invoice, IReadOnlyList<Installment> installments) =>
        installments.Select(installment => new Receivable
        {
            Id = Receivable.NewId(installment.DueDate, invoice.Id, installment.Number),
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            OrderId = invoice.OrderId,
            OrderNumber = invoice.OrderNumber,
            CustomerId = invoice.CustomerId,
            CustomerName = invoice.CustomerName,
            Installment = installment.Number,
            InstallmentCount = installments.Count,
            DueDate = installment.DueDate,
            Amount = installment.Amount,
        }).ToList();

    /// <summary>The rows of an invoice's receivables (two each), to submit with the invoice.</summary>
    public IEnumerable<TableTransactionAction> CreateActions(IEnumerable<Receivable> receivables) =>
        receivables.SelectMany(Rows).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row));

    public async Task<IReadOnlyList<Receivable>> ForInvoiceAsync(Invoice invoice, CancellationToken ct)
    {
        var rows = await Task.WhenAll(invoice.ReceivableIds.Select(id => table.GetAsync(Receivable.RowKey(id), ct)));
        return rows.OfType<TableEntity>().Select(Receivable.FromEntity).OrderBy(r => r.Installment).ToList();
    }

    /// <summary>
    /// Cancels an invoice's open receivables (in the invoice's cancel transaction). A received installment stops the
    /// cancellation: the money came in, and giving it back is a financial decision, not a side effect.
    /// </summary>
    public async Task<IReadOnlyList<TableTransactionAction>> CancelActionsAsync(Invoice invoice, CancellationToken ct)
    {
        var receivables = await ForInvoiceAsync(invoice, ct);
        if (receivables.FirstOrDefault(r => r.Status == ReceivableStatus.Paid) is { } paid)
        {
            throw AppException.InvalidState(
                $"A parcela {paid.Installment}/{paid.InstallmentCount} desta nota já foi recebida em {BrazilFormat.Date(paid.PaidOn ?? paid.DueDate)}: estorne o recebimento antes de cancelar a nota.");
        }

        var actions = new List<TableTransactionAction>();
        foreach (var receivable in receivables.Where(r => r.Status == ReceivableStatus.Open))
        {
            var cancelled = receivable with { Status = ReceivableStatus.Cancelled };
            var rows = Rows(cancelled);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, rows[0], receivable.ETag));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, rows[1], ETag.All));
        }

        return actions;
    }

    public async Task<Receivable> GetAsync(string id, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw AppException.NotFound(NotFoundDetail);
        }

        return Receivable.FromEntity(await table.GetRequiredAsync(Receivable.RowKey(id), NotFoundDetail, ct));
    }

    public async Task<Receivable> PayAsync(string id, ETag ifMatch, DateOnly? paidOn, decimal? amount, CancellationToken ct)
    {
        var receivable = await GetAsync(id, ct);
        if (ifMatch != ETag.All && ifMatch != receivable.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }

        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        ReceivableRules.CheckPayment(receivable, paidOn, amount, today);
        var paid = receivable with { Status = ReceivableStatus.Paid, PaidOn = paidOn, PaidAmount = amount };
        var rows = Rows(paid);
        var etags = await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, rows[0], receivable.ETag),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, rows[1], ETag.All),
            audit.Entry("receivable", id, "paid", $"Recebido {Money.Format(amount!.Value)} em {BrazilFormat.Date(paidOn!.Value)}"),
        ], ct);
        return paid with { ETag = etags[0] };
    }

    /// <summary>
    /// Receivables by due date (one key range), of one customer or of all; <paramref name="status"/> is open, paid,
    /// cancelled or overdue (open and due before today).
    /// </summary>
    public async Task<Page<Receivable>> ListAsync(
        string? customerId, DateOnly? dueFrom, DateOnly? dueTo, string? status, int pageSize, string? continuation, CancellationToken ct)
    {
        var validation = new Validation();
        validation.Check(string.IsNullOrWhiteSpace(customerId) || Ids.IsWellFormed(customerId), "customerId", "Cliente inválido.");
        validation.Check(status is null or "" or ReceivableStatus.Open or ReceivableStatus.Paid or ReceivableStatus.Cancelled or "overdue",
            "status", "Status inválido. Use open, paid, cancelled ou overdue.");
        validation.Check(dueFrom is null || dueTo is null || dueFrom <= dueTo, "dueTo", "O fim do período deve ser igual ou posterior ao início.");
        validation.ThrowIfInvalid();

        var prefix = string.IsNullOrWhiteSpace(customerId) ? "receivable|" : KeyRange.Key("receivable-customer", customerId) + "|";
        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        if (status == "overdue")
        {
            var lastOverdue = today.AddDays(-1);
            dueTo = dueTo is null || dueTo > lastOverdue ? lastOverdue : dueTo;
        }

        var filters = new List<string>();
        if (dueFrom is { } from)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey ge {prefix + KeyRange.Date(from)}"));
        }

        if (dueTo is { } to)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey lt {prefix + KeyRange.Date(to.AddDays(1))}"));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            var stored = status == "overdue" ? ReceivableStatus.Open : status;
            filters.Add(TableClient.CreateQueryFilter($"Status eq {stored}"));
        }

        var page = await table.ScanPageAsync(prefix, pageSize, continuation, andFilter: filters.Count == 0 ? null : string.Join(" and ", filters), ct: ct);
        return new Page<Receivable>(page.Items.Select(Receivable.FromEntity).ToList(), page.Continuation);
    }

    private TableEntity[] Rows(Receivable receivable)
    {
        var main = table.NewEntity(Receivable.RowKey(receivable.Id));
        receivable.WriteTo(main);
        var byCustomer = table.NewEntity(Receivable.CustomerRowKey(receivable.CustomerId, receivable.Id));
        receivable.WriteTo(byCustomer);
        return [main, byCustomer];
    }
}
