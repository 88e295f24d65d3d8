using System.Text.Json;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// An asynchronous step. The same handler is invoked by the Functions host (POST /{FunctionName}, custom handler
/// protocol) in Azure and by <see cref="LocalQueueDispatcher"/> on a workstation. Delivery is at-least-once:
/// handlers must be idempotent (a message delivered twice changes nothing the second time).
/// The handler runs in a DI scope whose <see cref="RequestContext"/> is set to the message's tenant.
/// </summary>
public interface IQueueHandler
{
    /// <summary>Function name (folder of its function.json): PascalCase, e.g. <c>OrderEvents</c>.</summary>
    string FunctionName { get; }

    /// <summary>Logical queue name, e.g. <c>order-events</c>.</summary>
    string QueueName { get; }

    Task HandleAsync(QueueEnvelope message, CancellationToken ct);
}

/// <summary>What every queue message carries: the tenant and the step's own body.</summary>
public sealed record QueueEnvelope(string TenantId, JsonElement Body)
{
    public long DequeueCount { get; init; } = 1;
    public string? MessageId { get; init; }

    public T Read<T>() =>
        Body.Deserialize<T>(JsonDefaults.Options) ?? throw new JsonException($"Empty queue message body for {typeof(T).Name}.");
}

public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

public static class QueueHandlerRegistration
{
    public static IServiceCollection AddQueueHandler<THandler>(this IServiceCollection services)
        where THandler : class, IQueueHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new QueueHandlerDescriptor(typeof(THandler)));
        return services;
    }
}

/// <summary>Registered handler types; names are read from a throwaway scope once at start.</summary>
public sealed record QueueHandlerDescriptor(Type HandlerType);
