using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.SalesOrders;

/// <summary>
/// Rows the sales workflows read from the CRM features (customers, catalogue, users, settings, accounts,
/// opportunities), written straight into the tenant's partition in a system scope, in the shapes of docs/data-model.md.
/// </summary>
public sealed class SalesSeed(CrmApp app, TestTenant tenant)
{
    private static readonly Random Random = new(20261123);

    public TestTenant Tenant => tenant;

    public HttpClient Admin => app.Staff(tenant);

    public async Task<T> InTenantAsync<T>(Func<TenantTable, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId, "testes");
        return await work(scope.ServiceProvider.GetRequiredService<TenantTable>());
    }

    public Task InTenantAsync(Func<TenantTable, Task> work) => InTenantAsync(async t =>
    {
        await work(t);
        return true;
    });

    public static TaxId NewCnpj()
    {
        lock (Random)
        {
            return TaxIdGenerator.Cnpj(Random);
        }
    }

    public async Task<string> CustomerAsync(string legalName, TaxId? taxId = null, string status = "active")
    {
        var id = Ids.New();
        var document = taxId ?? NewCnpj();
        await InTenantAsync(async table =>
        {
            var row = table.NewEntity("customer|" + id);
            row["Id"] = id;
            row["LegalName"] = legalName;
            row["TradeName"] = legalName;
            row["TaxId"] = document.Value;
            row["TaxIdKind"] = document.Kind == TaxIdKind.Cnpj ? "cnpj" : "cpf";
            row["Status"] = status;
            var index = table.NewEntity("customer-doc|" + document.Value);
            index["CustomerId"] = id;
            await table.SubmitAsync([new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, index)]);
        });
        return id;
    }

    public async Task<string> ServiceAsync(string description, decimal unitPrice, string? code = null, bool active = true)
    {
        var id = Ids.New();
        await InTenantAsync(table =>
        {
            var row = table.NewEntity("service|" + id);
            row["Id"] = id;
            row["Code"] = code ?? "SRV-" + id[^4..];
            row["Description"] = description;
            row["UnitPrice"] = unitPrice;
            row["MunicipalServiceCode"] = "01.07";
            row["IssRate"] = 2m;
            row["Active"] = active;
            return table.InsertAsync(row);
        });
        return id;
    }

    public async Task<string> ProductAsync(string description, decimal price)
    {
        var id = Ids.New();
        await InTenantAsync(table =>
        {
            var row = table.NewEntity("product|" + id);
            row["Id"] = id;
            row["Code"] = "PRD-" + id[^4..];
            row["Description"] = description;
            row["Price"] = price;
            row["Stock"] = 1000m; // enough for any order in these tests: confirming an order deducts its products (Stock/)
            row["Unit"] = "UN";
            row["Active"] = true;
            return table.InsertAsync(row);
        });
        return id;
    }

    public async Task<string> UserAsync(string name)
    {
        var id = Ids.New();
        await InTenantAsync(table =>
        {
            var row = table.NewEntity("user|" + id);
            row["Name"] = name;
            row["Email"] = $"{id.ToLowerInvariant()}@example.com";
            row["Role"] = Roles.Sales;
            row["Status"] = "active";
            return table.InsertAsync(row);
        });
        return id;
    }

    public Task OrderCrmSettingsAsync(
        bool enabled = true,
        bool defaultGenerate = true,
        string? stageId = "proposta",
        string? titlePattern = null,
        string? taskAssigneeId = null,
        string? taskAssigneeName = null,
        int taskDueDays = 5,
        bool showProjectAndContract = true) =>
        InTenantAsync(table =>
        {
            var row = table.NewEntity("settings|order-crm");
            row["Enabled"] = enabled;
            row["DefaultGenerate"] = defaultGenerate;
            row["StageId"] = stageId ?? "";
            row["TitlePattern"] = titlePattern ?? OrderCrmSettings.DefaultTitlePattern;
            row["TaskAssigneeId"] = taskAssigneeId ?? "";
            row["TaskAssigneeName"] = taskAssigneeName ?? "";
            row["TaskDueDays"] = taskDueDays;
            row["ShowProjectAndContract"] = showProjectAndContract;
            return table.UpsertAsync(row, TableUpdateMode.Replace);
        });

    public async Task<string> AccountAsync(string name, TaxId? taxId, string? customerId = null)
    {
        var id = Ids.New();
        await InTenantAsync(table =>
        {
            var row = table.NewEntity("account|" + id);
            row["Id"] = id;
            row["Name"] = name;
            row["TaxId"] = taxId?.Value ?? "";
            row["Email"] = "contato@" + id.ToLowerInvariant() + ".example.com";
            row["Phone"] = "(11) 3000-0000";
            row["City"] = "São Paulo";
            row["State"] = "SP";
            row["CustomerId"] = customerId ?? "";
            return table.InsertAsync(row);
        });
        return id;
    }

    /// <summary>An opportunity with a ticket of (service or product id, description, quantity, unit price) lines.</summary>
    public async Task<string> OpportunityAsync(string title, string accountId, params (ItemKind Kind, string CatalogueId, string Description, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var id = Ids.New();
        var ticket = lines.Select((l, i) =>
        {
            var amounts = Money.LineTotal(l.Quantity, l.UnitPrice, DiscountKind.None, 0);
            return new TicketLine
            {
                Id = "L" + i,
                Kind = l.Kind,
                ServiceId = l.Kind == ItemKind.Service ? l.CatalogueId : null,
                ProductId = l.Kind == ItemKind.Product ? l.CatalogueId : null,
                Description = l.Description,
                Quantity = l.Quantity,
                UnitPrice = l.UnitPrice,
                Gross = amounts.Gross,
                DiscountAmount = amounts.Discount,
                Total = amounts.Total,
            };
        }).ToList();
        await InTenantAsync(table =>
        {
            var row = table.NewEntity("opportunity|" + id);
            row["Id"] = id;
            row["Title"] = title;
            row["AccountId"] = accountId;
            row["AccountName"] = "Conta";
            row["OwnerId"] = tenant.AdminUserId;
            row["OwnerName"] = "Admin";
            row["StageId"] = "negociacao";
            row["Status"] = "open";
            row["Origin"] = "manual";
            row["TicketJson"] = JsonSerializer.Serialize(ticket, JsonDefaults.Options);
            row["TicketTotal"] = ticket.Sum(l => l.Total);
            return table.InsertAsync(row);
        });
        return id;
    }

    public Task SetOpportunityStatusAsync(string opportunityId, string status, string stageId) => InTenantAsync(table =>
    {
        var row = table.NewEntity("opportunity|" + opportunityId);
        row["Status"] = status;
        row["StageId"] = stageId;
        return table.UpsertAsync(row, TableUpdateMode.Merge);
    });

    public async Task<string> ContractAsync(string customerId, string title = "Contrato de manutenção")
    {
        var id = Ids.New();
        await InTenantAsync(table =>
        {
            var row = table.NewEntity("contract|" + id);
            row["Id"] = id;
            row["Number"] = 7L;
            row["CustomerId"] = customerId;
            row["Title"] = title;
            row["Status"] = "active";
            return table.InsertAsync(row);
        });
        return id;
    }

    public Task<List<TableEntity>> RowsAsync(string prefix) => InTenantAsync(async table =>
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryPrefixAsync(prefix))
        {
            rows.Add(row);
        }

        return rows;
    });

    public Task<TableEntity?> RowAsync(string rowKey) => InTenantAsync(table => table.GetAsync(rowKey));

    /// <summary>Creates an order through the API and returns its JSON.</summary>
    public async Task<JsonElement> CreateOrderAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? Admin).PostAsJsonAsync("/api/sales-orders", body, JsonDefaults.Options);
        return await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? etag)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonDefaults.Options);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }
}
