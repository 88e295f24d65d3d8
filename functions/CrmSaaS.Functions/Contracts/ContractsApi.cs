using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Contracts;

/// <summary>Service contracts: reads by any staff, writes by sales or operations (and admin).</summary>
public static class ContractsApi
{
    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contracts").WithTags("Contracts").RequireStaff();
        group.MapPost("/", CreateContract).WithName(nameof(CreateContract)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapGet("/", ListContracts).WithName(nameof(ListContracts));
        group.MapGet("/{id}", GetContract).WithName(nameof(GetContract));
        group.MapPut("/{id}", UpdateContract).WithName(nameof(UpdateContract)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapPost("/{id}/status", ChangeContractStatus).WithName(nameof(ChangeContractStatus)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapDelete("/{id}", DeleteContract).WithName(nameof(DeleteContract)).RequireStaff(Roles.Sales, Roles.Operations);

        app.MapGet("/api/customers/{id}/contracts", ListCustomerContracts)
            .WithName(nameof(ListCustomerContracts)).WithTags("Contracts").RequireStaff();
        return app;
    }

    public static async Task<Created<Contract>> CreateContract(ContractRequest request, ContractStore store, HttpResponse response, CancellationToken ct)
    {
        var contract = await store.CreateAsync(request, ct);
        return TypedResults.Created($"/api/contracts/{contract.Id}", contract.WithETagHeader(response));
    }

    public static async Task<Ok<Page<ContractSummary>>> ListContracts(
        ContractStore store, string? customerId, string? status, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(
            RecordConventions.Clean(customerId), ContractRules.ListStatus(status), q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Page<ContractSummary>>> ListCustomerContracts(
        string id, ContractStore store, string? status, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListForCustomerAsync(id, ContractRules.ListStatus(status), q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Contract>> GetContract(string id, ContractStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<Contract>> UpdateContract(string id, ContractRequest request, ContractStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var contract = await store.UpdateAsync(id, request, ifMatch, ct);
        return TypedResults.Ok(contract.WithETagHeader(http.Response));
    }

    public static async Task<Ok<Contract>> ChangeContractStatus(
        string id, ContractStatusRequest request, ContractStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var contract = await store.SetStatusAsync(id, request.Status, ifMatch, ct);
        return TypedResults.Ok(contract.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteContract(string id, ContractStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }
}
