using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Settings;
using CrmSaaS.Functions.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>
/// Opportunities (Omie "Oportunidade" with its "Ticket"), the kanban, won/lost, and the opportunity's tasks. Any staff
/// reads; sales and admins write. Every write carries If-Match with the version the client read (card or record).
/// </summary>
public static class OpportunitiesApi
{
    public sealed record OpportunityResponse(
        string Id,
        string Title,
        string? AccountId,
        string AccountName,
        string? ContactId,
        string? ContactName,
        string? CustomerId,
        string OwnerId,
        string OwnerName,
        string? SolutionId,
        string? SolutionName,
        string StageId,
        string StageName,
        DateOnly? ExpectedCloseDate,
        string Status,
        string? LostReason,
        DateTimeOffset? ClosedAt,
        string? ClosedBy,
        string Origin,
        string? OriginOrderId,
        long? OriginOrderNumber,
        string? Project,
        string? Notes,
        Ticket Ticket,
        DateTimeOffset CreatedAt,
        string CreatedBy,
        DateTimeOffset UpdatedAt,
        string UpdatedBy,
        string Etag);

    public sealed record MoveRequest(string? StageId);

    public sealed record LostRequest(string? Reason);

    public sealed record ApplySolutionRequest(string? SolutionId, bool Replace = false);

    public sealed record KanbanResponse(IReadOnlyList<KanbanColumn> Stages);

    public static IEndpointRouteBuilder MapOpportunities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/opportunities").WithTags("Opportunities");
        group.MapGet("", ListOpportunities).WithName(nameof(ListOpportunities)).RequireStaff();
        group.MapPost("", CreateOpportunity).WithName(nameof(CreateOpportunity)).RequireStaff(Roles.Sales);
        group.MapGet("/kanban", GetKanban).WithName(nameof(GetKanban)).RequireStaff();
        group.MapGet("/kanban/{stageId}", GetKanbanColumn).WithName(nameof(GetKanbanColumn)).RequireStaff();
        group.MapGet("/{id}", GetOpportunity).WithName(nameof(GetOpportunity)).RequireStaff();
        group.MapPut("/{id}", UpdateOpportunity).WithName(nameof(UpdateOpportunity)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}", DeleteOpportunity).WithName(nameof(DeleteOpportunity)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/move", MoveOpportunity).WithName(nameof(MoveOpportunity)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/won", WinOpportunity).WithName(nameof(WinOpportunity)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/lost", LoseOpportunity).WithName(nameof(LoseOpportunity)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/reopen", ReopenOpportunity).WithName(nameof(ReopenOpportunity)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/ticket/lines", AddTicketLine).WithName(nameof(AddTicketLine)).RequireStaff(Roles.Sales);
        group.MapPut("/{id}/ticket/lines/{lineId}", UpdateTicketLine).WithName(nameof(UpdateTicketLine)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}/ticket/lines/{lineId}", RemoveTicketLine).WithName(nameof(RemoveTicketLine)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/ticket/apply-solution", ApplySolution).WithName(nameof(ApplySolution)).RequireStaff(Roles.Sales);
        group.MapGet("/{id}/tasks", ListOpportunityTasks).WithName(nameof(ListOpportunityTasks)).RequireStaff();
        return app;
    }

    public static async Task<Ok<Page<OpportunityCard>>> ListOpportunities(
        OpportunityStore store, string? stageId, string? ownerId, string? accountId, string? status, string? q, int? pageSize,
        string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(new OpportunityFilter(stageId, ownerId, accountId, status, q), Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<KanbanResponse>> GetKanban(
        OpportunityStore store, string? ownerId, string? accountId, string? q, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(new KanbanResponse(await store.KanbanAsync(new OpportunityFilter(null, ownerId, accountId, null, q), Paging.Size(pageSize), ct)));

    public static async Task<Ok<KanbanColumn>> GetKanbanColumn(
        string stageId, OpportunityStore store, string? ownerId, string? accountId, string? q, int? pageSize, string? continuation,
        CancellationToken ct) =>
        TypedResults.Ok(await store.KanbanColumnAsync(stageId, new OpportunityFilter(null, ownerId, accountId, null, q), Paging.Size(pageSize), continuation, ct));

    public static async Task<Created<OpportunityResponse>> CreateOpportunity(
        OpportunityInput request, OpportunityStore store, SettingsStore settings, HttpResponse response, CancellationToken ct)
    {
        var opportunity = await store.CreateAsync(request, ct);
        var body = await RespondAsync(opportunity, settings, response, ct);
        return TypedResults.Created($"/api/opportunities/{opportunity.Id}", body);
    }

    public static async Task<Ok<OpportunityResponse>> GetOpportunity(
        string id, OpportunityStore store, SettingsStore settings, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok(await RespondAsync(await store.GetAsync(id, ct), settings, response, ct));

    public static async Task<Ok<OpportunityResponse>> UpdateOpportunity(
        string id, OpportunityInput request, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.UpdateAsync(id, request, ifMatch, ct), settings, response, ct));
    }

    public static async Task<NoContent> DeleteOpportunity(string id, OpportunityStore store, HttpRequest http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<OpportunityResponse>> MoveOpportunity(
        string id, MoveRequest request, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.MoveAsync(id, request.StageId, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> WinOpportunity(
        string id, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.WinAsync(id, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> LoseOpportunity(
        string id, LostRequest request, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.LoseAsync(id, request.Reason, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> ReopenOpportunity(
        string id, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.ReopenAsync(id, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> AddTicketLine(
        string id, TicketLineInput request, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.AddLineAsync(id, request, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> UpdateTicketLine(
        string id, string lineId, TicketLineInput request, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response,
        CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.UpdateLineAsync(id, lineId, request, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> RemoveTicketLine(
        string id, string lineId, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.RemoveLineAsync(id, lineId, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<OpportunityResponse>> ApplySolution(
        string id, ApplySolutionRequest request, OpportunityStore store, SettingsStore settings, HttpRequest http, HttpResponse response,
        CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        return TypedResults.Ok(await RespondAsync(await store.ApplySolutionAsync(id, request.SolutionId, request.Replace, ifMatch, ct), settings, response, ct));
    }

    public static async Task<Ok<Page<TasksApi.TaskResponse>>> ListOpportunityTasks(
        string id, OpportunityStore opportunities, TaskStore tasks, string? status, string? q, int? pageSize, string? continuation, CancellationToken ct)
    {
        var opportunity = await opportunities.GetAsync(id, ct);
        var page = await tasks.ListAsync(new TaskFilter(status, null, opportunity.Id, null, null, null, q), Paging.Size(pageSize), continuation, ct);
        return TypedResults.Ok(TasksApi.ToPage(page, tasks.Today()));
    }

    private static async Task<OpportunityResponse> RespondAsync(
        Opportunity o, SettingsStore settings, HttpResponse response, CancellationToken ct)
    {
        var pipeline = await settings.GetPipelineAsync(ct);
        response.SetETag(o.VersionETag);
        return new OpportunityResponse(
            o.Id, o.Title, o.AccountId, o.AccountName, o.ContactId, o.ContactName, o.CustomerId, o.OwnerId, o.OwnerName, o.SolutionId,
            o.SolutionName, o.StageId, pipeline.NameOf(o.StageId), o.ExpectedCloseDate, o.Status, o.LostReason, o.ClosedAt, o.ClosedBy,
            o.Origin, o.OriginOrderId, o.OriginOrderNumber, o.Project, o.Notes, new Ticket(o.Lines, o.Totals),
            o.CreatedAt, o.CreatedBy, o.UpdatedAt, o.UpdatedBy, o.VersionETag.ToString());
    }
}
