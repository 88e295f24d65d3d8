using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Accounts;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Contracts;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Customers;

/// <summary>Creates CRM records through the API (as a user would) and sends requests with If-Match.</summary>
public static class CrmRecordsTestData
{
    public static string NewCnpj() => TaxIdGenerator.Cnpj(Random.Shared).Value;

    public static string NewCpf() => TaxIdGenerator.Cpf(Random.Shared).Value;

    public static string NewCode(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static object CustomerBody(string legalName = "Cliente Teste Ltda", string? taxId = null, string? tradeName = null) => new
    {
        legalName,
        tradeName,
        taxId = taxId ?? NewCnpj(),
        email = "financeiro@cliente.com.br",
        phone = "(11) 3333-4444",
        street = "Av. Paulista",
        number = "1000",
        district = "Bela Vista",
        city = "São Paulo",
        state = "SP",
        postalCode = "01310-100",
        cityIbgeCode = "3550308",
    };

    public static async Task<Customer> CreateCustomerAsync(this HttpClient client, string legalName = "Cliente Teste Ltda", string? taxId = null)
    {
        var response = await client.PostAsJsonAsync("/api/customers", CustomerBody(legalName, taxId), JsonDefaults.Options);
        return await response.ReadAsync<Customer>(HttpStatusCode.Created);
    }

    public static async Task<Site> CreateSiteAsync(this HttpClient client, string customerId, string name = "Matriz")
    {
        var response = await client.PostAsJsonAsync($"/api/customers/{customerId}/sites", new { name, city = "Campinas", state = "SP" }, JsonDefaults.Options);
        return await response.ReadAsync<Site>(HttpStatusCode.Created);
    }

    public static async Task<CustomerContact> CreateCustomerContactAsync(this HttpClient client, string customerId, string name = "Maria Souza")
    {
        var response = await client.PostAsJsonAsync(
            $"/api/customers/{customerId}/contacts", new { name, email = "maria@cliente.com.br", phone = "11987654321", role = "Compras" }, JsonDefaults.Options);
        return await response.ReadAsync<CustomerContact>(HttpStatusCode.Created);
    }

    public static async Task<Category> CreateCategoryAsync(this HttpClient client, string name = "Serviços de instalação")
    {
        var response = await client.PostAsJsonAsync("/api/catalogue/categories", new { name }, JsonDefaults.Options);
        return await response.ReadAsync<Category>(HttpStatusCode.Created);
    }

    public static object ServiceBody(string? code = null, string description = "Instalação de rede", decimal unitPrice = 150m, string? categoryId = null, bool? active = null) => new
    {
        code = code ?? NewCode("SRV"),
        description,
        unitPrice,
        categoryId,
        municipalServiceCode = "01.07",
        nationalTaxCode = "010701",
        issRate = 5m,
        active,
    };

    public static async Task<Service> CreateServiceAsync(
        this HttpClient client, string? code = null, string description = "Instalação de rede", decimal unitPrice = 150m, string? categoryId = null)
    {
        var response = await client.PostAsJsonAsync("/api/catalogue/services", ServiceBody(code, description, unitPrice, categoryId), JsonDefaults.Options);
        return await response.ReadAsync<Service>(HttpStatusCode.Created);
    }

    public static async Task<Solution> CreateSolutionAsync(this HttpClient client, string name, params object[] lines)
    {
        var response = await client.PostAsJsonAsync("/api/solutions", new { name, description = "Pacote", lines }, JsonDefaults.Options);
        return await response.ReadAsync<Solution>(HttpStatusCode.Created);
    }

    public static object ContractBody(string customerId, string? serviceId = null, string title = "Suporte mensal") => new
    {
        customerId,
        title,
        startDate = "2026-01-01",
        endDate = "2026-12-31",
        recurrence = "monthly",
        items = new object[]
        {
            serviceId is null
                ? new { description = "Horas de suporte", quantity = 10m, unitPrice = 120m, discountKind = "percent", discount = 10m }
                : new { serviceId, quantity = 2m, discountKind = "none" },
        },
        notes = "Atendimento em horário comercial",
    };

    public static async Task<Contract> CreateContractAsync(this HttpClient client, string customerId, string? serviceId = null, string title = "Suporte mensal")
    {
        var response = await client.PostAsJsonAsync("/api/contracts", ContractBody(customerId, serviceId, title), JsonDefaults.Options);
        return await response.ReadAsync<Contract>(HttpStatusCode.Created);
    }

    public static async Task<Account> CreateAccountAsync(this HttpClient client, string name = "Conta Teste", string? customerId = null, string? taxId = null)
    {
        var response = await client.PostAsJsonAsync("/api/accounts", new { name, taxId, customerId, city = "Recife", state = "PE" }, JsonDefaults.Options);
        return await response.ReadAsync<Account>(HttpStatusCode.Created);
    }

    /// <summary>Sends JSON with an optional If-Match (null = header left out).</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonDefaults.Options);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, ifMatch);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body, string? ifMatch) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, ifMatch);

    public static Task<HttpResponseMessage> DeleteIfMatchAsync(this HttpClient client, string url, string? ifMatch) =>
        client.SendJsonAsync(HttpMethod.Delete, url, null, ifMatch);

    /// <summary>
    /// Writes a row straight into a tenant's partition, for rows another feature owns (an opportunity that points at
    /// an account) or fields only another flow sets (a contact's portal access).
    /// </summary>
    public static async Task UpsertRowAsync(this CrmApp app, TestTenant tenant, string rowKey, IDictionary<string, object?> properties)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId, "teste");
        var table = scope.ServiceProvider.GetRequiredService<TenantTable>();
        var row = table.NewEntity(rowKey);
        foreach (var (key, value) in properties)
        {
            row[key] = value;
        }

        await table.UpsertAsync(row, TableUpdateMode.Merge);
    }

    public static async Task<TableEntity?> ReadRowAsync(this CrmApp app, TestTenant tenant, string rowKey)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId, "teste");
        return await scope.ServiceProvider.GetRequiredService<TenantTable>().GetAsync(rowKey);
    }
}
