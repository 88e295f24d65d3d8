using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Opportunities;

/// <summary>
/// Rows owned by other features (accounts, customers, catalogue, solutions, users, documents), written directly with
/// <see cref="TenantTable"/> in a system scope of the tenant, by the shapes in docs/data-model.md.
/// </summary>
public static class CrmTestData
{
    public static async Task<T> InTenantAsync<T>(this CrmApp app, string tenantId, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenantId, "Teste");
        return await action(scope.ServiceProvider);
    }

    public static Task InsertAsync(this CrmApp app, TestTenant tenant, string rowKey, IDictionary<string, object?> properties) =>
        app.InTenantAsync(tenant.TenantId, async services =>
        {
            var table = services.GetRequiredService<TenantTable>();
            var row = table.NewEntity(rowKey);
            foreach (var (key, value) in properties)
            {
                row[key] = value;
            }

            await table.InsertAsync(row);
            return true;
        });

    public static async Task<string> AccountAsync(this CrmApp app, TestTenant tenant, string name, string? customerId = null)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"account|{id}", new Dictionary<string, object?> { ["Id"] = id, ["Name"] = name, ["CustomerId"] = customerId ?? "" });
        return id;
    }

    public static async Task<string> AccountContactAsync(this CrmApp app, TestTenant tenant, string accountId, string name)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"contact|{accountId}|{id}", new Dictionary<string, object?> { ["Id"] = id, ["AccountId"] = accountId, ["Name"] = name });
        return id;
    }

    public static async Task<string> CustomerAsync(this CrmApp app, TestTenant tenant, string legalName, string tradeName, string taxId = "11222333000181")
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"customer|{id}", new Dictionary<string, object?>
        {
            ["Id"] = id, ["LegalName"] = legalName, ["TradeName"] = tradeName, ["TaxId"] = taxId, ["TaxIdKind"] = "cnpj", ["Status"] = "active",
        });
        return id;
    }

    public static async Task<string> CustomerContactAsync(this CrmApp app, TestTenant tenant, string customerId, string name)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"customer-contact|{customerId}|{id}", new Dictionary<string, object?>
        {
            ["Id"] = id, ["CustomerId"] = customerId, ["Name"] = name, ["Email"] = "contato@example.com", ["PortalAccess"] = false,
        });
        return id;
    }

    public static async Task<string> CategoryAsync(this CrmApp app, TestTenant tenant, string name)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"category|{id}", new Dictionary<string, object?> { ["Id"] = id, ["Name"] = name });
        return id;
    }

    public static async Task<string> ServiceAsync(
        this CrmApp app, TestTenant tenant, string description, decimal unitPrice, string? categoryId = null, string? categoryName = null, bool active = true)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"service|{id}", new Dictionary<string, object?>
        {
            ["Id"] = id, ["Code"] = "S" + id[^4..], ["Description"] = description, ["UnitPrice"] = unitPrice, ["CategoryId"] = categoryId ?? "",
            ["CategoryName"] = categoryName ?? "", ["MunicipalServiceCode"] = "1.07", ["IssRate"] = 2m, ["Active"] = active,
        });
        return id;
    }

    public static async Task<string> ProductAsync(this CrmApp app, TestTenant tenant, string description, decimal price)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"product|{id}", new Dictionary<string, object?>
        {
            ["Id"] = id, ["Code"] = "P" + id[^4..], ["Description"] = description, ["Price"] = price, ["Stock"] = 10m, ["Unit"] = "UN", ["Active"] = true,
        });
        return id;
    }

    /// <summary>A solution whose LinesJson is written exactly as the catalogue feature documents it.</summary>
    public static async Task<string> SolutionAsync(this CrmApp app, TestTenant tenant, string name, params object[] lines)
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"solution|{id}", new Dictionary<string, object?>
        {
            ["Id"] = id, ["Name"] = name, ["Description"] = name, ["LinesJson"] = JsonSerializer.Serialize(lines, JsonDefaults.Options),
        });
        return id;
    }

    public static async Task<string> UserAsync(this CrmApp app, TestTenant tenant, string name, string status = "active", string role = "sales")
    {
        var id = Ids.New();
        await app.InsertAsync(tenant, $"user|{id}", new Dictionary<string, object?>
        {
            ["Id"] = id, ["Name"] = name, ["Email"] = $"{id.ToLowerInvariant()}@example.com", ["Role"] = role, ["Status"] = status,
        });
        return id;
    }

    /// <summary>The index row the sales feature writes when an opportunity generates a document.</summary>
    public static Task DocumentOfAsync(this CrmApp app, TestTenant tenant, string opportunityId, string kind = "service-order") =>
        app.InsertAsync(tenant, $"doc-opp|{opportunityId}|{kind}|{Ids.New()}", new Dictionary<string, object?> { ["Kind"] = kind });

    public static Task<TableEntity?> RowAsync(this CrmApp app, TestTenant tenant, string rowKey) =>
        app.InTenantAsync(tenant.TenantId, services => services.GetRequiredService<TenantTable>().GetAsync(rowKey));

    public static Task<List<TableEntity>> RowsAsync(this CrmApp app, TestTenant tenant, string prefix) =>
        app.InTenantAsync(tenant.TenantId, async services =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in services.GetRequiredService<TenantTable>().QueryPrefixAsync(prefix))
            {
                rows.Add(row);
            }

            return rows;
        });

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var message = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            message.Content = JsonContent.Create(body, options: JsonDefaults.Options);
        }

        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(message);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Post, url, body ?? new { }, ifMatch);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, ifMatch);

    public static Task<HttpResponseMessage> DeleteIfMatchAsync(this HttpClient client, string url, string? ifMatch) =>
        client.SendJsonAsync(HttpMethod.Delete, url, null, ifMatch);

    public static string ETagHeader(this HttpResponseMessage response) => response.Headers.GetValues("ETag").Single();
}
