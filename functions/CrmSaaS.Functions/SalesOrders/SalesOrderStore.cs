using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.SalesOrders;

/// <summary>What a client sends to create or change an order (the "capa" plus the items).</summary>
public sealed record SalesOrderInput(
    string? CustomerId,
    DateOnly? Date,
    DateOnly? ValidUntil,
    string? SalespersonId,
    string? PaymentTerms,
    string? PaymentMethod,
    IReadOnlyList<InstallmentInput>? Installments,
    string? Project,
    string? ContractId,
    string? Notes,
    bool? GenerateOpportunity,
    IReadOnlyList<DocumentItemInput>? Items);

public sealed record InstallmentInput(DateOnly? DueDate, decimal? Amount);

/// <summary>
/// Where a new order comes from besides the order form: a converted quote or an opportunity's "Faturamento".
/// <see cref="ExtraActions"/> (e.g. the quote marked as converted into the new order) commit in the same batch as the order.
/// </summary>
public sealed record OrderOrigin(
    string? QuoteId = null,
    long? QuoteNumber = null,
    string? OpportunityId = null,
    Func<SalesOrder, IEnumerable<TableTransactionAction>>? ExtraActions = null);

public sealed record SalesOrderListItem(
    string Id,
    long Number,
    string Status,
    string StatusLabel,
    string CustomerId,
    string CustomerName,
    DateOnly Date,
    decimal Total,
    string SalespersonName,
    string? OpportunityId);

/// <summary>The message of the <c>order-events</c> queue: which order, and why (for the log).</summary>
public sealed record OrderEventMessage(string OrderId, string Reason);

/// <summary>
/// Sales orders in the tenant's partition: <c>order|id</c> with its index rows (<c>order-number|</c>,
/// <c>order-recent|</c>, <c>order-customer|</c>, <c>doc-opp|</c>) written in the same batch, every change
/// ETag-guarded and audited.
/// </summary>
public sealed class SalesOrderStore(
    TenantTable table,
    TenantCounters counters,
    AuditLog audit,
    CrmReferences crm,
    QueueRuntime queues,
    Stock.StockLedger stock,
    TimeProvider clock)
{
    public const string OrderEventsQueue = "order-events";
    public const string ProposalPdfQueue = "proposal-pdf";
    public const string NotFoundDetail = "Pedido de venda não encontrado.";

    public async Task<SalesOrder> GetAsync(string id, CancellationToken ct) => (await LoadAsync(id, ct)).Order;

    public async Task<SalesOrder> CreateAsync(SalesOrderInput input, OrderOrigin? origin, CancellationToken ct)
    {
        origin ??= new OrderOrigin();
        var validation = new Validation();
        var context = table.Context;
        var resolved = await ResolveAsync(input, null, validation, ct);
        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        var date = input.Date ?? today;
        var items = DocumentItemRules.Build(input.Items, [], resolved.Services, resolved.Products, validation);
        var total = DocumentItemRules.Totals(items).Total;
        var (installments, terms) = SalesOrderRules.PlanInstallments(total, date, input.PaymentTerms, Typed(input.Installments), validation);
        SalesOrderRules.CheckHeader(input.Project, input.Notes, input.PaymentMethod, date, input.ValidUntil, validation);
        var generate = input.GenerateOpportunity ?? (resolved.Settings.Enabled && resolved.Settings.DefaultGenerate && origin.OpportunityId is null);
        if (generate && !resolved.Settings.Enabled)
        {
            validation.Add("generateOpportunity", "A geração de oportunidade a partir do pedido está desativada nas configurações.");
        }

        validation.ThrowIfInvalid();

        var number = await counters.NextAsync("order", ct);
        var now = clock.GetUtcNow();
        var id = Ids.New(now);
        var order = new SalesOrder
        {
            Id = id,
            Number = number,
            Status = SalesOrderStatus.Proposta,
            CustomerId = resolved.Customer!.Id,
            CustomerName = resolved.Customer.LegalName,
            CustomerTaxId = resolved.Customer.TaxId,
            Date = date,
            ValidUntil = input.ValidUntil,
            SalespersonId = resolved.Salesperson?.Id ?? context.UserId ?? "",
            SalespersonName = resolved.Salesperson?.Name ?? context.UserName ?? "",
            PaymentTerms = terms,
            PaymentMethod = input.PaymentMethod?.Trim() ?? "",
            Installments = installments,
            Project = input.Project?.Trim() ?? "",
            ContractId = resolved.Contract?.Id ?? "",
            ContractNumber = resolved.Contract?.Number,
            ContractTitle = resolved.Contract?.Title ?? "",
            Notes = input.Notes?.Trim() ?? "",
            GenerateOpportunity = generate,
            OpportunityId = origin.OpportunityId ?? "",
            QuoteId = origin.QuoteId ?? "",
            QuoteNumber = origin.QuoteNumber,
            Items = items,
            StatusChangedAt = now,
            RecentKey = KeyRange.Descending(now),
            CreatedAt = now,
        };

        var row = table.NewEntity(SalesOrder.RowKey(id));
        order.WriteTo(row);
        row.StampCreated(context, now);
        var numberRow = table.NewEntity(KeyRange.Key("order-number", number.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)));
        numberRow["OrderId"] = id;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.Add, numberRow),
        };
        actions.AddRange(IndexActions(order, previous: null));
        actions.Add(audit.Entry("order", id, "created", origin.QuoteNumber is { } q ? $"Convertido do orçamento nº {q}" : null));
        actions.AddRange(origin.ExtraActions?.Invoke(order) ?? []);
        var etags = await table.SubmitAsync(actions, ct);
        var created = order with
        {
            ETag = etags[0],
            CreatedBy = context.Actor,
            UpdatedAt = now,
            UpdatedBy = context.Actor,
        };
        await EnqueueProposalPdfAsync(created, "created", ct);
        return created;
    }

    public async Task<Page<SalesOrderListItem>> ListAsync(
        string? q, string? status, string? customerId, int pageSize, string? continuation, CancellationToken ct)
    {
        string? andFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<SalesOrderStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                throw AppException.Validation("status", "Status inválido. Use Proposta, Aprovado, Pedido, FaturadoParcial, Faturado ou Cancelado.");
            }

            andFilter = TableClient.CreateQueryFilter($"Status eq {parsed.ToString()}");
        }

        string prefix;
        if (string.IsNullOrWhiteSpace(customerId))
        {
            prefix = "order-recent|";
        }
        else if (Ids.IsWellFormed(customerId))
        {
            prefix = KeyRange.Key("order-customer", customerId) + "|";
        }
        else
        {
            throw AppException.Validation("customerId", "Cliente inválido.");
        }

        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(prefix, pageSize, continuation, match, andFilter, ct: ct);
        var items = page.Items.Select(row =>
        {
            var orderStatus = Enum.TryParse<SalesOrderStatus>(row.GetString("Status"), out var s) ? s : SalesOrderStatus.Proposta;
            return new SalesOrderListItem(
                row.GetString("OrderId") ?? "",
                row.GetInt64("Number") ?? 0,
                orderStatus.ToString(),
                SalesOrderRules.Label(orderStatus),
                row.GetString("CustomerId") ?? "",
                row.GetString("CustomerName") ?? "",
                SalesOrder.ParseDate(row.GetString("Date")) ?? default,
                row.GetDecimal("Total") ?? 0,
                row.GetString("SalespersonName") ?? "",
                NullIfEmpty(row.GetString("OpportunityId")));
        }).ToList();
        return new Page<SalesOrderListItem>(items, page.Continuation);
    }

    public async Task<SalesOrder> UpdateAsync(string id, ETag ifMatch, SalesOrderInput input, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        SalesOrderRules.Require(order, SalesOrderAction.Edit);
        var validation = new Validation();
        var customerChanges = !string.IsNullOrWhiteSpace(input.CustomerId) && input.CustomerId != order.CustomerId;
        if (customerChanges && order.Status != SalesOrderStatus.Proposta)
        {
            validation.Add("customerId", "O cliente só pode ser alterado enquanto o pedido é uma proposta.");
        }

        var resolved = await ResolveAsync(input with { CustomerId = input.CustomerId ?? order.CustomerId }, order, validation, ct);
        var date = input.Date ?? order.Date;
        var items = DocumentItemRules.Build(input.Items, order.Items, resolved.Services, resolved.Products, validation);
        var total = DocumentItemRules.Totals(items).Total;
        IReadOnlyList<Installment> installments;
        string terms;
        if (input.Installments is { Count: > 0 } || !string.IsNullOrWhiteSpace(input.PaymentTerms))
        {
            (installments, terms) = SalesOrderRules.PlanInstallments(total, date, input.PaymentTerms, Typed(input.Installments), validation);
        }
        else
        {
            installments = SalesOrderRules.Replan(order with { Date = date }, total, validation);
            terms = order.PaymentTerms;
        }

        SalesOrderRules.CheckHeader(input.Project, input.Notes, input.PaymentMethod, date, input.ValidUntil, validation);
        var generate = input.GenerateOpportunity ?? order.GenerateOpportunity;
        if (generate && !order.GenerateOpportunity && !resolved.Settings.Enabled)
        {
            validation.Add("generateOpportunity", "A geração de oportunidade a partir do pedido está desativada nas configurações.");
        }

        validation.ThrowIfInvalid();

        var customer = resolved.Customer!;
        var after = order with
        {
            CustomerId = customer.Id,
            CustomerName = customer.LegalName,
            CustomerTaxId = customer.TaxId,
            Date = date,
            ValidUntil = input.ValidUntil,
            SalespersonId = resolved.Salesperson?.Id ?? order.SalespersonId,
            SalespersonName = resolved.Salesperson?.Name ?? order.SalespersonName,
            PaymentTerms = terms,
            PaymentMethod = input.PaymentMethod?.Trim() ?? "",
            Installments = installments,
            Project = input.Project?.Trim() ?? "",
            ContractId = resolved.Contract?.Id ?? "",
            ContractNumber = resolved.Contract?.Number,
            ContractTitle = resolved.Contract?.Title ?? "",
            Notes = input.Notes?.Trim() ?? "",
            GenerateOpportunity = generate,
            Items = items,
        };
        var saved = await SaveAsync(order, after, row, "updated", null, ct, await stock.ChangeActionsAsync(order, after.Items, ct));
        await EnqueueIfPendingAsync(saved, "items-changed", ct);
        await EnqueueProposalPdfAsync(saved, "updated", ct);
        return saved;
    }

    /// <summary>Appends items (Centrium: items inserted after the header); new service units of a confirmed order get their tasks.</summary>
    public async Task<SalesOrder> AddItemsAsync(string id, ETag ifMatch, IReadOnlyList<DocumentItemInput>? inputs, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        SalesOrderRules.Require(order, SalesOrderAction.Edit);
        var validation = new Validation();
        var (services, products) = await CatalogueAsync(inputs, ct);
        var items = DocumentItemRules.Append(inputs, order.Items, services, products, validation);
        var total = DocumentItemRules.Totals(items).Total;
        var installments = SalesOrderRules.Replan(order, total, validation);
        validation.ThrowIfInvalid();

        var after = order with { Items = items, Installments = installments };
        var added = string.Join(", ", items.Skip(order.Items.Count).Select(i => i.Description));
        var saved = await SaveAsync(order, after, row, "items-added", added, ct, await stock.ChangeActionsAsync(order, after.Items, ct));
        await EnqueueIfPendingAsync(saved, "items-added", ct);
        await EnqueueProposalPdfAsync(saved, "items-added", ct);
        return saved;
    }

    /// <summary>Proposta → Aprovado by staff (the customer area approves through its own endpoint, with the signed contract).</summary>
    public async Task<SalesOrder> ApproveAsync(string id, ETag ifMatch, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        var next = SalesOrderRules.Require(order, SalesOrderAction.Approve);
        var after = order with { Status = next, StatusChangedAt = clock.GetUtcNow() };
        return await SaveAsync(order, after, row, "approved", "Proposta → Aprovado", ct);
    }

    /// <summary>
    /// Proposta → Aprovado by the customer (customer area or e-mailed link). The caller has checked the signed
    /// contract and passes the approval record, so the status change, its evidence and the link's state commit together.
    /// </summary>
    public Task<SalesOrder> ApproveByCustomerAsync(
        SalesOrder order, TableEntity row, string auditDetails, IEnumerable<TableTransactionAction> evidence, CancellationToken ct)
    {
        var next = SalesOrderRules.Require(order, SalesOrderAction.Approve);
        var after = order with { Status = next, StatusChangedAt = clock.GetUtcNow() };
        return SaveAsync(order, after, row, "customer-approved", auditDetails, ct, evidence);
    }

    /// <summary>
    /// "Revisar / recusar proposta": an approved proposal goes back to Proposta (a proposal stays one) with a new
    /// revision, so the proposal PDF step renders a new version even when the items did not change.
    /// </summary>
    public async Task<SalesOrder> ReviseAsync(string id, string? reason, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        var validation = new Validation().MaxLength(reason, SalesOrderRules.MaxCancelReason, "reason", "O motivo");
        validation.ThrowIfInvalid();
        if (order.Status is not (SalesOrderStatus.Proposta or SalesOrderStatus.Aprovado))
        {
            throw AppException.InvalidState(order.Status == SalesOrderStatus.Cancelado
                ? "O pedido está cancelado e a proposta não pode ser revisada."
                : "O pedido já foi confirmado; não há proposta a revisar.");
        }

        var after = order with
        {
            Status = SalesOrderStatus.Proposta,
            StatusChangedAt = order.Status == SalesOrderStatus.Proposta ? order.StatusChangedAt : clock.GetUtcNow(),
            ProposalRevision = order.ProposalRevision + 1,
        };
        var details = $"{SalesOrderRules.Label(order.Status)} → Proposta (revisão {after.ProposalRevision})"
            + (string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason.Trim());
        var saved = await SaveAsync(order, after, row, "revised", details, ct);
        await EnqueueProposalPdfAsync(saved, "revised", ct);
        return saved;
    }

    public async Task<SalesOrder> ConfirmAsync(string id, ETag ifMatch, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        SalesOrderRules.Require(order, SalesOrderAction.Confirm);
        return await MoveToPedidoAsync(order, row, ct);
    }

    /// <summary>
    /// The one place where an order becomes a <c>Pedido</c>: the sale is confirmed, so the order → CRM step runs
    /// (when asked), and billing will hook stock deduction here.
    /// </summary>
    public async Task<SalesOrder> MoveToPedidoAsync(SalesOrder order, TableEntity row, CancellationToken ct)
    {
        var after = order with { Status = SalesOrderStatus.Pedido, StatusChangedAt = clock.GetUtcNow() };
        var stockActions = await stock.DeductActionsAsync(order, ct);
        var saved = await SaveAsync(order, after, row, "confirmed", $"{SalesOrderRules.Label(order.Status)} → Pedido", ct, stockActions);
        await EnqueueIfPendingAsync(saved, "confirmed", ct);
        return saved;
    }

    public async Task<SalesOrder> CancelAsync(string id, ETag ifMatch, string? reason, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        var validation = new Validation().MaxLength(reason, SalesOrderRules.MaxCancelReason, "reason", "O motivo");
        validation.ThrowIfInvalid();
        var next = SalesOrderRules.Require(order, SalesOrderAction.Cancel);
        var after = order with { Status = next, StatusChangedAt = clock.GetUtcNow(), CancelReason = reason?.Trim() ?? "" };
        var stockActions = order.Status == SalesOrderStatus.Pedido ? await stock.ReturnActionsAsync(order, ct) : [];
        return await SaveAsync(order, after, row, "cancelled", after.CancelReason, ct, stockActions);
    }

    /// <summary>
    /// "Gerar oportunidade" on an existing order (Centrium 2.4): turns the option on and, for a confirmed order, queues
    /// the step now; a proposal generates when it is confirmed.
    /// </summary>
    public async Task<SalesOrder> RequestOpportunityAsync(string id, ETag ifMatch, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        if (order.Status == SalesOrderStatus.Cancelado)
        {
            throw AppException.InvalidState("O pedido está cancelado: não é possível gerar a oportunidade.");
        }

        var settings = await crm.GetOrderCrmSettingsAsync(ct);
        if (!settings.Enabled)
        {
            throw AppException.InvalidState("A geração de oportunidade a partir do pedido está desativada nas configurações.");
        }

        var saved = order.GenerateOpportunity
            ? order
            : await SaveAsync(order, order with { GenerateOpportunity = true }, row, "generate-opportunity", null, ct);
        await EnqueueIfPendingAsync(saved, "requested", ct);
        return saved;
    }

    /// <summary>Loads an order with its raw row (the row keeps the creation stamps a save must not lose).</summary>
    public async Task<(SalesOrder Order, TableEntity Row)> LoadAsync(string id, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw AppException.NotFound(NotFoundDetail);
        }

        var row = await table.GetRequiredAsync(SalesOrder.RowKey(id), NotFoundDetail, ct);
        return (SalesOrder.FromEntity(row), row);
    }

    /// <summary>The index rows that carry an order's list fields; <paramref name="previous"/> lets a customer change move its row.</summary>
    public IEnumerable<TableTransactionAction> IndexActions(SalesOrder order, SalesOrder? previous)
    {
        var recent = table.NewEntity(KeyRange.Key("order-recent", order.RecentKey, order.Id));
        order.WriteListFields(recent);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, recent);
        var byCustomer = table.NewEntity(KeyRange.Key("order-customer", order.CustomerId, order.Id));
        order.WriteListFields(byCustomer);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, byCustomer);

        // The customer area lists a customer's orders newest first, with each installment, in one range scan.
        var customerRecent = table.NewEntity(CustomerRecentKey(order.CustomerId, order.RecentKey, order.Id));
        order.WriteListFields(customerRecent);
        customerRecent["InstallmentsJson"] = System.Text.Json.JsonSerializer.Serialize(order.Installments, JsonDefaults.Options);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, customerRecent);
        if (previous is not null && previous.CustomerId != order.CustomerId)
        {
            yield return new TableTransactionAction(
                TableTransactionActionType.Delete, table.NewEntity(KeyRange.Key("order-customer", previous.CustomerId, order.Id)), ETag.All);
            yield return new TableTransactionAction(
                TableTransactionActionType.Delete, table.NewEntity(CustomerRecentKey(previous.CustomerId, order.RecentKey, order.Id)), ETag.All);
        }

        if (order.OpportunityId.Length > 0)
        {
            yield return DocumentLinkAction(order);
        }

        foreach (var reference in CrmReferences.CatalogueRefActions(table, previous?.Items, order.Items, "order", order.Id, $"pedido nº {order.Number}"))
        {
            yield return reference;
        }
    }

    /// <summary><c>order-customer-recent|&lt;customerId&gt;|&lt;RecentKey&gt;|&lt;id&gt;</c>: a customer's orders, newest first.</summary>
    public static string CustomerRecentKey(string customerId, string recentKey, string orderId) =>
        KeyRange.Key("order-customer-recent", customerId, recentKey, orderId);

    /// <summary>The <c>doc-opp|&lt;oppId&gt;|sales-order|&lt;id&gt;</c> row through which the opportunity lists this order.</summary>
    public TableTransactionAction DocumentLinkAction(SalesOrder order) => DocumentLinks.Upsert(
        table,
        order.OpportunityId,
        DocumentLinks.SalesOrder,
        order.Id,
        order.Number,
        order.Status.ToString(),
        SalesOrderRules.Label(order.Status),
        order.Totals.Total,
        order.CustomerName,
        order.CreatedAt == default ? clock.GetUtcNow() : order.CreatedAt);

    private async Task<SalesOrder> SaveAsync(
        SalesOrder before, SalesOrder after, TableEntity row, string auditAction, string? auditDetails, CancellationToken ct,
        IEnumerable<TableTransactionAction>? extraActions = null)
    {
        var now = clock.GetUtcNow();
        after.WriteTo(row);
        row.StampUpdated(table.Context, now);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, before.ETag) };
        actions.AddRange(IndexActions(after, before));
        actions.Add(audit.Entry("order", after.Id, auditAction, auditDetails));
        actions.AddRange(extraActions ?? []);
        var etags = await table.SubmitAsync(actions, ct);
        return after with { ETag = etags[0], UpdatedAt = now, UpdatedBy = table.Context.Actor };
    }

    private async Task EnqueueIfPendingAsync(SalesOrder order, string reason, CancellationToken ct)
    {
        if (OrderCrmRules.GenerationState(order) == "pending")
        {
            await queues.SendAsync(table.TenantId, OrderEventsQueue, new OrderEventMessage(order.Id, reason), ct: ct);
        }
    }

    /// <summary>Every change of a proposal gets its PDF (re)rendered; the step makes no new version when nothing printed changed.</summary>
    private async Task EnqueueProposalPdfAsync(SalesOrder order, string reason, CancellationToken ct)
    {
        if (order.Status == SalesOrderStatus.Proposta)
        {
            await queues.SendAsync(table.TenantId, ProposalPdfQueue, new OrderEventMessage(order.Id, reason), ct: ct);
        }
    }

    private static void RequireCurrent(SalesOrder order, ETag ifMatch)
    {
        if (ifMatch != order.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }

    private sealed record Resolved(
        CustomerRef? Customer,
        UserRef? Salesperson,
        ContractRef? Contract,
        IReadOnlyDictionary<string, CatalogueEntry> Services,
        IReadOnlyDictionary<string, CatalogueEntry> Products,
        OrderCrmSettings Settings);

    /// <summary>Reads everything the input points at (in parallel) and records what is missing as field errors.</summary>
    private async Task<Resolved> ResolveAsync(SalesOrderInput input, SalesOrder? existing, Validation validation, CancellationToken ct)
    {
        var customerTask = string.IsNullOrWhiteSpace(input.CustomerId) ? Task.FromResult<CustomerRef?>(null) : crm.GetCustomerAsync(input.CustomerId, ct);
        var wantsOtherSalesperson = !string.IsNullOrWhiteSpace(input.SalespersonId)
            && input.SalespersonId != (existing?.SalespersonId ?? table.Context.UserId);
        var salespersonTask = wantsOtherSalesperson ? crm.GetUserAsync(input.SalespersonId!, ct) : Task.FromResult<UserRef?>(null);
        var contractTask = string.IsNullOrWhiteSpace(input.ContractId) ? Task.FromResult<ContractRef?>(null) : crm.GetContractAsync(input.ContractId, ct);
        var catalogueTask = CatalogueAsync(input.Items, ct);
        var settingsTask = crm.GetOrderCrmSettingsAsync(ct);
        await Task.WhenAll(customerTask, salespersonTask, contractTask, catalogueTask, settingsTask);

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

        var salesperson = await salespersonTask;
        if (wantsOtherSalesperson && salesperson is null)
        {
            validation.Add("salespersonId", "Vendedor não encontrado entre os usuários da empresa.");
        }
        else if (!wantsOtherSalesperson && existing is null && table.Context.IsStaff)
        {
            salesperson = new UserRef(table.Context.UserId ?? "", table.Context.UserName ?? "");
        }

        var contract = await contractTask;
        if (!string.IsNullOrWhiteSpace(input.ContractId))
        {
            if (contract is null)
            {
                validation.Add("contractId", "Contrato não encontrado.");
            }
            else if (customer is not null && contract.CustomerId != customer.Id)
            {
                validation.Add("contractId", $"O contrato nº {contract.Number} não pertence a este cliente.");
            }
        }

        var (services, products) = await catalogueTask;
        return new Resolved(customer, salesperson, contract, services, products, await settingsTask);
    }

    private async Task<(IReadOnlyDictionary<string, CatalogueEntry> Services, IReadOnlyDictionary<string, CatalogueEntry> Products)> CatalogueAsync(
        IReadOnlyList<DocumentItemInput>? items, CancellationToken ct)
    {
        items ??= [];
        var services = crm.GetCatalogueAsync("service", items.Select(i => i.ServiceId), ct);
        var products = crm.GetCatalogueAsync("product", items.Select(i => i.ProductId), ct);
        return (await services, await products);
    }

    private static List<(DateOnly? DueDate, decimal? Amount)>? Typed(IReadOnlyList<InstallmentInput>? installments) =>
        installments?.Select(i => (i.DueDate, i.Amount)).ToList();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
