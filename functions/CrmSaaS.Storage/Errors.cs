using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace CrmSaaS.Storage;

/// <summary>An Azure limit that Azurite does not enforce but Azure does, checked before sending.</summary>
public sealed class StorageLimitException : ArgumentException
{
    public StorageLimitException()
    {
    }

    public StorageLimitException(string message)
        : base(message)
    {
    }

    public StorageLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An entity-group transaction was rolled back; <see cref="FailedTransactionActionIndex"/> names the culprit.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedIndex;
    }

    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? FailedTransactionActionIndex { get; }
}

internal static class StorageErrors
{
    public static RequestFailedException From(Response response)
    {
        var (code, message) = Parse(response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null, response.Content.ToString());
        return new RequestFailedException(response.Status, $"{response.Status} {code}: {message}", code, null);
    }

    /// <summary>Table errors are JSON (<c>odata.error</c>); blob/queue errors and signature failures are XML.</summary>
    public static (string? Code, string Message) Parse(string? headerCode, string body)
    {
        var code = headerCode;
        var message = body;
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.TryGetProperty("odata.error", out var error))
                {
                    code ??= error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    if (error.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() ?? "" : m.ToString();
                    }
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var xml = XDocument.Parse(trimmed);
                code ??= xml.Root?.Element("Code")?.Value;
                message = xml.Root?.Element("Message")?.Value ?? body;
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            // Not a structured error body: keep the raw text.
        }

        return (code, message);
    }
}
