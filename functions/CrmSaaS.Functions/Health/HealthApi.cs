using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth).WithName(nameof(GetHealth)).WithTags("Health").AllowAnonymous();

        // The Functions host probes "/" until the custom handler answers (any status counts).
        app.MapGet("/", () => TypedResults.Text("CrmSaaS API")).ExcludeFromDescription();
        return app;
    }

    public sealed record HealthResponse(string Status, string Storage, string Version);

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        DirectoryTable directory, CancellationToken ct)
    {
        var version = typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0";
        try
        {
            await foreach (var _ in directory.Table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"health"}"), maxPerPage: 1, ct: ct))
            {
                break;
            }

            return TypedResults.Ok(new HealthResponse("ok", "ok", version));
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
        {
            return TypedResults.Json(new HealthResponse("degraded", "indisponível: " + ex.Message, version), statusCode: 503);
        }
    }
}
