using System.Globalization;
using CrmSaaS.Functions.Billing;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Receivables;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.CustomerOverview;

/// <summary>A quote, order or invoice as the overview lists it.</summary>
public sealed record OverviewDocument(string Id, long Number, string Status, DateOnly Date, decimal Total);

/// <summary>Invoiced total of one month (yyyy-MM), cancelled invoices left out.</summary>
public sealed record MonthlySales(string Month, decimal Total, int Invoices);

public sealed record OverviewReceivable(string Id, long InvoiceNumber, int Installment, int InstallmentCount, DateOnly DueDate, decimal Amount, bool Overdue);

public sealed record OverviewReceivables(decimal OpenTotal, int OpenCount, decimal OverdueTotal, int OverdueCount, IReadOnlyList<OverviewReceivable> Items);

/// <summary>Gescor's CRM screen "at a glance": the customer's quotes, orders, invoices, sales history and pending receivables.</summary>
public sealed record CustomerOverviewResponse(
    string CustomerId,
    string CustomerName,
    string TaxId,
    IReadOnlyList<OverviewDocument> Quotes,
    IReadOnlyList<OverviewDocument> Orders,
    IReadOnlyList<OverviewDocument> Invoices,
    IReadOnlyList<MonthlySales> SalesHistory,
    OverviewReceivables Receivables);

/// <summary>
/// Reads the overview from the per-customer index rows of each feature (quote-customer, order-customer,
/// invoice-customer, receivable-customer): one range scan each, every list bounded.
/// </summary>
public sealed class CustomerOverviewReader(TenantTable table, TimeProvider clock)
{
    public const int Latest = 10;
    public const int HistoryMonths = 12;

    public async Task<CustomerOverviewResponse> ReadAsync(string customerId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(customerId))
        {
            throw AppException.NotFound("Cliente não encontrado.");
        }

        var customerTask = table.GetAsync(KeyRange.Key("customer", customerId), ["LegalName", "TaxId"], ct);
        var quotesTask = LatestByIdAsync(KeyRange.Key("quote-customer", customerId) + "|", "QuoteId", ct);
        var ordersTask = LatestByIdAsync(KeyRange.Key("order-customer", customerId) + "|", "OrderId", ct);
        var invoicesTask = InvoicesAsync(customerId, ct);
        var receivablesTask = ReceivablesAsync(customerId, ct);
        await Task.WhenAll(customerTask, quotesTask, ordersTask, invoicesTask, receivablesTask);
        var customer = await customerTask ?? throw AppException.NotFound("Cliente não encontrado.");
        var (invoices, history) = await invoicesTask;
        return new CustomerOverviewResponse(
            customerId,
            customer.GetString("LegalName") ?? "",
            customer.GetString("TaxId") ?? "",
            await quotesTask,
            await ordersTask,
            invoices,
            history,
            await receivablesTask);
    }

    /// <summary>Index rows keyed by time-ordered ids: the newest are the last of the range.</summary>
    private async Task<IReadOnlyList<OverviewDocument>> LatestByIdAsync(string prefix, string idProperty, CancellationToken ct)
    {
        var latest = new Queue<OverviewDocument>();
        await foreach (var row in table.QueryPrefixAsync(prefix, select: [idProperty, "Number", "Status", "Date", "Total"], ct: ct))
        {
            latest.Enqueue(new OverviewDocument(row.GetString(idProperty) ?? "", row.GetInt64("Number") ?? 0, row.GetString("Status") ?? "",
                SalesOrder.ParseDate(row.GetString("Date")) ?? default, row.GetDecimal("Total") ?? 0));
            if (latest.Count > Latest)
            {
                latest.Dequeue();
            }
        }

        return latest.Reverse().ToList();
    }

    private async Task<(IReadOnlyList<OverviewDocument> Latest, IReadOnlyList<MonthlySales> History)> InvoicesAsync(string customerId, CancellationToken ct)
    {
        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-(HistoryMonths - 1));
        var latest = new List<OverviewDocument>();
        var months = new SortedDictionary<string, (decimal Total, int Count)>(StringComparer.Ordinal);
        // invoice-customer rows are newest first: stop at the first one older than the history window.
        await foreach (var row in table.QueryPrefixAsync(KeyRange.Key("invoice-customer", customerId) + "|", ct: ct))
        {
            var item = InvoiceListItem.From(row);
            if (latest.Count < Latest)
            {
                latest.Add(new OverviewDocument(item.Id, item.Number, item.Status, item.IssueDate, item.Total));
            }

            if (item.IssueDate < since)
            {
                if (latest.Count >= Latest)
                {
                    break;
                }

                continue;
            }

            if (item.Status == InvoiceStatus.Issued)
            {
                var month = item.IssueDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                months.TryGetValue(month, out var sum);
                months[month] = (sum.Total + item.Total, sum.Count + 1);
            }
        }

        return (latest, months.Select(m => new MonthlySales(m.Key, m.Value.Total, m.Value.Count)).ToList());
    }

    private async Task<OverviewReceivables> ReceivablesAsync(string customerId, CancellationToken ct)
    {
        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        var open = new List<Receivable>();
        var filter = TableClient.CreateQueryFilter($"Status eq {ReceivableStatus.Open}");
        await foreach (var row in table.QueryPrefixAsync(KeyRange.Key("receivable-customer", customerId) + "|", filter, ct: ct))
        {
            open.Add(Receivable.FromEntity(row));
        }

        var overdue = open.Where(r => r.IsOverdue(today)).ToList();
        return new OverviewReceivables(
            open.Sum(r => r.Amount),
            open.Count,
            overdue.Sum(r => r.Amount),
            overdue.Count,
            open.Take(Latest).Select(r => new OverviewReceivable(r.Id, r.InvoiceNumber, r.Installment, r.InstallmentCount, r.DueDate, r.Amount, r.IsOverdue(today))).ToList());
    }
}
