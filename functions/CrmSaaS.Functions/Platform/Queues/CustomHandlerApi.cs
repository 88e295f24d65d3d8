using System.Text.Json;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// The Azure Functions custom-handler side of queue triggers: the host POSTs
/// <c>{"Data":{"msg":…},"Metadata":{"DequeueCount":…,"Id":…}}</c> to <c>/{FunctionName}</c>. Non-2xx fails the
/// invocation (the host retries, then poisons). See ../shared/docs/functions-custom-handler.md.
/// These paths sit outside <c>/api</c>: the HTTP function forwards only <c>/api/{*path}</c>, so the internet
/// cannot reach them; only the host, on the loopback port, can.
/// </summary>
public static class CustomHandlerApi
{
    public static void MapQueueFunctions(this IEndpointRouteBuilder app, QueueRuntime runtime)
    {
        foreach (var (functionName, _, _) in runtime.Handlers)
        {
            var name = functionName;
            app.MapPost("/" + name, (HttpRequest request, QueueRuntime queues, CancellationToken ct) => InvokeAsync(name, request, queues, ct))
                .ExcludeFromDescription()
                .AllowAnonymous();
        }
    }

    public static async Task<IResult> InvokeAsync(string functionName, HttpRequest request, QueueRuntime queues, CancellationToken ct)
    {
        // Only the Functions host, on loopback, may deliver queue messages (it carries the tenant in the message).
        if (request.HttpContext.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote))
        {
            return Results.NotFound();
        }

        using var payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        var (text, dequeueCount, id) = ReadInvocation(payload.RootElement);
        await queues.RunAsync(functionName, text, dequeueCount, id, ct);
        // The host reads these exact names; a dictionary keeps them out of the camelCase JSON policy.
        return Results.Json(new Dictionary<string, object?>
        {
            ["Outputs"] = new Dictionary<string, object?>(),
            ["Logs"] = new[] { $"{functionName} handled message {id}" },
            ["ReturnValue"] = null,
        });
    }

    /// <summary>
    /// The host JSON-serialises non-object values once more: a string message may arrive as a JSON string whose
    /// content is JSON, as the object itself, or (numbers) as strings. All shapes are accepted.
    /// </summary>
    public static (string MessageText, long DequeueCount, string? Id) ReadInvocation(JsonElement root)
    {
        var data = Property(root, "Data");
        var msg = data.ValueKind == JsonValueKind.Object
            ? data.EnumerateObject().Select(p => p.Value).FirstOrDefault()
            : default;
        var text = msg.ValueKind switch
        {
            JsonValueKind.String => Unwrap(msg.GetString()!),
            JsonValueKind.Object => msg.GetRawText(),
            _ => throw new JsonException("The invocation has no message in Data."),
        };

        var metadata = Property(root, "Metadata");
        var dequeue = Property(metadata, "DequeueCount") switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetInt64(),
            { ValueKind: JsonValueKind.String } s when long.TryParse(Unwrap(s.GetString()!), out var parsed) => parsed,
            _ => 1,
        };
        var id = Property(metadata, "Id") is { ValueKind: JsonValueKind.String } idElement ? Unwrap(idElement.GetString()!) : null;
        return (text, dequeue, id);
    }

    private static string Unwrap(string value)
    {
        // "\"{...}\"" → "{...}": peel JSON-string encodings until the content is no longer a JSON string.
        var current = value;
        for (var i = 0; i < 3 && current.Length >= 2 && current[0] == '"' && current[^1] == '"'; i++)
        {
            current = JsonSerializer.Deserialize<string>(current) ?? current;
        }

        return current;
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return default;
    }
}
