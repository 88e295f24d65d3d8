using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Settings;

/// <summary>Tenant settings of the CRM: the pipeline stages and the sales order → CRM defaults. Any staff reads; admins change.</summary>
public static class SettingsApi
{
    public sealed record StageResponse(string Id, string Name, int Order, int OpenCount, decimal OpenTotal);

    public sealed record PipelineResponse(IReadOnlyList<StageResponse> Stages, string Etag);

    public sealed record PipelineRequest(IReadOnlyList<PipelineStageInput>? Stages);

    public sealed record OrderCrmResponse(
        bool Enabled,
        bool DefaultGenerate,
        string StageId,
        string? OwnerId,
        string? OwnerName,
        string TitlePattern,
        string? TaskAssigneeId,
        string? TaskAssigneeName,
        int TaskDueDays,
        bool ShowProjectAndContract,
        string Etag);

    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");
        group.MapGet("/pipeline", GetPipelineSettings).WithName(nameof(GetPipelineSettings)).RequireStaff();
        group.MapPut("/pipeline", UpdatePipelineSettings).WithName(nameof(UpdatePipelineSettings)).RequireStaff(Roles.Admin);
        group.MapGet("/order-crm", GetOrderCrmSettings).WithName(nameof(GetOrderCrmSettings)).RequireStaff();
        group.MapPut("/order-crm", UpdateOrderCrmSettings).WithName(nameof(UpdateOrderCrmSettings)).RequireStaff(Roles.Admin);
        return app;
    }

    public static async Task<Ok<PipelineResponse>> GetPipelineSettings(
        SettingsStore settings, TenantTable table, HttpResponse response, CancellationToken ct)
    {
        var pipeline = await settings.GetPipelineAsync(ct);
        return await PipelineResultAsync(pipeline, table, response, ct);
    }

    public static async Task<Ok<PipelineResponse>> UpdatePipelineSettings(
        PipelineRequest request, SettingsStore settings, TenantTable table, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var pipeline = await settings.SavePipelineAsync(request.Stages, ifMatch, ct);
        return await PipelineResultAsync(pipeline, table, response, ct);
    }

    public static async Task<Ok<OrderCrmResponse>> GetOrderCrmSettings(SettingsStore settings, HttpResponse response, CancellationToken ct)
    {
        var orderCrm = await settings.GetOrderCrmAsync(ct);
        response.SetETag(orderCrm.ETag);
        return TypedResults.Ok(ToResponse(orderCrm));
    }

    public static async Task<Ok<OrderCrmResponse>> UpdateOrderCrmSettings(
        OrderCrmInput request, SettingsStore settings, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var orderCrm = await settings.SaveOrderCrmAsync(request, ifMatch, ct);
        response.SetETag(orderCrm.ETag);
        return TypedResults.Ok(ToResponse(orderCrm));
    }

    private static async Task<Ok<PipelineResponse>> PipelineResultAsync(
        PipelineSettings pipeline, TenantTable table, HttpResponse response, CancellationToken ct)
    {
        // The open count lets the settings screen warn before a stage that still holds opportunities is removed.
        var stats = await StageStatsRows.ReadAllAsync(table, ct);
        var stages = pipeline.Stages
            .Select(s => stats.TryGetValue(s.Id, out var stat)
                ? new StageResponse(s.Id, s.Name, s.Order, stat.Count, stat.Total)
                : new StageResponse(s.Id, s.Name, s.Order, 0, 0m))
            .ToList();
        response.SetETag(pipeline.ETag);
        return TypedResults.Ok(new PipelineResponse(stages, pipeline.ETag.ToString()));
    }

    private static OrderCrmResponse ToResponse(OrderCrmSettings s) => new(
        s.Enabled, s.DefaultGenerate, s.StageId, s.OwnerId, s.OwnerName, s.TitlePattern, s.TaskAssigneeId, s.TaskAssigneeName,
        s.TaskDueDays, s.ShowProjectAndContract, s.ETag.ToString());
}
