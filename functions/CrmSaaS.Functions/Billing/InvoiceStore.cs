using ETag = Azure.ETag;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Receivables;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tasks;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Billing;

public sealed record IssueInvoiceRequest(IReadOnlyList<BillingRequestLine>? Items, bool? IssWithheld);

public sealed record CancelInvoiceRequest(string? Reason);

/// <summary>The order's billing status view (Centrium 3.2) with the invoices issued from it.</summary>
public sealed record OrderBillingView(
    string OrderId,
    long OrderNumber,
    string Status,
    string StatusLabel,
    bool CanBill,
    IReadOnlyList<BillingItemStatus> Items,
    IReadOnlyList<InvoiceListItem> Invoices);

/// <summary>
/// Invoices in the tenant's partition: <c>invoice|id</c> with index rows <c>invoice-recent|</c>, <c>invoice-customer|</c>
/// and <c>invoice-order|</c>. Issuing writes, in ONE entity-group transaction, the invoice, its number (the
/// <c>counter|invoice</c> row), the order's billed quantities and status (guarded by the order's ETag) and the
/// receivables, so two concurrent billings of one order cannot bill the same units twice and numbers have no gaps.
/// </summary>
public sealed class InvoiceStore(
    TenantTable table,
    SalesOrderStore orders,
    TaskStore tasks,
    BillingSettingsStore settingsStore,
    ReceivableStore receivables,
    TenantFiles files,
    QueueRuntime queues,
    AuditLog audit,
    TimeProvider clock,
    ILogger<InvoiceStore> logger)
{
    public const string NotFoundDetail = "Nota fiscal não encontrada.";
    private const string CounterKey = "counter|invoice";
    private const int MaxAttempts = 6;

    public async Task<OrderBillingView> BillingViewAsync(string orderId, CancellationToken ct)
    {
        var (order, _) = await orders.LoadAsync(orderId, ct);
        var counts = await tasks.CountByOrderItemAsync(order.Id, ct);
        var invoices = new List<InvoiceListItem>();
        await foreach (var row in table.QueryPrefixAsync(KeyRange.Key("invoice-order", order.Id) + "|", ct: ct))
        {
            invoices.Add(InvoiceListItem.From(row));
        }

        var items = BillingRules.StatusView(order, counts);
        return new OrderBillingView(order.Id, order.Number, order.Status.ToString(), order.StatusLabel,
            BillingRules.StatusBills(order.Status) && items.Any(i => i.BillableNow > 0), items, invoices);
    }

    public async Task<Invoice> IssueAsync(string orderId, IssueInvoiceRequest request, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(ct);
        var id = Ids.New(clock.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var invoice = await TryIssueAsync(id, orderId, request, settings, ct);
                if (invoice.NfseStatus == NfseStatus.Queued)
                {
                    await queues.SendAsync(table.TenantId, NfseSendHandler.Queue, new NfseSendMessage(invoice.Id), ct: ct);
                }

                return invoice;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another billing of this order (or another invoice number) committed first: read again, and the
                // gate decides with the new billed quantities.
                logger.LogInformation("Invoice for order {OrderId}: concurrent change, attempt {Attempt}", orderId, attempt);
                await Task.Delay(Random.Shared.Next(5, 30) * attempt, ct);
            }
        }
    }

    private async Task<Invoice> TryIssueAsync(string id, string orderId, IssueInvoiceRequest request, BillingSettings settings, CancellationToken ct)
    {
        var (order, orderRow) = await orders.LoadAsync(orderId, ct);
        var counts = await tasks.CountByOrderItemAsync(order.Id, ct);
        var plan = BillingRules.Plan(order, counts, request.Items);

        var customerTask = table.GetAsync(KeyRange.Key("customer", order.CustomerId), ct);
        var counterTask = table.GetAsync(CounterKey, ct);
        var serviceRows = await Task.WhenAll(plan.Where(l => l.Item.Kind == ItemKind.Service && !string.IsNullOrEmpty(l.Item.ServiceId))
            .Select(l => l.Item.ServiceId!).Distinct(StringComparer.Ordinal)
            .Select(s => table.GetAsync(KeyRange.Key("service", s), ct)));
        var services = serviceRows.OfType<TableEntity>().Select(Service.From).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var customerRow = await customerTask ?? throw AppException.InvalidState("O cliente do pedido não foi encontrado.");
        var customer = Customer.From(customerRow);
        var counter = await counterTask;

        var lines = plan.Select(l =>
        {
            var amounts = BillingRules.AmountsFor(l.Item, l.Item.BilledQuantity, l.Quantity);
            services.TryGetValue(l.Item.ServiceId ?? "", out var service);
            var rate = l.Item.Kind == ItemKind.Service ? service?.IssRate ?? 0 : 0;
            return new InvoiceLine(l.Item.Id, l.Item.Kind, l.Item.ServiceId, l.Item.ProductId, l.Item.Code, l.Item.Description, l.Quantity,
                l.Item.UnitPrice, amounts.Gross, amounts.Discount, amounts.Total, rate, BillingRules.Iss(amounts.Total, rate), service?.NationalTaxCode ?? "");
        }).ToList();
        var serviceLines = lines.Where(l => l.Kind == ItemKind.Service).ToList();
        if (serviceLines.Any(l => l.IssRate is < DpsLayout.MinIssRate or > DpsLayout.MaxIssRate))
        {
            var line = serviceLines.First(l => l.IssRate is < DpsLayout.MinIssRate or > DpsLayout.MaxIssRate);
            throw AppException.Validation("items", $"O serviço \"{line.Description}\" precisa de uma alíquota de ISS entre 2% e 5% no catálogo.");
        }

        var now = clock.GetUtcNow();
        var number = (counter?.GetInt64("Value") ?? 0) + 1;
        var invoice = new Invoice
        {
            Id = id,
            Number = number,
            Series = settings.Series,
            OrderId = order.Id,
            OrderNumber = order.Number,
            CustomerId = order.CustomerId,
            CustomerName = order.CustomerName,
            CustomerTaxId = order.CustomerTaxId,
            IssueDate = BrazilFormat.TodayInSaoPaulo(now),
            IssuedAt = now,
            Lines = lines,
            ServiceTotal = serviceLines.Sum(l => l.Total),
            ProductTotal = lines.Where(l => l.Kind == ItemKind.Product).Sum(l => l.Total),
            DiscountTotal = lines.Sum(l => l.Discount),
            Total = lines.Sum(l => l.Total),
            IssAmount = serviceLines.Sum(l => l.IssAmount),
            IssWithheld = request.IssWithheld ?? false,
            NfseStatus = serviceLines.Count > 0 ? NfseStatus.Queued : NfseStatus.NotApplicable,
            RecentKey = KeyRange.Descending(now),
            CreatedAt = now,
            CreatedBy = table.Context.Actor,
        };
        if (serviceLines.Count > 0)
        {
            var dps = InvoiceDps.Build(invoice, settings, customer);
            invoice = invoice with { DpsId = dps.Id };
            // Stored before the transaction: the blob cannot join it, and a DPS left by a failed attempt is overwritten
            // by the next one (same invoice id) or is never referenced.
            await files.UploadAsync(Invoice.DpsFileKind, id, Invoice.DpsFileName, BinaryData.FromBytes(DpsXmlWriter.WriteUtf8(dps)), "application/xml", ct: ct);
        }

        var installments = invoice.AmountReceivable > 0 ? ReceivableRules.Plan(invoice.AmountReceivable, invoice.IssueDate, order) : [];
        var newReceivables = ReceivableStore.ForInstallments(invoice, installments);
        invoice = invoice with { ReceivableIds = newReceivables.Select(r => r.Id).ToList() };
        var billedItems = BillingRules.WithBilled(order.Items, plan.ToDictionary(l => l.Item.Id, l => l.Quantity, StringComparer.Ordinal));
        var orderAfter = order with { Items = billedItems, Status = SalesOrderRules.StatusAfterBilling(billedItems), StatusChangedAt = now };

        var invoiceRow = table.NewEntity(Invoice.RowKey(id));
        invoice.WriteTo(invoiceRow);
        invoiceRow.StampCreated(table.Context, now);
        var counterRow = table.NewEntity(CounterKey);
        counterRow["Value"] = number;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, invoiceRow),
            counter is null
                ? new TableTransactionAction(TableTransactionActionType.Add, counterRow)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterRow, counter.ETag),
        };
        actions.AddRange(IndexActions(table, invoice));
        actions.AddRange(OrderActions(order, orderAfter, orderRow, "invoiced", $"Nota fiscal nº {number}: {Describe(invoice.Lines)}"));
        actions.AddRange(receivables.CreateActions(newReceivables));
        actions.Add(audit.Entry("invoice", id, "issued", $"Nota nº {number} do pedido nº {order.Number}, total {Money.Format(invoice.Total)}"));
        var etags = await table.SubmitAsync(actions, ct);
        return invoice with { ETag = etags[0] };
    }

    public async Task<Invoice> CancelAsync(string id, ETag ifMatch, string? reason, CancellationToken ct)
    {
        var validation = new Validation().MaxLength(reason?.Trim(), 500, "reason", "O motivo");
        validation.Required(reason, "reason", "Informe o motivo do cancelamento.");
        validation.ThrowIfInvalid();
        var (invoice, row) = await LoadAsync(id, ct);
        if (ifMatch != ETag.All && ifMatch != invoice.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }

        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            throw AppException.InvalidState("A nota fiscal já está cancelada.");
        }

        var (order, orderRow) = await orders.LoadAsync(invoice.OrderId, ct);
        var deltas = invoice.Lines.GroupBy(l => l.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => -g.Sum(l => l.Quantity), StringComparer.Ordinal);
        var items = BillingRules.WithBilled(order.Items, deltas);
        var now = clock.GetUtcNow();
        var orderAfter = order with { Items = items, Status = SalesOrderRules.StatusAfterBilling(items), StatusChangedAt = now };
        var after = invoice with { Status = InvoiceStatus.Cancelled, CancelledAt = now, CancelledBy = table.Context.Actor, CancelReason = reason!.Trim() };
        if (invoice.NfseStatus == NfseStatus.Queued)
        {
            after = after with { NfseStatus = NfseStatus.NotSent, NfseMessage = "Nota cancelada antes da transmissão: nada foi enviado." };
        }

        after.WriteTo(row);
        row.StampUpdated(table.Context, now);

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, invoice.ETag) };
        actions.AddRange(IndexActions(table, after));
        actions.AddRange(OrderActions(order, orderAfter, orderRow, "invoice-cancelled", $"Nota fiscal nº {invoice.Number} cancelada: quantidades faturadas estornadas"));
        actions.AddRange(await receivables.CancelActionsAsync(invoice, ct));
        actions.Add(audit.Entry("invoice", id, "cancelled", after.CancelReason));
        var etags = await table.SubmitAsync(actions, ct);
        return after with { ETag = etags[0] };
    }

    public async Task<Invoice> GetAsync(string id, CancellationToken ct) => (await LoadAsync(id, ct)).Invoice;

    public async Task<(Invoice Invoice, TableEntity Row)> LoadAsync(string id, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw AppException.NotFound(NotFoundDetail);
        }

        var row = await table.GetRequiredAsync(Invoice.RowKey(id), NotFoundDetail, ct);
        return (Invoice.FromEntity(row), row);
    }

    /// <summary>The stored DPS XML of an invoice with service lines.</summary>
    public async Task<byte[]> DpsAsync(string id, CancellationToken ct)
    {
        var invoice = await GetAsync(id, ct);
        if (invoice.DpsId.Length == 0)
        {
            throw AppException.NotFound("Esta nota não tem DPS: só produtos foram faturados.");
        }

        await using var download = await files.DownloadAsync(Invoice.DpsFileKind, invoice.Id, Invoice.DpsFileName, ct);
        using var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public async Task<Page<InvoiceListItem>> ListAsync(
        string? q, string? status, string? customerId, string? orderId, int pageSize, string? continuation, CancellationToken ct)
    {
        var validation = new Validation();
        validation.Check(status is null or "" or InvoiceStatus.Issued or InvoiceStatus.Cancelled, "status", "Status inválido. Use issued ou cancelled.");
        validation.Check(string.IsNullOrWhiteSpace(customerId) || Ids.IsWellFormed(customerId), "customerId", "Cliente inválido.");
        validation.Check(string.IsNullOrWhiteSpace(orderId) || Ids.IsWellFormed(orderId), "orderId", "Pedido inválido.");
        validation.ThrowIfInvalid();

        var prefix = !string.IsNullOrWhiteSpace(orderId) ? KeyRange.Key("invoice-order", orderId) + "|"
            : !string.IsNullOrWhiteSpace(customerId) ? KeyRange.Key("invoice-customer", customerId) + "|"
            : "invoice-recent|";
        var andFilter = string.IsNullOrWhiteSpace(status) ? null : TableClient.CreateQueryFilter($"Status eq {status}");
        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(prefix, pageSize, continuation, match, andFilter, ct: ct);
        return new Page<InvoiceListItem>(page.Items.Select(InvoiceListItem.From).ToList(), page.Continuation);
    }

    /// <summary>The invoice's list rows (newest first overall and per customer; per order).</summary>
    public static IEnumerable<TableTransactionAction> IndexActions(TenantTable table, Invoice invoice)
    {
        foreach (var key in new[]
        {
            KeyRange.Key("invoice-recent", invoice.RecentKey, invoice.Id),
            KeyRange.Key("invoice-customer", invoice.CustomerId, invoice.RecentKey, invoice.Id),
            KeyRange.Key("invoice-order", invoice.OrderId, invoice.Id),
        })
        {
            var row = table.NewEntity(key);
            invoice.WriteListFields(row);
            yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
        }
    }

    private IEnumerable<TableTransactionAction> OrderActions(SalesOrder before, SalesOrder after, TableEntity row, string action, string details)
    {
        after.WriteTo(row);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        yield return new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, before.ETag);
        foreach (var index in orders.IndexActions(after, before))
        {
            yield return index;
        }

        yield return audit.Entry("order", after.Id, action, details);
    }

    private static string Describe(IEnumerable<InvoiceLine> lines) =>
        string.Join(", ", lines.Select(l => $"{BrazilFormat.Quantity(l.Quantity)} x {l.Description}"));
}
