using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Accounts;

/// <summary>CRM accounts (Conta) and their contacts: reads by any staff, writes by sales (and admin).</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireStaff();
        group.MapPost("/", CreateAccount).WithName(nameof(CreateAccount)).RequireStaff(Roles.Sales);
        group.MapGet("/", ListAccounts).WithName(nameof(ListAccounts));
        group.MapGet("/{id}", GetAccount).WithName(nameof(GetAccount));
        group.MapPut("/{id}", UpdateAccount).WithName(nameof(UpdateAccount)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}", DeleteAccount).WithName(nameof(DeleteAccount)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/link-customer", LinkAccountCustomer).WithName(nameof(LinkAccountCustomer)).RequireStaff(Roles.Sales);

        group.MapPost("/{id}/contacts", CreateAccountContact).WithName(nameof(CreateAccountContact)).RequireStaff(Roles.Sales);
        group.MapGet("/{id}/contacts", ListAccountContacts).WithName(nameof(ListAccountContacts));
        group.MapGet("/{id}/contacts/{contactId}", GetAccountContact).WithName(nameof(GetAccountContact));
        group.MapPut("/{id}/contacts/{contactId}", UpdateAccountContact).WithName(nameof(UpdateAccountContact)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}/contacts/{contactId}", DeleteAccountContact).WithName(nameof(DeleteAccountContact)).RequireStaff(Roles.Sales);
        return app;
    }

    public static async Task<Created<Account>> CreateAccount(AccountRequest request, AccountStore store, HttpResponse response, CancellationToken ct)
    {
        var account = await store.CreateAsync(AccountRules.Validate(request), ct);
        return TypedResults.Created($"/api/accounts/{account.Id}", account.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Account>>> ListAccounts(
        AccountStore store, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Account>> GetAccount(string id, AccountStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetDetailAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<Account>> UpdateAccount(string id, AccountRequest request, AccountStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var account = await store.UpdateAsync(id, AccountRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(account.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteAccount(string id, AccountStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Links the account to its billing customer (<c>{"customerId": null}</c> unlinks).</summary>
    public static async Task<Ok<Account>> LinkAccountCustomer(string id, LinkCustomerRequest request, AccountStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var account = await store.LinkCustomerAsync(id, request.CustomerId, ifMatch, ct);
        return TypedResults.Ok(account.WithETagHeader(http.Response));
    }

    public static async Task<Created<AccountContact>> CreateAccountContact(
        string id, AccountContactRequest request, AccountStore store, HttpResponse response, CancellationToken ct)
    {
        var contact = await store.AddContactAsync(id, AccountRules.Validate(request), ct);
        return TypedResults.Created($"/api/accounts/{id}/contacts/{contact.Id}", contact.WithETagHeader(response));
    }

    public static async Task<Ok<Page<AccountContact>>> ListAccountContacts(
        string id, AccountStore store, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListContactsAsync(id, q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<AccountContact>> GetAccountContact(string id, string contactId, AccountStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetContactAsync(id, contactId, ct)).WithETagHeader(response));

    public static async Task<Ok<AccountContact>> UpdateAccountContact(
        string id, string contactId, AccountContactRequest request, AccountStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var contact = await store.UpdateContactAsync(id, contactId, AccountRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(contact.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteAccountContact(string id, string contactId, AccountStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteContactAsync(id, contactId, ifMatch, ct);
        return TypedResults.NoContent();
    }
}
