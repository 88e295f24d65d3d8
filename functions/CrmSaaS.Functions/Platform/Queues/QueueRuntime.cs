using System.Collections.Concurrent;
using System.Text.Json;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Sends queue messages and runs handlers. Sending wakes the local dispatcher at once, so local runs and
/// tests do not wait for a poll interval.
/// </summary>
public sealed class QueueRuntime(
    StorageAccount account,
    StorageNames names,
    IServiceScopeFactory scopes,
    IEnumerable<QueueHandlerDescriptor> descriptors,
    ILogger<QueueRuntime> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _wakeups = new(StringComparer.Ordinal);
    private IReadOnlyList<(string FunctionName, string QueueName, Type Type)>? _handlers;

    public IReadOnlyList<(string FunctionName, string QueueName, Type Type)> Handlers => _handlers ??= ReadHandlers();

    public QueueClient Queue(string logicalName) => account.GetQueueClient(names.Queue(logicalName));

    public async Task SendAsync<T>(string tenantId, string logicalQueue, T body, TimeSpan? delay = null, CancellationToken ct = default)
    {
        var envelope = new { tenantId, body };
        await Queue(logicalQueue).SendMessageAsync(JsonSerializer.Serialize(envelope, JsonDefaults.Options), delay, ct);
        Wake(logicalQueue);
    }

    public void Wake(string logicalQueue) => WakeupFor(logicalQueue).Release();

    internal SemaphoreSlim WakeupFor(string logicalQueue) => _wakeups.GetOrAdd(logicalQueue, _ => new SemaphoreSlim(0));

    /// <summary>Runs the handler for one message text in a fresh scope bound to the message's tenant.</summary>
    public async Task RunAsync(string functionName, string messageText, long dequeueCount, string? messageId, CancellationToken ct)
    {
        var handler = Handlers.FirstOrDefault(h => string.Equals(h.FunctionName, functionName, StringComparison.OrdinalIgnoreCase));
        if (handler.Type is null)
        {
            throw new InvalidOperationException($"No queue handler named {functionName}.");
        }

        var envelope = ParseEnvelope(messageText) with { DequeueCount = dequeueCount, MessageId = messageId };
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(envelope.TenantId, "sistema (" + functionName + ")");
        var instance = (IQueueHandler)scope.ServiceProvider.GetRequiredService(handler.Type);
        logger.LogInformation("Running {Function} for tenant {Tenant} (message {MessageId}, dequeue {DequeueCount})",
            functionName, envelope.TenantId, messageId, dequeueCount);
        await instance.HandleAsync(envelope, ct);
    }

    public static QueueEnvelope ParseEnvelope(string messageText)
    {
        using var document = JsonDocument.Parse(messageText);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("tenantId", out var tenant) || tenant.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(tenant.GetString()))
        {
            throw new JsonException("A queue message must be a JSON object with a tenantId.");
        }

        var body = root.TryGetProperty("body", out var b) ? b.Clone() : default;
        return new QueueEnvelope(tenant.GetString()!, body);
    }

    private List<(string, string, Type)> ReadHandlers()
    {
        using var scope = scopes.CreateScope();
        return descriptors
            .Select(d => (IQueueHandler)scope.ServiceProvider.GetRequiredService(d.HandlerType))
            .Select(h => (h.FunctionName, h.QueueName, h.GetType()))
            .ToList();
    }
}
