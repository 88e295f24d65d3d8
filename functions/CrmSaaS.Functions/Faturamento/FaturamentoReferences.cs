using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Faturamento;

public sealed record AccountRef(
    string Id,
    string Name,
    string TaxId,
    string Email,
    string Phone,
    string City,
    string State,
    string CustomerId,
    ETag ETag);

/// <summary>
/// Faturamento's reads and writes on rows owned by the CRM records feature (accounts, customers, contracts), in the
/// shapes of docs/data-model.md, kept in this one file so the owners' stores can replace each method.
/// </summary>
public sealed class FaturamentoReferences(TenantTable table, AuditLog audit, TimeProvider clock)
{
    public async Task<AccountRef?> GetAccountAsync(string accountId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(accountId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("account", accountId), ct);
        return row is null
            ? null
            : new AccountRef(
                accountId,
                row.GetString("Name") ?? "",
                row.GetString("TaxId") ?? "",
                row.GetString("Email") ?? "",
                row.GetString("Phone") ?? "",
                row.GetString("City") ?? "",
                row.GetString("State") ?? "",
                row.GetString("CustomerId") ?? "",
                row.ETag);
    }

    /// <summary>Links the account to the customer that bills it (the account's <c>CustomerId</c>), ETag-guarded.</summary>
    public async Task LinkAccountAsync(AccountRef account, CustomerRef customer, CancellationToken ct)
    {
        var row = table.NewEntity(KeyRange.Key("account", account.Id));
        row["CustomerId"] = customer.Id;
        row["CustomerName"] = customer.LegalName;
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, account.ETag),
            audit.Entry("account", account.Id, "customer-linked", $"{customer.LegalName} ({customer.TaxId})"),
        ], ct);
    }

    /// <summary>
    /// A billing customer from the account's data (Omie: "cadastrar um Cliente a partir da Oportunidade"). The CNPJ/CPF
    /// index row is added in the same batch, so a second customer with the same document cannot be created.
    /// </summary>
    public async Task<CustomerRef> CreateCustomerFromAccountAsync(AccountRef account, TaxId taxId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Ids.New(now);
        var row = table.NewEntity(KeyRange.Key("customer", id));
        row["Id"] = id;
        row["LegalName"] = account.Name;
        row["TradeName"] = account.Name;
        row["TaxId"] = taxId.Value;
        row["TaxIdKind"] = taxId.Kind == TaxIdKind.Cnpj ? "cnpj" : "cpf";
        row["Email"] = account.Email;
        row["Phone"] = account.Phone;
        row["Street"] = "";
        row["Number"] = "";
        row["Complement"] = "";
        row["District"] = "";
        row["City"] = account.City;
        row["State"] = account.State;
        row["PostalCode"] = "";
        row["Status"] = "active";
        row["SearchText"] = SearchText.Of(account.Name, taxId.Value, taxId.Formatted, account.Email, account.City);
        row.StampCreated(table.Context, now);
        var index = table.NewEntity(KeyRange.Key("customer-doc", taxId.Value));
        index["CustomerId"] = id;
        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, row),
            new TableTransactionAction(TableTransactionActionType.Add, index),
            audit.Entry("customer", id, "created", $"Cadastrado a partir da conta {account.Name}"),
        ], ct);
        return new CustomerRef(id, account.Name, account.Name, taxId.Value, true);
    }

    /// <summary>The live status of generated documents (a contract's status is changed by its own feature).</summary>
    public async Task<IReadOnlyDictionary<string, (string Status, string Label)>> DocumentStatusesAsync(
        IEnumerable<(string Kind, string Id)> documents, CancellationToken ct)
    {
        var reads = documents.Select(async d =>
        {
            var rowKey = d.Kind switch
            {
                DocumentLinks.SalesOrder => SalesOrder.RowKey(d.Id),
                DocumentLinks.ServiceOrder => ServiceOrders.ServiceOrder.RowKey(d.Id),
                _ => KeyRange.Key("contract", d.Id),
            };
            var row = await table.GetAsync(rowKey, ["Status"], ct);
            return (d.Id, Status: row?.GetString("Status"), d.Kind);
        });
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (id, status, kind) in await Task.WhenAll(reads))
        {
            if (status is null)
            {
                continue;
            }

            var label = kind switch
            {
                DocumentLinks.SalesOrder => Enum.TryParse<SalesOrderStatus>(status, out var s) ? SalesOrderRules.Label(s) : status,
                DocumentLinks.ServiceOrder => ServiceOrders.ServiceOrderRules.Label(status),
                _ => ContractStatusLabel(status),
            };
            result[id] = (status, label);
        }

        return result;
    }

    public static string ContractStatusLabel(string status) => status switch
    {
        "draft" => "Rascunho",
        "active" => "Ativo",
        "suspended" => "Suspenso",
        "ended" => "Encerrado",
        _ => status,
    };
}
