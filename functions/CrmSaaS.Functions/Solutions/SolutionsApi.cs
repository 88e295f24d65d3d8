using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Solutions;

/// <summary>Solutions: reads by any staff, writes by sales (and admin).</summary>
public static class SolutionsApi
{
    public static IEndpointRouteBuilder MapSolutions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/solutions").WithTags("Solutions").RequireStaff();
        group.MapPost("/", CreateSolution).WithName(nameof(CreateSolution)).RequireStaff(Roles.Sales);
        group.MapGet("/", ListSolutions).WithName(nameof(ListSolutions));
        group.MapGet("/{id}", GetSolution).WithName(nameof(GetSolution));
        group.MapGet("/{id}/ticket-lines", GetSolutionTicketLines).WithName(nameof(GetSolutionTicketLines));
        group.MapPut("/{id}", UpdateSolution).WithName(nameof(UpdateSolution)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}", DeleteSolution).WithName(nameof(DeleteSolution)).RequireStaff(Roles.Sales);
        return app;
    }

    public static async Task<Created<Solution>> CreateSolution(SolutionRequest request, SolutionStore store, HttpResponse response, CancellationToken ct)
    {
        var solution = await store.CreateAsync(request, ct);
        return TypedResults.Created($"/api/solutions/{solution.Id}", solution.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Solution>>> ListSolutions(
        SolutionStore store, string? q, string? active, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, CatalogueRules.ActiveFilter(active), Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Solution>> GetSolution(string id, SolutionStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<SolutionTicketLines>> GetSolutionTicketLines(string id, SolutionStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetTicketLinesAsync(id, ct));

    public static async Task<Ok<Solution>> UpdateSolution(string id, SolutionRequest request, SolutionStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var solution = await store.UpdateAsync(id, request, ifMatch, ct);
        return TypedResults.Ok(solution.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteSolution(string id, SolutionStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }
}
