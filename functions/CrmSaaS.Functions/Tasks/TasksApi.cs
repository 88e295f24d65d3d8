using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Tasks;

/// <summary>
/// CRM tasks and the "Central de Tarefas" (Centrium 3.1: complete the tasks of an order there before billing it).
/// Any staff reads; sales, operations and admins create, change, complete and reopen.
/// </summary>
public static class TasksApi
{
    public sealed record TaskResponse(
        string Id,
        string Subject,
        string? Description,
        string? OpportunityId,
        string? OpportunityTitle,
        string? OrderId,
        long? OrderNumber,
        string? OrderItemId,
        int? UnitIndex,
        string? AssigneeId,
        string? AssigneeName,
        DateOnly? DueDate,
        string Status,
        bool Overdue,
        DateTimeOffset? CompletedAt,
        string? CompletedBy,
        string Origin,
        DateTimeOffset CreatedAt,
        string CreatedBy,
        DateTimeOffset UpdatedAt,
        string UpdatedBy,
        string Etag);

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("", ListTasks).WithName(nameof(ListTasks)).RequireStaff();
        group.MapPost("", CreateTask).WithName(nameof(CreateTask)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapGet("/{id}", GetTask).WithName(nameof(GetTask)).RequireStaff();
        group.MapPut("/{id}", UpdateTask).WithName(nameof(UpdateTask)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapDelete("/{id}", DeleteTask).WithName(nameof(DeleteTask)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapPost("/{id}/complete", CompleteTask).WithName(nameof(CompleteTask)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapPost("/{id}/reopen", ReopenTask).WithName(nameof(ReopenTask)).RequireStaff(Roles.Sales, Roles.Operations);
        return app;
    }

    public static async Task<Ok<Page<TaskResponse>>> ListTasks(
        TaskStore store,
        string? status,
        string? assigneeId,
        string? opportunityId,
        string? orderId,
        DateOnly? dueFrom,
        DateOnly? dueTo,
        string? q,
        int? pageSize,
        string? continuation,
        CancellationToken ct)
    {
        var page = await store.ListAsync(
            new TaskFilter(status, assigneeId, opportunityId, orderId, dueFrom, dueTo, q), Paging.Size(pageSize), continuation, ct);
        return TypedResults.Ok(ToPage(page, store.Today()));
    }

    public static async Task<Created<TaskResponse>> CreateTask(TaskInput request, TaskStore store, HttpResponse response, CancellationToken ct)
    {
        var task = await store.CreateAsync(request, ct);
        response.SetETag(task.VersionETag);
        return TypedResults.Created($"/api/tasks/{task.Id}", ToResponse(task, store.Today()));
    }

    public static async Task<Ok<TaskResponse>> GetTask(string id, TaskStore store, HttpResponse response, CancellationToken ct)
    {
        var task = await store.GetAsync(id, ct);
        response.SetETag(task.VersionETag);
        return TypedResults.Ok(ToResponse(task, store.Today()));
    }

    public static async Task<Ok<TaskResponse>> UpdateTask(
        string id, TaskInput request, TaskStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var task = await store.UpdateAsync(id, request, ifMatch, ct);
        response.SetETag(task.VersionETag);
        return TypedResults.Ok(ToResponse(task, store.Today()));
    }

    public static async Task<NoContent> DeleteTask(string id, TaskStore store, HttpRequest http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TaskResponse>> CompleteTask(string id, TaskStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var task = await store.CompleteAsync(id, ifMatch, ct);
        response.SetETag(task.VersionETag);
        return TypedResults.Ok(ToResponse(task, store.Today()));
    }

    public static async Task<Ok<TaskResponse>> ReopenTask(string id, TaskStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var task = await store.ReopenAsync(id, ifMatch, ct);
        response.SetETag(task.VersionETag);
        return TypedResults.Ok(ToResponse(task, store.Today()));
    }

    public static Page<TaskResponse> ToPage(Page<CrmTask> page, DateOnly today) =>
        new(page.Items.Select(t => ToResponse(t, today)).ToList(), page.Continuation);

    public static TaskResponse ToResponse(CrmTask t, DateOnly today) => new(
        t.Id, t.Subject, t.Description, t.OpportunityId, t.OpportunityTitle, t.OrderId, t.OrderNumber, t.OrderItemId, t.UnitIndex,
        t.AssigneeId, t.AssigneeName, t.DueDate, t.Status, TaskRules.IsOverdue(t, today), t.CompletedAt, t.CompletedBy, t.Origin,
        t.CreatedAt, t.CreatedBy, t.UpdatedAt, t.UpdatedBy, t.VersionETag.ToString());
}
