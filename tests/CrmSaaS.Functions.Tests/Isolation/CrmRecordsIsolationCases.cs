using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Accounts;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;
using ContractRecord = CrmSaaS.Functions.Contracts.Contract;
using SolutionRecord = CrmSaaS.Functions.Solutions.Solution;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>Every id route of customers, accounts, catalogue, solutions and contracts: tenant B gets 404 on tenant A's records.</summary>
public sealed class CrmRecordsIsolationCases : IIsolationCases
{
    public IEnumerable<IsolationCase> Cases =>
    [
        // customers
        new("GET", "/api/customers/by-tax-id/{taxId}", async a => new($"/api/customers/by-tax-id/{(await NewCustomer(a)).TaxId}")),
        new("GET", "/api/customers/{id}", async a => new($"/api/customers/{(await NewCustomer(a)).Id}")),
        new("PUT", "/api/customers/{id}", async a =>
        {
            var customer = await NewCustomer(a);
            return new($"/api/customers/{customer.Id}", CrmRecordsTestData.CustomerBody("Invasor", customer.TaxId), customer.Etag);
        }),
        new("POST", "/api/customers/{id}/archive", async a =>
        {
            var c = await NewCustomer(a);
            return new($"/api/customers/{c.Id}/archive", null, c.Etag);
        }),
        new("POST", "/api/customers/{id}/unarchive", async a =>
        {
            var c = await NewCustomer(a);
            return new($"/api/customers/{c.Id}/unarchive", null, c.Etag);
        }),
        new("DELETE", "/api/customers/{id}", async a =>
        {
            var c = await NewCustomer(a);
            return new($"/api/customers/{c.Id}", null, c.Etag);
        }),
        new("POST", "/api/customers/{id}/contacts", async a => new($"/api/customers/{(await NewCustomer(a)).Id}/contacts", new { name = "Invasor" })),
        new("GET", "/api/customers/{id}/contacts", async a => new($"/api/customers/{(await NewCustomer(a)).Id}/contacts")),
        new("GET", "/api/customers/{id}/contacts/{contactId}", async a =>
        {
            var (customer, contact) = await NewCustomerContact(a);
            return new($"/api/customers/{customer.Id}/contacts/{contact.Id}");
        }),
        new("PUT", "/api/customers/{id}/contacts/{contactId}", async a =>
        {
            var (customer, contact) = await NewCustomerContact(a);
            return new($"/api/customers/{customer.Id}/contacts/{contact.Id}", new { name = "Invasor" }, contact.Etag);
        }),
        new("DELETE", "/api/customers/{id}/contacts/{contactId}", async a =>
        {
            var (customer, contact) = await NewCustomerContact(a);
            return new($"/api/customers/{customer.Id}/contacts/{contact.Id}", null, contact.Etag);
        }),
        new("POST", "/api/customers/{id}/sites", async a => new($"/api/customers/{(await NewCustomer(a)).Id}/sites", new { name = "Invasor" })),
        new("GET", "/api/customers/{id}/sites", async a => new($"/api/customers/{(await NewCustomer(a)).Id}/sites")),
        new("GET", "/api/customers/{id}/sites/{siteId}", async a =>
        {
            var (customer, site) = await NewCustomerSite(a);
            return new($"/api/customers/{customer.Id}/sites/{site.Id}");
        }),
        new("PUT", "/api/customers/{id}/sites/{siteId}", async a =>
        {
            var (customer, site) = await NewCustomerSite(a);
            return new($"/api/customers/{customer.Id}/sites/{site.Id}", new { name = "Invasor" }, site.Etag);
        }),
        new("DELETE", "/api/customers/{id}/sites/{siteId}", async a =>
        {
            var (customer, site) = await NewCustomerSite(a);
            return new($"/api/customers/{customer.Id}/sites/{site.Id}", null, site.Etag);
        }),
        new("GET", "/api/customers/{id}/contracts", async a =>
        {
            var customer = await NewCustomer(a);
            await a.AdminA.CreateContractAsync(customer.Id);
            return new($"/api/customers/{customer.Id}/contracts");
        }),

        // accounts
        new("GET", "/api/accounts/{id}", async a => new($"/api/accounts/{(await a.AdminA.CreateAccountAsync()).Id}")),
        new("PUT", "/api/accounts/{id}", async a =>
        {
            var x = await a.AdminA.CreateAccountAsync();
            return new($"/api/accounts/{x.Id}", new { name = "Invasor" }, x.Etag);
        }),
        new("DELETE", "/api/accounts/{id}", async a =>
        {
            var x = await a.AdminA.CreateAccountAsync();
            return new($"/api/accounts/{x.Id}", null, x.Etag);
        }),
        new("POST", "/api/accounts/{id}/link-customer", async a =>
        {
            var account = await a.AdminA.CreateAccountAsync();
            var customer = await NewCustomer(a);
            return new($"/api/accounts/{account.Id}/link-customer", new { customerId = customer.Id }, account.Etag);
        }),
        new("POST", "/api/accounts/{id}/contacts", async a => new($"/api/accounts/{(await a.AdminA.CreateAccountAsync()).Id}/contacts", new { name = "Invasor" })),
        new("GET", "/api/accounts/{id}/contacts", async a => new($"/api/accounts/{(await a.AdminA.CreateAccountAsync()).Id}/contacts")),
        new("GET", "/api/accounts/{id}/contacts/{contactId}", async a =>
        {
            var (account, contact) = await NewAccountContact(a);
            return new($"/api/accounts/{account.Id}/contacts/{contact.Id}");
        }),
        new("PUT", "/api/accounts/{id}/contacts/{contactId}", async a =>
        {
            var (account, contact) = await NewAccountContact(a);
            return new($"/api/accounts/{account.Id}/contacts/{contact.Id}", new { name = "Invasor" }, contact.Etag);
        }),
        new("DELETE", "/api/accounts/{id}/contacts/{contactId}", async a =>
        {
            var (account, contact) = await NewAccountContact(a);
            return new($"/api/accounts/{account.Id}/contacts/{contact.Id}", null, contact.Etag);
        }),

        // catalogue
        new("GET", "/api/catalogue/services/{id}", async a => new($"/api/catalogue/services/{(await a.AdminA.CreateServiceAsync()).Id}")),
        new("PUT", "/api/catalogue/services/{id}", async a =>
        {
            var s = await a.AdminA.CreateServiceAsync();
            return new($"/api/catalogue/services/{s.Id}", CrmRecordsTestData.ServiceBody(s.Code), s.Etag);
        }),
        new("DELETE", "/api/catalogue/services/{id}", async a =>
        {
            var s = await a.AdminA.CreateServiceAsync();
            return new($"/api/catalogue/services/{s.Id}", null, s.Etag);
        }),
        new("GET", "/api/catalogue/products/{id}", async a => new($"/api/catalogue/products/{(await NewProduct(a)).Id}")),
        new("PUT", "/api/catalogue/products/{id}", async a =>
        {
            var p = await NewProduct(a);
            return new($"/api/catalogue/products/{p.Id}", new { code = p.Code, description = "Invasor", price = 1m }, p.Etag);
        }),
        new("DELETE", "/api/catalogue/products/{id}", async a =>
        {
            var p = await NewProduct(a);
            return new($"/api/catalogue/products/{p.Id}", null, p.Etag);
        }),
        new("GET", "/api/catalogue/categories/{id}", async a => new($"/api/catalogue/categories/{(await a.AdminA.CreateCategoryAsync()).Id}")),
        new("PUT", "/api/catalogue/categories/{id}", async a =>
        {
            var c = await a.AdminA.CreateCategoryAsync();
            return new($"/api/catalogue/categories/{c.Id}", new { name = "Invasor" }, c.Etag);
        }),
        new("DELETE", "/api/catalogue/categories/{id}", async a =>
        {
            var c = await a.AdminA.CreateCategoryAsync();
            return new($"/api/catalogue/categories/{c.Id}", null, c.Etag);
        }),
        new("GET", "/api/catalogue/product-service-types/{id}", async a => new($"/api/catalogue/product-service-types/{(await NewType(a)).Id}")),
        new("PUT", "/api/catalogue/product-service-types/{id}", async a =>
        {
            var t = await NewType(a);
            return new($"/api/catalogue/product-service-types/{t.Id}", new { name = "Invasor", kind = "product" }, t.Etag);
        }),
        new("DELETE", "/api/catalogue/product-service-types/{id}", async a =>
        {
            var t = await NewType(a);
            return new($"/api/catalogue/product-service-types/{t.Id}", null, t.Etag);
        }),

        // solutions
        new("GET", "/api/solutions/{id}", async a => new($"/api/solutions/{(await NewSolution(a)).Id}")),
        new("GET", "/api/solutions/{id}/ticket-lines", async a => new($"/api/solutions/{(await NewSolution(a)).Id}/ticket-lines")),
        new("PUT", "/api/solutions/{id}", async a =>
        {
            var solution = await NewSolution(a);
            var lines = solution.Lines.Select(l => new { serviceId = l.ServiceId, quantity = l.Quantity });
            return new($"/api/solutions/{solution.Id}", new { name = "Invasor", lines }, solution.Etag);
        }),
        new("DELETE", "/api/solutions/{id}", async a =>
        {
            var s = await NewSolution(a);
            return new($"/api/solutions/{s.Id}", null, s.Etag);
        }),

        // contracts
        new("GET", "/api/contracts/{id}", async a => new($"/api/contracts/{(await NewContract(a)).Id}")),
        new("PUT", "/api/contracts/{id}", async a =>
        {
            var c = await NewContract(a);
            return new($"/api/contracts/{c.Id}", CrmRecordsTestData.ContractBody(c.CustomerId, title: "Invasor"), c.Etag);
        }),
        new("POST", "/api/contracts/{id}/status", async a =>
        {
            var c = await NewContract(a);
            return new($"/api/contracts/{c.Id}/status", new { status = "active" }, c.Etag);
        }),
        new("DELETE", "/api/contracts/{id}", async a =>
        {
            var c = await NewContract(a);
            return new($"/api/contracts/{c.Id}", null, c.Etag);
        }),
    ];

    private static Task<Customer> NewCustomer(IsolationArrange a) => a.AdminA.CreateCustomerAsync("Cliente da Empresa A");

    private static async Task<(Customer, CustomerContact)> NewCustomerContact(IsolationArrange a)
    {
        var customer = await NewCustomer(a);
        return (customer, await a.AdminA.CreateCustomerContactAsync(customer.Id));
    }

    private static async Task<(Customer, Site)> NewCustomerSite(IsolationArrange a)
    {
        var customer = await NewCustomer(a);
        return (customer, await a.AdminA.CreateSiteAsync(customer.Id));
    }

    private static async Task<(Account, AccountContact)> NewAccountContact(IsolationArrange a)
    {
        var account = await a.AdminA.CreateAccountAsync();
        var response = await a.AdminA.PostAsJsonAsync($"/api/accounts/{account.Id}/contacts", new { name = "Contato A" }, JsonDefaults.Options);
        return (account, await response.ReadAsync<AccountContact>(HttpStatusCode.Created));
    }

    private static async Task<Product> NewProduct(IsolationArrange a)
    {
        var response = await a.AdminA.PostAsJsonAsync("/api/catalogue/products",
            new { code = CrmRecordsTestData.NewCode("PRD"), description = "Roteador", price = 399.9m, stock = 5m }, JsonDefaults.Options);
        return await response.ReadAsync<Product>(HttpStatusCode.Created);
    }

    private static async Task<ProductServiceType> NewType(IsolationArrange a)
    {
        var response = await a.AdminA.PostAsJsonAsync("/api/catalogue/product-service-types", new { name = "Licença", kind = "service" }, JsonDefaults.Options);
        return await response.ReadAsync<ProductServiceType>(HttpStatusCode.Created);
    }

    private static async Task<SolutionRecord> NewSolution(IsolationArrange a)
    {
        var service = await a.AdminA.CreateServiceAsync();
        return await a.AdminA.CreateSolutionAsync("Solução da Empresa A", new { serviceId = service.Id, quantity = 1m });
    }

    private static async Task<ContractRecord> NewContract(IsolationArrange a)
    {
        var customer = await NewCustomer(a);
        return await a.AdminA.CreateContractAsync(customer.Id);
    }
}
