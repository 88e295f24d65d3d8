using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>
/// Reads the error code and message of a failed storage call: the x-ms-error-code header first, then the body,
/// which is OData JSON for tables and XML for blobs, queues and signature failures.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var content = response.Content;
            if (content is not null && content.ToMemory().Length > 0)
            {
                var (bodyCode, bodyMessage) = ParseBody(content.ToString());
                code ??= bodyCode;
                message = bodyMessage;
            }
        }
        catch (InvalidOperationException)
        {
            // Unbuffered stream: nothing more than the header to go on.
        }

        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    public static (string? Code, string? Message) ParseBody(string body)
    {
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var document = JsonDocument.Parse(trimmed);
                var root = document.RootElement;
                if (root.TryGetProperty("odata.error", out var odata) || root.TryGetProperty("error", out odata))
                {
                    var code = odata.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (odata.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v)
                            ? v.GetString()
                            : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    }

                    return (code, message);
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }
        catch (JsonException)
        {
        }
        catch (System.Xml.XmlException)
        {
        }

        return (null, null);
    }
}

internal static class StorageResponses
{
    /// <summary>Throws a <see cref="RequestFailedException"/> with Status and ErrorCode set, like the official SDKs.</summary>
    public static async Task ThrowAsync(Response response, CancellationToken ct)
    {
        if (response.ContentStream is { } stream && stream is not MemoryStream)
        {
            // Streamed responses (blob downloads) are buffered here so the error body can be read.
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            response.ContentStream = buffer;
        }

        throw new RequestFailedException(response, null, StorageErrorParser.Instance);
    }

    public static async Task<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, CancellationToken ct, params int[] expected)
    {
        await pipeline.SendAsync(message, ct);
        var response = message.Response;
        if (response.Status >= 400 || (expected.Length > 0 && !expected.Contains(response.Status)))
        {
            await ThrowAsync(response, ct);
        }

        return response;
    }

    public static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? default;
}
