using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Contracts;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.ServiceOrders;
using CrmSaaS.Functions.Solutions;

namespace CrmSaaS.Functions.Faturamento;

public sealed record AccountView(string Id, string Name, string? TaxId, string? TaxIdFormatted, string? CustomerId);

/// <summary>The billing customer and how it was found: "account" (the account's link), "tax-id" (CNPJ/CPF match), "order" (origin order).</summary>
public sealed record BillingCustomer(string Id, string LegalName, string TradeName, string TaxId, string TaxIdFormatted, string Source);

public sealed record FaturamentoView(
    OpportunityBadge Opportunity,
    AccountView? Account,
    string? AccountTaxId,
    BillingCustomer? MatchedCustomer,
    bool CanCreateFromAccount,
    IReadOnlyList<TicketLine> Lines,
    decimal TicketTotal,
    IReadOnlyList<GeneratedDocument> Documents);

public sealed record ContractOptions(string? Title, DateOnly? StartDate, string? Recurrence);

public sealed record GenerationResult(IReadOnlyList<GeneratedDocument> Created, IReadOnlyList<GeneratedDocument> Documents);

/// <summary>
/// Omie "Faturamento" of an opportunity: find the billing customer (the account's link, else its CNPJ/CPF, else the
/// origin order's customer), or create it from the account, or pick one; then generate a service order, a sales
/// order, a service contract or all three from the ticket, asking before generating a kind a second time.
/// </summary>
public sealed class FaturamentoService(
    TenantTable table,
    CrmReferences crm,
    FaturamentoReferences references,
    SalesOrderStore salesOrders,
    ServiceOrderStore serviceOrders,
    ContractStore contracts,
    TimeProvider clock)
{
    public const string OpportunityNotFound = "Oportunidade não encontrada.";

    public async Task<FaturamentoView> GetAsync(string opportunityId, CancellationToken ct)
    {
        var opportunity = await LoadOpportunityAsync(opportunityId, ct);
        var stagesTask = crm.GetStagesAsync(ct);
        var accountTask = AccountOfAsync(opportunity, ct);
        var documentsTask = DocumentsAsync(opportunity.Id, ct);
        var account = await accountTask;
        var matched = await BillingCustomerAsync(opportunity, account, ct);
        var stages = await stagesTask;
        var taxId = FaturamentoRules.AccountTaxId(account?.TaxId);
        var stageName = stages.FirstOrDefault(s => s.Id == opportunity.StageId)?.Name ?? opportunity.StageId;
        return new FaturamentoView(
            new OpportunityBadge(opportunity.Id, opportunity.Title, opportunity.Status, stageName),
            account is null ? null : new AccountView(account.Id, account.Name, taxId?.Value, taxId?.Formatted, NullIfEmpty(account.CustomerId)),
            taxId?.Value,
            matched,
            account is not null && taxId is not null && matched?.Source != "tax-id",
            opportunity.Lines,
            opportunity.TicketTotal,
            await documentsTask);
    }

    /// <summary>
    /// Sets the billing customer by linking the opportunity's account to it: "match" (the customer with the account's
    /// CNPJ/CPF), "create-from-account" (a new customer from the account's data) or "pick" (a customer the user chose).
    /// </summary>
    public async Task<FaturamentoView> ChooseCustomerAsync(string opportunityId, string? mode, string? customerId, CancellationToken ct)
    {
        var opportunity = await LoadOpportunityAsync(opportunityId, ct);
        if (mode is not ("match" or "create-from-account" or "pick"))
        {
            throw AppException.Validation("mode", "Escolha como definir o cliente: match, create-from-account ou pick.");
        }

        var account = await AccountOfAsync(opportunity, ct)
            ?? throw AppException.InvalidState(opportunity.OriginOrderId.Length > 0
                ? "Esta oportunidade foi gerada por um pedido de venda: o cliente de faturamento é o cliente do pedido."
                : "A oportunidade não tem conta vinculada: vincule uma conta antes de definir o cliente de faturamento.");
        var taxId = FaturamentoRules.AccountTaxId(account.TaxId);
        CustomerRef customer;
        switch (mode)
        {
            case "match":
                customer = (taxId is null ? null : await crm.FindCustomerByTaxIdAsync(taxId.Value.Value, ct))
                    ?? throw AppException.InvalidState(taxId is null
                        ? $"A conta {account.Name} não tem CNPJ/CPF válido: cadastre o cliente ou busque um cliente."
                        : $"Nenhum cliente cadastrado com o CNPJ/CPF {taxId.Value.Formatted}: cadastre o cliente a partir da conta ou busque um cliente.");
                break;

            case "create-from-account":
                if (taxId is null)
                {
                    throw AppException.Validation("mode",
                        $"A conta {account.Name} não tem CNPJ/CPF válido: corrija a conta ou busque um cliente existente.");
                }

                if (await crm.FindCustomerByTaxIdAsync(taxId.Value.Value, ct) is { } existing)
                {
                    throw AppException.Duplicate(
                        $"Já existe um cliente com o CNPJ/CPF {taxId.Value.Formatted}: {existing.LegalName}. Use a opção de vincular o cliente encontrado.");
                }

                try
                {
                    customer = await references.CreateCustomerFromAccountAsync(account, taxId.Value, ct);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 409)
                {
                    throw AppException.Duplicate($"Já existe um cliente com o CNPJ/CPF {taxId.Value.Formatted}.");
                }

                break;

            default:
                if (string.IsNullOrWhiteSpace(customerId))
                {
                    throw AppException.Validation("customerId", "Escolha o cliente de faturamento.");
                }

                customer = await crm.GetCustomerAsync(customerId, ct)
                    ?? throw AppException.Validation("customerId", "Cliente não encontrado.");
                if (!customer.Active)
                {
                    throw AppException.Validation("customerId", $"O cliente {customer.LegalName} está arquivado.");
                }

                break;
        }

        if (account.CustomerId != customer.Id)
        {
            await references.LinkAccountAsync(account, customer, ct);
        }

        return await GetAsync(opportunityId, ct);
    }

    public async Task<GenerationResult> GenerateAsync(
        string opportunityId, IReadOnlyList<string>? requestedKinds, bool confirmDuplicate, ContractOptions? contract, CancellationToken ct)
    {
        var opportunity = await LoadOpportunityAsync(opportunityId, ct);
        var validation = new Validation();
        var kinds = FaturamentoRules.ParseKinds(requestedKinds, validation);
        foreach (var kind in kinds)
        {
            if (FaturamentoRules.MissingLines(kind, opportunity.Lines) is { } missing)
            {
                validation.Add("kinds", missing);
            }
        }

        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        var recurrence = string.IsNullOrWhiteSpace(contract?.Recurrence) ? "monthly" : contract.Recurrence;
        if (kinds.Contains(DocumentLinks.Contract))
        {
            validation.Check(FaturamentoRules.Recurrences.Contains(recurrence), "contract.recurrence",
                "Recorrência inválida. Use monthly, quarterly, yearly ou once.");
            validation.MaxLength(contract?.Title, 200, "contract.title", "O título do contrato");
        }

        validation.ThrowIfInvalid();

        var account = await AccountOfAsync(opportunity, ct);
        var billing = await BillingCustomerAsync(opportunity, account, ct)
            ?? throw AppException.InvalidState(
                "Defina o cliente de faturamento antes de gerar documentos: vincule o cliente com o CNPJ/CPF da conta, cadastre-o a partir da conta ou busque um cliente.");
        var customer = (await crm.GetCustomerAsync(billing.Id, ct))!;

        var existing = await DocumentsAsync(opportunity.Id, ct);
        if (!confirmDuplicate && FaturamentoRules.DuplicateQuestion(kinds, existing) is { } question)
        {
            var problem = new AppException(409, FaturamentoRules.AlreadyGenerated, question);
            problem.Extensions["documents"] = existing
                .Where(d => kinds.Contains(d.Kind))
                .Select(d => new { kind = d.Kind, id = d.Id, number = d.Number, status = d.Status })
                .ToList();
            throw problem;
        }

        var created = new List<GeneratedDocument>();
        foreach (var kind in kinds)
        {
            created.Add(kind switch
            {
                DocumentLinks.ServiceOrder => await CreateServiceOrderAsync(opportunity, customer, ct),
                DocumentLinks.SalesOrder => await CreateSalesOrderAsync(opportunity, customer, ct),
                _ => await CreateContractAsync(opportunity, customer, contract?.Title, contract?.StartDate ?? today, recurrence, ct),
            });
        }

        return new GenerationResult(created, await DocumentsAsync(opportunity.Id, ct));
    }

    private async Task<GeneratedDocument> CreateServiceOrderAsync(OpportunityRef opportunity, CustomerRef customer, CancellationToken ct)
    {
        var order = await serviceOrders.CreateAsync(
            new ServiceOrderInput(
                customer.Id,
                null,
                null,
                opportunity.Title,
                null,
                null,
                opportunity.Id,
                FaturamentoRules.ItemsFor(DocumentLinks.ServiceOrder, opportunity.Lines)),
            ct);
        return new GeneratedDocument(
            DocumentLinks.ServiceOrder, DocumentLinks.KindLabel(DocumentLinks.ServiceOrder), order.Id, order.Number,
            order.Status, ServiceOrderRules.Label(order.Status), order.Totals.Total, order.CustomerName, order.CreatedAt);
    }

    private async Task<GeneratedDocument> CreateSalesOrderAsync(OpportunityRef opportunity, CustomerRef customer, CancellationToken ct)
    {
        var order = await salesOrders.CreateAsync(
            new SalesOrderInput(
                customer.Id,
                null,
                null,
                null,
                null,
                null,
                null,
                NullIfEmpty(opportunity.Project),
                null,
                null,
                GenerateOpportunity: false,
                FaturamentoRules.ItemsFor(DocumentLinks.SalesOrder, opportunity.Lines)),
            new OrderOrigin(OpportunityId: opportunity.Id),
            ct);
        return new GeneratedDocument(
            DocumentLinks.SalesOrder, DocumentLinks.KindLabel(DocumentLinks.SalesOrder), order.Id, order.Number,
            order.Status.ToString(), order.StatusLabel, order.Totals.Total, order.CustomerName, order.CreatedAt);
    }

    /// <summary>A draft service contract with the ticket's services, created by the contracts feature (its rows, refs and index).</summary>
    private async Task<GeneratedDocument> CreateContractAsync(
        OpportunityRef opportunity, CustomerRef customer, string? title, DateOnly startDate, string recurrence, CancellationToken ct)
    {
        var lines = FaturamentoRules.ItemsFor(DocumentLinks.Contract, opportunity.Lines)
            .Select(i => new ServiceLineRequest(i.ServiceId, i.Description, null, i.Quantity, i.UnitPrice,
                ServiceLineRules.DiscountKindValue(i.DiscountKind ?? DiscountKind.None), i.Discount))
            .ToList();
        var request = new ContractRequest(
            customer.Id, string.IsNullOrWhiteSpace(title) ? opportunity.Title : title.Trim(), startDate, null, recurrence, lines, null, opportunity.Id);
        var created = clock.GetUtcNow();
        var contract = await contracts.CreateAsync(request, c =>
        [
            DocumentLinks.Upsert(table, opportunity.Id, DocumentLinks.Contract, c.Id, c.Number, c.Status,
                FaturamentoReferences.ContractStatusLabel(c.Status), c.Total, customer.LegalName, created),
        ], ct);
        return new GeneratedDocument(
            DocumentLinks.Contract, DocumentLinks.KindLabel(DocumentLinks.Contract), contract.Id, contract.Number,
            contract.Status, FaturamentoReferences.ContractStatusLabel(contract.Status), contract.Total, customer.LegalName, created);
    }

    private async Task<OpportunityRef> LoadOpportunityAsync(string opportunityId, CancellationToken ct) =>
        await crm.GetOpportunityAsync(opportunityId, ct) ?? throw AppException.NotFound(OpportunityNotFound);

    private async Task<AccountRef?> AccountOfAsync(OpportunityRef opportunity, CancellationToken ct) =>
        opportunity.AccountId.Length == 0 ? null : await references.GetAccountAsync(opportunity.AccountId, ct);

    private async Task<BillingCustomer?> BillingCustomerAsync(OpportunityRef opportunity, AccountRef? account, CancellationToken ct)
    {
        if (account is { CustomerId.Length: > 0 } && await crm.GetCustomerAsync(account.CustomerId, ct) is { } linked)
        {
            return ToBilling(linked, "account");
        }

        if (FaturamentoRules.AccountTaxId(account?.TaxId) is { } taxId && await crm.FindCustomerByTaxIdAsync(taxId.Value, ct) is { } matched)
        {
            return ToBilling(matched, "tax-id");
        }

        if (opportunity.CustomerId.Length > 0 && await crm.GetCustomerAsync(opportunity.CustomerId, ct) is { } ofOrder)
        {
            return ToBilling(ofOrder, "order");
        }

        return null;
    }

    private async Task<IReadOnlyList<GeneratedDocument>> DocumentsAsync(string opportunityId, CancellationToken ct)
    {
        var rows = new List<GeneratedDocument>();
        await foreach (var row in table.QueryPrefixAsync(DocumentLinks.Prefix(opportunityId), ct: ct))
        {
            var kind = row.GetString("Kind") ?? "";
            rows.Add(new GeneratedDocument(
                kind,
                DocumentLinks.KindLabel(kind),
                row.GetString("DocumentId") ?? "",
                row.GetInt64("Number") ?? 0,
                row.GetString("Status") ?? "",
                row.GetString("StatusLabel") ?? "",
                row.GetDecimal("Total") ?? 0,
                row.GetString("CustomerName") ?? "",
                row.GetDateTimeOffset("CreatedAt") ?? default));
        }

        var live = await references.DocumentStatusesAsync(rows.Select(r => (r.Kind, r.Id)), ct);
        return rows
            .Select(r => live.TryGetValue(r.Id, out var status) ? r with { Status = status.Status, StatusLabel = status.Label } : r)
            .OrderBy(r => r.CreatedAt)
            .ToList();
    }

    private static BillingCustomer ToBilling(CustomerRef customer, string source)
    {
        var formatted = TaxId.TryParse(customer.TaxId, out var taxId) ? taxId.Formatted : customer.TaxId;
        return new BillingCustomer(customer.Id, customer.LegalName, customer.TradeName, customer.TaxId, formatted, source);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
