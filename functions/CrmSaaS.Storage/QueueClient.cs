using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

public sealed record QueueMessage(string MessageId, string PopReceipt, string MessageText, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? NextVisibleOn);

public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount);

/// <summary>
/// One queue of the Queue service (x-ms-version 2021-12-02). Message text travels base64-encoded, which is what the
/// Azure Functions queue trigger expects by default.
/// </summary>
public sealed class QueueClient
{
    private const string ApiVersion = "2021-12-02";
    private const int MaxEncodedMessageBytes = 64 * 1024;
    private readonly StorageAccount _account;
    private readonly HttpPipeline _pipeline;

    internal QueueClient(StorageAccount account, HttpPipeline pipeline, string name)
    {
        if (name.Length is < 3 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || name.StartsWith('-') || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw new StorageLimitException($"Queue name '{name}' must be 3–63 lower-case letters, digits or single dashes.");
        }

        _account = account;
        _pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, "", []);
        var response = await SendAsync(message, ct);
        if (response.Status is not (201 or 204 or 409))
        {
            throw StorageErrors.From(response);
        }
    }

    public async Task SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, CancellationToken ct = default)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText));
        if (encoded.Length > MaxEncodedMessageBytes)
        {
            throw new StorageLimitException($"A queue message may be at most 64 KiB after base64 encoding; this one is {encoded.Length / 1024} KiB. Put large payloads in a blob.");
        }

        var query = new List<(string, string)>();
        if (visibilityDelay is { } delay && delay > TimeSpan.Zero)
        {
            query.Add(("visibilitytimeout", ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }

        using var message = Create(RequestMethod.Post, "/messages", query);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(
            $"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>"));
        var response = await SendAsync(message, ct);
        if (response.Status != 201)
        {
            throw StorageErrors.From(response);
        }
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken ct = default)
    {
        var query = new List<(string, string)> { ("numofmessages", Math.Clamp(maxMessages, 1, 32).ToString(CultureInfo.InvariantCulture)) };
        if (visibilityTimeout is { } timeout)
        {
            query.Add(("visibilitytimeout", Math.Max(1, (int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        using var message = Create(RequestMethod.Get, "/messages", query);
        var response = await SendAsync(message, ct);
        if (response.Status != 200)
        {
            throw StorageErrors.From(response);
        }

        return Messages(response.Content.ToString()).Select(m => new QueueMessage(
            m.Element("MessageId")?.Value ?? "",
            m.Element("PopReceipt")?.Value ?? "",
            Decode(m.Element("MessageText")?.Value),
            long.TryParse(m.Element("DequeueCount")?.Value, CultureInfo.InvariantCulture, out var count) ? count : 1,
            Date(m.Element("InsertionTime")?.Value),
            Date(m.Element("TimeNextVisible")?.Value))).ToList();
    }

    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Get, "/messages",
            [("numofmessages", Math.Clamp(maxMessages, 1, 32).ToString(CultureInfo.InvariantCulture)), ("peekonly", "true")]);
        var response = await SendAsync(message, ct);
        if (response.Status != 200)
        {
            throw StorageErrors.From(response);
        }

        return Messages(response.Content.ToString()).Select(m => new PeekedMessage(
            m.Element("MessageId")?.Value ?? "",
            Decode(m.Element("MessageText")?.Value),
            long.TryParse(m.Element("DequeueCount")?.Value, CultureInfo.InvariantCulture, out var count) ? count : 0)).ToList();
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, "/messages/" + Uri.EscapeDataString(messageId),
            [("popreceipt", popReceipt), ("visibilitytimeout", Math.Max(0, (int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture))]);
        var response = await SendAsync(message, ct);
        if (response.Status != 204)
        {
            throw StorageErrors.From(response);
        }

        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt : popReceipt;
    }

    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, "/messages/" + Uri.EscapeDataString(messageId), [("popreceipt", popReceipt)]);
        var response = await SendAsync(message, ct);
        if (response.Status != 204)
        {
            throw StorageErrors.From(response);
        }
    }

    public async Task<int> GetApproximateMessageCountAsync(CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Get, "", [("comp", "metadata")]);
        var response = await SendAsync(message, ct);
        if (response.Status != 200)
        {
            throw StorageErrors.From(response);
        }

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }

    public async Task ClearMessagesAsync(CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, "/messages", []);
        var response = await SendAsync(message, ct);
        if (response.Status != 204)
        {
            throw StorageErrors.From(response);
        }
    }

    private static IEnumerable<XElement> Messages(string xml) =>
        string.IsNullOrWhiteSpace(xml) ? [] : XDocument.Parse(xml.TrimStart('\uFEFF')).Descendants("QueueMessage");

    private static string Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return "";
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            // Not written by us (plain text): hand it over as it is.
            return base64;
        }
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    private HttpMessage Create(RequestMethod method, string suffix, IEnumerable<(string Name, string Value)> query)
    {
        var message = _pipeline.CreateMessage();
        message.SetProperty(StorageTransactionCountingPolicy.ServiceProperty, StorageService.Queue);
        message.Request.Method = method;
        var uri = new RequestUriBuilder();
        uri.Reset(_account.QueueEndpoint);
        uri.AppendPath(Name + suffix, escape: false);
        foreach (var (name, value) in query)
        {
            uri.AppendQuery(name, value, escapeValue: true);
        }

        message.Request.Uri = uri;
        message.Request.Headers.SetValue("x-ms-version", ApiVersion);
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken ct)
    {
        await _pipeline.SendAsync(message, ct);
        return message.Response;
    }
}
