using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Customers;

/// <summary>
/// Customers (Cliente/Fornecedor) with contacts and sites. Reads: any staff; customer and contact writes: sales
/// (and admin); site writes: sales or operations (and admin).
/// </summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireStaff();

        group.MapPost("/", CreateCustomer).WithName(nameof(CreateCustomer)).RequireStaff(Roles.Sales);
        group.MapGet("/", ListCustomers).WithName(nameof(ListCustomers));
        group.MapGet("/by-tax-id/{taxId}", GetCustomerByTaxId).WithName(nameof(GetCustomerByTaxId));
        group.MapGet("/{id}", GetCustomer).WithName(nameof(GetCustomer));
        group.MapPut("/{id}", UpdateCustomer).WithName(nameof(UpdateCustomer)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/archive", ArchiveCustomer).WithName(nameof(ArchiveCustomer)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/unarchive", UnarchiveCustomer).WithName(nameof(UnarchiveCustomer)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}", DeleteCustomer).WithName(nameof(DeleteCustomer)).RequireStaff(Roles.Sales);

        group.MapPost("/{id}/contacts", CreateCustomerContact).WithName(nameof(CreateCustomerContact)).RequireStaff(Roles.Sales);
        group.MapGet("/{id}/contacts", ListCustomerContacts).WithName(nameof(ListCustomerContacts));
        group.MapGet("/{id}/contacts/{contactId}", GetCustomerContact).WithName(nameof(GetCustomerContact));
        group.MapPut("/{id}/contacts/{contactId}", UpdateCustomerContact).WithName(nameof(UpdateCustomerContact)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}/contacts/{contactId}", DeleteCustomerContact).WithName(nameof(DeleteCustomerContact)).RequireStaff(Roles.Sales);

        group.MapPost("/{id}/sites", CreateSite).WithName(nameof(CreateSite)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapGet("/{id}/sites", ListSites).WithName(nameof(ListSites));
        group.MapGet("/{id}/sites/{siteId}", GetSite).WithName(nameof(GetSite));
        group.MapPut("/{id}/sites/{siteId}", UpdateSite).WithName(nameof(UpdateSite)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapDelete("/{id}/sites/{siteId}", DeleteSite).WithName(nameof(DeleteSite)).RequireStaff(Roles.Sales, Roles.Operations);
        return app;
    }

    // ---- customers ----

    public static async Task<Created<Customer>> CreateCustomer(CustomerRequest request, CustomerStore store, HttpResponse response, CancellationToken ct)
    {
        var customer = await store.CreateAsync(CustomerRules.Validate(request), ct);
        return TypedResults.Created($"/api/customers/{customer.Id}", customer.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Customer>>> ListCustomers(
        CustomerStore store, string? q, string? status, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, CustomerRules.ListStatus(status), Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Customer>> GetCustomer(string id, CustomerStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetAsync(id, ct)).WithETagHeader(response));

    /// <summary>Exact match on the CNPJ/CPF (any punctuation): the auto-match of Omie's "Faturamento".</summary>
    public static async Task<Ok<Customer>> GetCustomerByTaxId(string taxId, CustomerStore store, HttpResponse response, CancellationToken ct)
    {
        // Routing leaves an encoded '/' (%2F) of a formatted CNPJ undecoded in the route value.
        taxId = Uri.UnescapeDataString(taxId);
        var error = TaxId.Validate(taxId);
        if (error is not null)
        {
            throw AppException.Validation("taxId", error);
        }

        var customer = await store.FindByTaxIdAsync(taxId, ct)
            ?? throw AppException.NotFound("Nenhum cliente cadastrado com este CNPJ/CPF.");
        return TypedResults.Ok(customer.WithETagHeader(response));
    }

    public static async Task<Ok<Customer>> UpdateCustomer(string id, CustomerRequest request, CustomerStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var customer = await store.UpdateAsync(id, CustomerRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(customer.WithETagHeader(http.Response));
    }

    public static async Task<Ok<Customer>> ArchiveCustomer(string id, CustomerStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        return TypedResults.Ok((await store.SetStatusAsync(id, Customer.Archived, ifMatch, ct)).WithETagHeader(http.Response));
    }

    public static async Task<Ok<Customer>> UnarchiveCustomer(string id, CustomerStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        return TypedResults.Ok((await store.SetStatusAsync(id, Customer.Active, ifMatch, ct)).WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteCustomer(string id, CustomerStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    // ---- contacts ----

    public static async Task<Created<CustomerContact>> CreateCustomerContact(
        string id, CustomerContactRequest request, CustomerStore store, HttpResponse response, CancellationToken ct)
    {
        var contact = await store.AddContactAsync(id, CustomerRules.Validate(request), ct);
        return TypedResults.Created($"/api/customers/{id}/contacts/{contact.Id}", contact.WithETagHeader(response));
    }

    public static async Task<Ok<Page<CustomerContact>>> ListCustomerContacts(
        string id, CustomerStore store, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListContactsAsync(id, q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<CustomerContact>> GetCustomerContact(string id, string contactId, CustomerStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetContactAsync(id, contactId, ct)).WithETagHeader(response));

    public static async Task<Ok<CustomerContact>> UpdateCustomerContact(
        string id, string contactId, CustomerContactRequest request, CustomerStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var contact = await store.UpdateContactAsync(id, contactId, CustomerRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(contact.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteCustomerContact(string id, string contactId, CustomerStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteContactAsync(id, contactId, ifMatch, ct);
        return TypedResults.NoContent();
    }

    // ---- sites ----

    public static async Task<Created<Site>> CreateSite(string id, SiteRequest request, CustomerStore store, HttpResponse response, CancellationToken ct)
    {
        var site = await store.AddSiteAsync(id, CustomerRules.Validate(request), ct);
        return TypedResults.Created($"/api/customers/{id}/sites/{site.Id}", site.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Site>>> ListSites(
        string id, CustomerStore store, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListSitesAsync(id, q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Site>> GetSite(string id, string siteId, CustomerStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetSiteAsync(id, siteId, ct)).WithETagHeader(response));

    public static async Task<Ok<Site>> UpdateSite(string id, string siteId, SiteRequest request, CustomerStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var site = await store.UpdateSiteAsync(id, siteId, CustomerRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(site.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteSite(string id, string siteId, CustomerStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteSiteAsync(id, siteId, ifMatch, ct);
        return TypedResults.NoContent();
    }
}
