using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>
/// One storage queue over the Queue REST API. Message text travels base64-encoded (UTF-8), which is what the Azure
/// Functions queue trigger expects by default.
/// </summary>
public sealed class QueueClient
{
    public const int MaxMessageBytes = 64 * 1024;
    public const int MaxMessagesPerReceive = 32;
    private static readonly TimeSpan _maxVisibility = TimeSpan.FromDays(7);

    private readonly HttpPipeline _pipeline;
    private readonly string _queueUrl;

    internal QueueClient(StorageAccount account, string queueName)
    {
        StorageNames.CheckContainerOrQueueName(queueName, "Queue");
        _pipeline = account.QueuePipeline;
        Name = queueName;
        _queueUrl = $"{account.QueueEndpoint.AbsoluteUri.TrimEnd('/')}/{queueName}";
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Put, _queueUrl);
        await _pipeline.SendAsync(message, ct);
        // 204 means it already exists with the same metadata; 409 QueueAlreadyExists with different metadata.
        if (message.Response.Status == 409 && ErrorCode(message.Response) == "QueueAlreadyExists")
        {
            return;
        }

        await EnsureSuccessAsync(message.Response, ct);
    }

    /// <summary>Deletes the queue and its messages.</summary>
    public async Task DeleteAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, _queueUrl);
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    /// <summary>
    /// Sends a message, optionally invisible for <paramref name="visibilityDelay"/> (up to 7 days). The base64 text
    /// may be at most 64 KiB, i.e. about 48 KiB of UTF-8; larger payloads belong in a blob.
    /// </summary>
    public async Task SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText));
        if (encoded.Length > MaxMessageBytes)
        {
            throw new StorageLimitException(
                $"The message is {encoded.Length} bytes after base64; Azure allows at most {MaxMessageBytes} (64 KiB). Store the payload in a blob and send its name.",
                nameof(messageText));
        }

        var url = _queueUrl + "/messages";
        if (visibilityDelay is { } delay)
        {
            CheckVisibility(delay, TimeSpan.Zero, nameof(visibilityDelay));
            url += "?visibilitytimeout=" + Seconds(delay);
        }

        using var message = CreateMessage(RequestMethod.Post, url);
        var body = $"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>";
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    /// <summary>
    /// Receives 1 to 32 messages and hides them for <paramref name="visibilityTimeout"/> (service default 30 s).
    /// Each receive raises the message's DequeueCount.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken ct = default)
    {
        CheckCount(maxMessages);
        var url = $"{_queueUrl}/messages?numofmessages={maxMessages.ToString(CultureInfo.InvariantCulture)}";
        if (visibilityTimeout is { } timeout)
        {
            CheckVisibility(timeout, TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
            url += "&visibilitytimeout=" + Seconds(timeout);
        }

        using var message = CreateMessage(RequestMethod.Get, url);
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return Messages(response)
            .Select(m => new QueueMessage(
                m.Element("MessageId")!.Value,
                m.Element("PopReceipt")!.Value,
                Decode(m.Element("MessageText")?.Value ?? string.Empty),
                long.Parse(m.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
                ParseDate(m.Element("InsertionTime")?.Value),
                ParseDate(m.Element("TimeNextVisible")?.Value)))
            .ToList();
    }

    /// <summary>Looks at up to 32 visible messages without hiding them or raising their DequeueCount.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken ct = default)
    {
        CheckCount(maxMessages);
        using var message = CreateMessage(
            RequestMethod.Get,
            $"{_queueUrl}/messages?peekonly=true&numofmessages={maxMessages.ToString(CultureInfo.InvariantCulture)}");
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return Messages(response)
            .Select(m => new PeekedMessage(
                m.Element("MessageId")!.Value,
                Decode(m.Element("MessageText")?.Value ?? string.Empty),
                long.Parse(m.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Hides a received message for another <paramref name="visibilityTimeout"/> (0 makes it visible now); returns the new pop receipt.</summary>
    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        CheckVisibility(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        using var message = CreateMessage(
            RequestMethod.Put,
            $"{MessageUrl(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={Seconds(visibilityTimeout)}");
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt)
            ? receipt
            : throw new RequestFailedException(response.Status, "The queue service did not return a new pop receipt.");
    }

    /// <summary>Deletes a received message; 400 PopReceiptMismatch for a superseded receipt, 404 MessageNotFound when it is gone.</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateMessage(RequestMethod.Delete, $"{MessageUrl(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}");
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    /// <summary>Approximate: the service counts lazily and includes invisible messages.</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Get, _queueUrl + "?comp=metadata");
        var response = await StorageResponses.SendAsync(_pipeline, message, ct);
        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : 0;
    }

    public async Task ClearMessagesAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, _queueUrl + "/messages");
        await StorageResponses.SendAsync(_pipeline, message, ct);
    }

    /// <summary>
    /// Decodes base64 text. A message that is not valid base64 was not sent by us (or by the Functions SDK
    /// defaults) and is returned as it is.
    /// </summary>
    private static string Decode(string text)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(buffer, 0, written);
            }
            catch (DecoderFallbackException)
            {
                return text;
            }
        }

        return text;
    }

    private static IEnumerable<XElement> Messages(Response response)
    {
        var content = response.Content.ToString();
        return string.IsNullOrWhiteSpace(content)
            ? []
            : XDocument.Parse(content).Root?.Elements("QueueMessage") ?? [];
    }

    private string MessageUrl(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return $"{_queueUrl}/messages/{Uri.EscapeDataString(messageId)}";
    }

    private static void CheckCount(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Between 1 and {MaxMessagesPerReceive} messages at a time.");
        }
    }

    private static void CheckVisibility(TimeSpan value, TimeSpan minimum, string paramName)
    {
        if (value < minimum || value > _maxVisibility)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Must be between {minimum.TotalSeconds} s and 7 days.");
        }
    }

    private static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private HttpMessage CreateMessage(RequestMethod method, string url)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(url));
        return message;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;

    private static async Task EnsureSuccessAsync(Response response, CancellationToken ct)
    {
        if (response.Status >= 400)
        {
            await StorageResponses.ThrowAsync(response, ct);
        }
    }
}
