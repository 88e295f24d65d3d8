using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.ServiceOrders;

public sealed record ServiceOrderInput(
    string? CustomerId,
    DateOnly? Date,
    DateOnly? ExpectedDate,
    string? Description,
    string? Notes,
    string? ContractId,
    string? OpportunityId,
    IReadOnlyList<DocumentItemInput>? Items);

public sealed record ServiceOrderListItem(
    string Id,
    long Number,
    string Status,
    string StatusLabel,
    string CustomerId,
    string CustomerName,
    DateOnly Date,
    DateOnly? ExpectedDate,
    string Description,
    decimal Total,
    string? OpportunityId);

/// <summary>
/// Service orders in the tenant's partition: <c>service-order|id</c> with <c>service-order-recent|</c>,
/// <c>service-order-customer|</c> and (when linked) <c>doc-opp|</c> rows, written in the same batch.
/// </summary>
public sealed class ServiceOrderStore(
    TenantTable table,
    TenantCounters counters,
    AuditLog audit,
    CrmReferences crm,
    TimeProvider clock)
{
    public const string NotFoundDetail = "Ordem de serviço não encontrada.";

    public async Task<ServiceOrder> GetAsync(string id, CancellationToken ct) => (await LoadAsync(id, ct)).Order;

    public async Task<ServiceOrder> CreateAsync(ServiceOrderInput input, CancellationToken ct)
    {
        var validation = new Validation();
        var resolved = await ResolveAsync(input, null, validation, ct);
        var date = input.Date ?? BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        var items = DocumentItemRules.Build(input.Items, [], resolved.Services, new Dictionary<string, CatalogueEntry>(), validation, servicesOnly: true);
        ServiceOrderRules.CheckHeader(input.Description, input.Notes, date, input.ExpectedDate, validation);
        validation.ThrowIfInvalid();

        var number = await counters.NextAsync("service-order", ct);
        var now = clock.GetUtcNow();
        var context = table.Context;
        var order = new ServiceOrder
        {
            Id = Ids.New(now),
            Number = number,
            Status = ServiceOrderRules.Aberta,
            CustomerId = resolved.Customer!.Id,
            CustomerName = resolved.Customer.LegalName,
            CustomerTaxId = resolved.Customer.TaxId,
            Date = date,
            ExpectedDate = input.ExpectedDate,
            Description = input.Description?.Trim() ?? "",
            Notes = input.Notes?.Trim() ?? "",
            Items = items,
            OpportunityId = resolved.OpportunityId ?? "",
            ContractId = resolved.Contract?.Id ?? "",
            ContractNumber = resolved.Contract?.Number,
            StatusChangedAt = now,
            RecentKey = KeyRange.Descending(now),
            CreatedAt = now,
            CreatedBy = context.Actor,
            UpdatedAt = now,
            UpdatedBy = context.Actor,
        };
        var row = table.NewEntity(ServiceOrder.RowKey(order.Id));
        order.WriteTo(row);
        row.StampCreated(context, now);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        actions.AddRange(IndexActions(order, null));
        actions.Add(audit.Entry("service-order", order.Id, "created"));
        var etags = await table.SubmitAsync(actions, ct);
        return order with { ETag = etags[0] };
    }

    public async Task<Page<ServiceOrderListItem>> ListAsync(
        string? q, string? status, string? customerId, int pageSize, string? continuation, CancellationToken ct)
    {
        string? andFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!ServiceOrderRules.IsKnown(status))
            {
                throw AppException.Validation("status", "Status inválido. Use aberta, em-execucao, concluida, faturada ou cancelada.");
            }

            andFilter = TableClient.CreateQueryFilter($"Status eq {status}");
        }

        string prefix;
        if (string.IsNullOrWhiteSpace(customerId))
        {
            prefix = "service-order-recent|";
        }
        else if (Ids.IsWellFormed(customerId))
        {
            prefix = KeyRange.Key("service-order-customer", customerId) + "|";
        }
        else
        {
            throw AppException.Validation("customerId", "Cliente inválido.");
        }

        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(prefix, pageSize, continuation, match, andFilter, ct: ct);
        var items = page.Items.Select(row =>
        {
            var rowStatus = row.GetString("Status") ?? ServiceOrderRules.Aberta;
            var opportunityId = row.GetString("OpportunityId");
            return new ServiceOrderListItem(
                row.GetString("ServiceOrderId") ?? "",
                row.GetInt64("Number") ?? 0,
                rowStatus,
                ServiceOrderRules.Label(rowStatus),
                row.GetString("CustomerId") ?? "",
                row.GetString("CustomerName") ?? "",
                SalesOrder.ParseDate(row.GetString("Date")) ?? default,
                SalesOrder.ParseDate(row.GetString("ExpectedDate")),
                row.GetString("Description") ?? "",
                row.GetDecimal("Total") ?? 0,
                string.IsNullOrEmpty(opportunityId) ? null : opportunityId);
        }).ToList();
        return new Page<ServiceOrderListItem>(items, page.Continuation);
    }

    public async Task<ServiceOrder> UpdateAsync(string id, ETag ifMatch, ServiceOrderInput input, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        if (ServiceOrderRules.EditRefusal(order.Status) is { } refusal)
        {
            throw AppException.InvalidState(refusal);
        }

        var validation = new Validation();
        if (!string.IsNullOrWhiteSpace(input.OpportunityId) && input.OpportunityId != order.OpportunityId)
        {
            validation.Add("opportunityId", "A oportunidade de uma ordem de serviço não pode ser trocada.");
        }

        var resolved = await ResolveAsync(input with { CustomerId = input.CustomerId ?? order.CustomerId, OpportunityId = null }, order, validation, ct);
        var date = input.Date ?? order.Date;
        var items = DocumentItemRules.Build(input.Items, order.Items, resolved.Services, new Dictionary<string, CatalogueEntry>(), validation, servicesOnly: true);
        ServiceOrderRules.CheckHeader(input.Description, input.Notes, date, input.ExpectedDate, validation);
        validation.ThrowIfInvalid();

        var after = order with
        {
            CustomerId = resolved.Customer!.Id,
            CustomerName = resolved.Customer.LegalName,
            CustomerTaxId = resolved.Customer.TaxId,
            Date = date,
            ExpectedDate = input.ExpectedDate,
            Description = input.Description?.Trim() ?? "",
            Notes = input.Notes?.Trim() ?? "",
            ContractId = resolved.Contract?.Id ?? "",
            ContractNumber = resolved.Contract?.Number,
            Items = items,
        };
        return await SaveAsync(order, after, row, "updated", null, ct);
    }

    public async Task<ServiceOrder> ChangeStatusAsync(string id, ETag ifMatch, string? status, string? note, CancellationToken ct)
    {
        var (order, row) = await LoadAsync(id, ct);
        RequireCurrent(order, ifMatch);
        var validation = new Validation()
            .Required(status, "status", "Informe o novo status.")
            .MaxLength(note, ServiceOrderRules.MaxStatusNote, "note", "A observação");
        validation.ThrowIfInvalid();
        if (ServiceOrderRules.TransitionRefusal(order.Status, status!) is { } refusal)
        {
            throw ServiceOrderRules.IsKnown(status) ? AppException.InvalidState(refusal) : AppException.Validation("status", refusal);
        }

        var after = order with { Status = status!, StatusChangedAt = clock.GetUtcNow(), StatusNote = note?.Trim() ?? "" };
        return await SaveAsync(
            order, after, row, "status", $"{ServiceOrderRules.Label(order.Status)} → {ServiceOrderRules.Label(status!)}{(after.StatusNote.Length > 0 ? ": " + after.StatusNote : "")}", ct);
    }

    public async Task<(ServiceOrder Order, TableEntity Row)> LoadAsync(string id, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw AppException.NotFound(NotFoundDetail);
        }

        var row = await table.GetRequiredAsync(ServiceOrder.RowKey(id), NotFoundDetail, ct);
        return (ServiceOrder.FromEntity(row), row);
    }

    private IEnumerable<TableTransactionAction> IndexActions(ServiceOrder order, ServiceOrder? previous)
    {
        var recent = table.NewEntity(KeyRange.Key("service-order-recent", order.RecentKey, order.Id));
        order.WriteListFields(recent);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, recent);
        var byCustomer = table.NewEntity(KeyRange.Key("service-order-customer", order.CustomerId, order.Id));
        order.WriteListFields(byCustomer);
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, byCustomer);
        if (previous is not null && previous.CustomerId != order.CustomerId)
        {
            yield return new TableTransactionAction(
                TableTransactionActionType.Delete, table.NewEntity(KeyRange.Key("service-order-customer", previous.CustomerId, order.Id)), ETag.All);
        }

        if (order.OpportunityId.Length > 0)
        {
            yield return DocumentLinks.Upsert(
                table,
                order.OpportunityId,
                DocumentLinks.ServiceOrder,
                order.Id,
                order.Number,
                order.Status,
                ServiceOrderRules.Label(order.Status),
                order.Totals.Total,
                order.CustomerName,
                order.CreatedAt);
        }

        foreach (var reference in CrmReferences.CatalogueRefActions(table, previous?.Items, order.Items, "service-order", order.Id, $"ordem de serviço nº {order.Number}"))
        {
            yield return reference;
        }
    }

    private async Task<ServiceOrder> SaveAsync(
        ServiceOrder before, ServiceOrder after, TableEntity row, string auditAction, string? details, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        after.WriteTo(row);
        row.StampUpdated(table.Context, now);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, before.ETag) };
        actions.AddRange(IndexActions(after, before));
        actions.Add(audit.Entry("service-order", after.Id, auditAction, details));
        var etags = await table.SubmitAsync(actions, ct);
        return after with { ETag = etags[0], UpdatedAt = now, UpdatedBy = table.Context.Actor };
    }

    private sealed record Resolved(
        CustomerRef? Customer,
        ContractRef? Contract,
        string? OpportunityId,
        IReadOnlyDictionary<string, CatalogueEntry> Services);

    private async Task<Resolved> ResolveAsync(ServiceOrderInput input, ServiceOrder? existing, Validation validation, CancellationToken ct)
    {
        var items = input.Items ?? [];
        var customerTask = string.IsNullOrWhiteSpace(input.CustomerId) ? Task.FromResult<CustomerRef?>(null) : crm.GetCustomerAsync(input.CustomerId, ct);
        var contractTask = string.IsNullOrWhiteSpace(input.ContractId) ? Task.FromResult<ContractRef?>(null) : crm.GetContractAsync(input.ContractId, ct);
        var opportunityTask = string.IsNullOrWhiteSpace(input.OpportunityId) ? Task.FromResult(false) : crm.OpportunityExistsAsync(input.OpportunityId, ct);
        var servicesTask = crm.GetCatalogueAsync("service", items.Select(i => i.ServiceId), ct);
        await Task.WhenAll(customerTask, contractTask, opportunityTask, servicesTask);

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

        if (!string.IsNullOrWhiteSpace(input.OpportunityId) && !await opportunityTask)
        {
            validation.Add("opportunityId", "Oportunidade não encontrada.");
        }

        var opportunityId = string.IsNullOrWhiteSpace(input.OpportunityId) ? null : input.OpportunityId;
        return new Resolved(customer, contract, opportunityId, await servicesTask);
    }

    private static void RequireCurrent(ServiceOrder order, ETag ifMatch)
    {
        if (ifMatch != order.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }
}
