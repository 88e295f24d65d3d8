using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Quotes;

public sealed record QuoteInput(string? CustomerId, DateOnly? Date, DateOnly? ValidUntil, string? Notes, IReadOnlyList<DocumentItemInput>? Items);

/// <summary>Order header fields a conversion may add to what the quote has (the quote has no payment terms, project, …).</summary>
public sealed record QuoteConversion(
    bool? GenerateOpportunity,
    string? PaymentTerms,
    string? PaymentMethod,
    string? SalespersonId,
    string? Project,
    string? ContractId);

public sealed record QuoteListItem(
    string Id,
    long Number,
    string Status,
    string StatusLabel,
    bool Expired,
    string CustomerId,
    string CustomerName,
    DateOnly Date,
    DateOnly ValidUntil,
    decimal Total,
    long? ConvertedOrderNumber);

/// <summary>
/// Quotes in the tenant's partition: <c>quote|id</c> with <c>quote-recent|</c> and <c>quote-customer|</c> index rows in
/// the same batch. Converting writes the new order and the converted quote in ONE batch, so a quote is converted once.
/// </summary>
public sealed class QuoteStore(
    TenantTable table,
    TenantCounters counters,
    AuditLog audit,
    CrmReferences crm,
    SalesOrderStore orders,
    TimeProvider clock)
{
    public const string NotFoundDetail = "Orçamento não encontrado.";

    public DateOnly Today => BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());

    public async Task<Quote> GetAsync(string id, CancellationToken ct) => (await LoadAsync(id, ct)).Quote;

    public async Task<Quote> CreateAsync(QuoteInput input, CancellationToken ct)
    {
        var validation = new Validation();
        var (customer, services, products) = await ResolveAsync(input, null, validation, ct);
        var date = input.Date ?? Today;
        var validUntil = input.ValidUntil ?? date.AddDays(QuoteRules.DefaultValidityDays);
        var items = DocumentItemRules.Build(input.Items, [], services, products, validation);
        QuoteRules.CheckHeader(date, validUntil, input.Notes, validation);
        validation.ThrowIfInvalid();

        var number = await counters.NextAsync("quote", ct);
        var now = clock.GetUtcNow();
        var context = table.Context;
        var quote = new Quote
        {
            Id = Ids.New(now),
            Number = number,
            Status = QuoteStatus.Aberto,
            CustomerId = customer!.Id,
            CustomerName = customer.LegalName,
            CustomerTaxId = customer.TaxId,
            Date = date,
            ValidUntil = validUntil,
            Notes = input.Notes?.Trim() ?? "",
            Items = items,
            RecentKey = KeyRange.Descending(now),
            CreatedAt = now,
            CreatedBy = context.Actor,
            UpdatedAt = now,
            UpdatedBy = context.Actor,
        };
        var row = table.NewEntity(Quote.RowKey(quote.Id));
        quote.WriteTo(row);
        row.StampCreated(context, now);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        actions.AddRange(IndexActions(quote, null));
        actions.Add(audit.Entry("quote", quote.Id, "created"));
        var etags = await table.SubmitAsync(actions, ct);
        return quote with { ETag = etags[0] };
    }

    public async Task<Page<QuoteListItem>> ListAsync(
        string? q, string? status, string? customerId, bool? expired, int pageSize, string? continuation, CancellationToken ct)
    {
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<QuoteStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                throw AppException.Validation("status", "Status inválido. Use Aberto ou Convertido.");
            }

            filters.Add(TableClient.CreateQueryFilter($"Status eq {parsed.ToString()}"));
        }

        if (expired is { } wantExpired)
        {
            // Dates are stored as yyyy-MM-dd strings, so string order is date order and the filter runs on the server.
            var today = SalesOrder.FormatDate(Today);
            filters.Add(wantExpired
                ? TableClient.CreateQueryFilter($"Status eq {nameof(QuoteStatus.Aberto)} and ValidUntil lt {today}")
                : TableClient.CreateQueryFilter($"(Status ne {nameof(QuoteStatus.Aberto)} or ValidUntil ge {today})"));
        }

        string prefix;
        if (string.IsNullOrWhiteSpace(customerId))
        {
            prefix = "quote-recent|";
        }
        else if (Ids.IsWellFormed(customerId))
        {
            prefix = KeyRange.Key("quote-customer", customerId) + "|";
        }
        else
        {
            throw AppException.Validation("customerId", "Cliente inválido.");
        }

        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(prefix, pageSize, continuation, match, filters.Count == 0 ? null : string.Join(" and ", filters), ct: ct);
        var todayDate = Today;
        var items = page.Items.Select(row =>
        {
            var quote = new Quote
            {
                Id = row.GetString("QuoteId") ?? "",
                Number = row.GetInt64("Number") ?? 0,
                Status = Enum.TryParse<QuoteStatus>(row.GetString("Status"), out var s) ? s : QuoteStatus.Aberto,
                CustomerId = row.GetString("CustomerId") ?? "",
                CustomerName = row.GetString("CustomerName") ?? "",
                Date = SalesOrder.ParseDate(row.GetString("Date")) ?? default,
                ValidUntil = SalesOrder.ParseDate(row.GetString("ValidUntil")) ?? default,
                ConvertedOrderNumber = row.GetInt64("ConvertedOrderNumber"),
            };
            return new QuoteListItem(
                quote.Id,
                quote.Number,
                quote.Status.ToString(),
                QuoteRules.Label(quote, todayDate),
                QuoteRules.IsExpired(quote, todayDate),
                quote.CustomerId,
                quote.CustomerName,
                quote.Date,
                quote.ValidUntil,
                row.GetDecimal("Total") ?? 0,
                quote.ConvertedOrderNumber);
        }).ToList();
        return new Page<QuoteListItem>(items, page.Continuation);
    }

    public async Task<Quote> UpdateAsync(string id, ETag ifMatch, QuoteInput input, CancellationToken ct)
    {
        var (quote, row) = await LoadAsync(id, ct);
        RequireCurrent(quote, ifMatch);
        if (QuoteRules.ChangeRefusal(quote) is { } refusal)
        {
            throw AppException.InvalidState(refusal);
        }

        var validation = new Validation();
        var (customer, services, products) = await ResolveAsync(input with { CustomerId = input.CustomerId ?? quote.CustomerId }, quote, validation, ct);
        var date = input.Date ?? quote.Date;
        var validUntil = input.ValidUntil ?? quote.ValidUntil;
        var items = DocumentItemRules.Build(input.Items, quote.Items, services, products, validation);
        QuoteRules.CheckHeader(date, validUntil, input.Notes, validation);
        validation.ThrowIfInvalid();

        var after = quote with
        {
            CustomerId = customer!.Id,
            CustomerName = customer.LegalName,
            CustomerTaxId = customer.TaxId,
            Date = date,
            ValidUntil = validUntil,
            Notes = input.Notes?.Trim() ?? "",
            Items = items,
        };
        return await SaveAsync(quote, after, row, "updated", ct);
    }

    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct)
    {
        var (quote, _) = await LoadAsync(id, ct);
        RequireCurrent(quote, ifMatch);
        if (QuoteRules.ChangeRefusal(quote) is { } refusal)
        {
            throw AppException.InvalidState(refusal);
        }

        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(Quote.RowKey(quote.Id)), quote.ETag),
            new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(KeyRange.Key("quote-recent", quote.RecentKey, quote.Id)), ETag.All),
            new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(KeyRange.Key("quote-customer", quote.CustomerId, quote.Id)), ETag.All),
            .. CrmReferences.CatalogueRefActions(table, quote.Items, [], "quote", quote.Id, ""),
            audit.Entry("quote", quote.Id, "deleted", $"Orçamento nº {quote.Number}"),
        ], ct);
    }

    /// <summary>
    /// Quote → sales order (Centrium 2.3): the order (in Proposta, with the quote's items) and the quote marked as
    /// converted commit in one batch; with "gerar oportunidade" the order generates when it is confirmed.
    /// </summary>
    public async Task<SalesOrder> ConvertAsync(string id, ETag ifMatch, QuoteConversion conversion, CancellationToken ct)
    {
        var (quote, row) = await LoadAsync(id, ct);
        RequireCurrent(quote, ifMatch);
        var today = Today;
        if (QuoteRules.ConversionRefusal(quote, today) is { } refusal)
        {
            throw AppException.InvalidState(refusal);
        }

        var input = new SalesOrderInput(
            quote.CustomerId,
            Date: null,
            ValidUntil: quote.ValidUntil,
            conversion.SalespersonId,
            conversion.PaymentTerms,
            conversion.PaymentMethod,
            Installments: null,
            conversion.Project,
            conversion.ContractId,
            quote.Notes,
            conversion.GenerateOpportunity,
            quote.Items.Select(i => new DocumentItemInput(
                null, i.Kind, i.ServiceId, i.ProductId, i.Description, i.Quantity, i.UnitPrice, i.DiscountKind, i.Discount, i.Note)).ToList());

        IEnumerable<TableTransactionAction> MarkConverted(SalesOrder order)
        {
            var after = quote with
            {
                Status = QuoteStatus.Convertido,
                ConvertedOrderId = order.Id,
                ConvertedOrderNumber = order.Number,
                ConvertedAt = clock.GetUtcNow(),
            };
            after.WriteTo(row);
            row.StampUpdated(table.Context, clock.GetUtcNow());
            yield return new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, quote.ETag);
            foreach (var action in IndexActions(after, quote))
            {
                yield return action;
            }

            yield return audit.Entry("quote", quote.Id, "converted", $"Pedido nº {order.Number}");
        }

        return await orders.CreateAsync(input, new OrderOrigin(quote.Id, quote.Number, null, MarkConverted), ct);
    }

    public async Task<(Quote Quote, TableEntity Row)> LoadAsync(string id, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw AppException.NotFound(NotFoundDetail);
        }

        var row = await table.GetRequiredAsync(Quote.RowKey(id), NotFoundDetail, ct);
        return (Quote.FromEntity(row), row);
    }

    private IEnumerable<TableTransactionAction> IndexActions(Quote quote, Quote? previous)
    {
        var recent = table.NewEntity(KeyRange.Key("quote-recent", quote.RecentKey, quote.Id));
        quote.WriteListFields(recent);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, recent);
        var byCustomer = table.NewEntity(KeyRange.Key("quote-customer", quote.CustomerId, quote.Id));
        quote.WriteListFields(byCustomer);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, byCustomer);
        if (previous is not null && previous.CustomerId != quote.CustomerId)
        {
            yield return new TableTransactionAction(
                TableTransactionActionType.Delete, table.NewEntity(KeyRange.Key("quote-customer", previous.CustomerId, quote.Id)), ETag.All);
        }

        foreach (var reference in CrmReferences.CatalogueRefActions(table, previous?.Items, quote.Items, "quote", quote.Id, $"orçamento nº {quote.Number}"))
        {
            yield return reference;
        }
    }

    private async Task<Quote> SaveAsync(Quote before, Quote after, TableEntity row, string auditAction, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        after.WriteTo(row);
        row.StampUpdated(table.Context, now);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, before.ETag) };
        actions.AddRange(IndexActions(after, before));
        actions.Add(audit.Entry("quote", after.Id, auditAction));
        var etags = await table.SubmitAsync(actions, ct);
        return after with { ETag = etags[0], UpdatedAt = now, UpdatedBy = table.Context.Actor };
    }

    private async Task<(CustomerRef? Customer, IReadOnlyDictionary<string, CatalogueEntry> Services, IReadOnlyDictionary<string, CatalogueEntry> Products)> ResolveAsync(
        QuoteInput input, Quote? existing, Validation validation, CancellationToken ct)
    {
        var items = input.Items ?? [];
        var customerTask = string.IsNullOrWhiteSpace(input.CustomerId) ? Task.FromResult<CustomerRef?>(null) : crm.GetCustomerAsync(input.CustomerId, ct);
        var servicesTask = crm.GetCatalogueAsync("service", items.Select(i => i.ServiceId), ct);
        var productsTask = crm.GetCatalogueAsync("product", items.Select(i => i.ProductId), ct);
        var customer = await customerTask;
        if (string.IsNullOrWhiteSpace(input.CustomerId))
        {
            validation.Add("customerId", "Informe o cliente.");
        }
        else if (customer is null)
        {
            validation.Add("customerId", "Cliente não encontrado.");
        }
        else if (!customer.Active && customer.Id != existing?.CustomerId)
        {
            validation.Add("customerId", $"O cliente {customer.LegalName} está arquivado.");
        }

        return (customer, await servicesTask, await productsTask);
    }

    private static void RequireCurrent(Quote quote, ETag ifMatch)
    {
        if (ifMatch != quote.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }
}
