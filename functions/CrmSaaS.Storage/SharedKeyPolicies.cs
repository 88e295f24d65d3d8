using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>
/// SharedKey for the Table service: <c>VERB\nContent-MD5\nContent-Type\nx-ms-date\nCanonicalizedResource</c>, where the
/// resource is <c>/account</c> + the path as sent (on Azurite the account appears twice) + <c>?comp=…</c> when present.
/// </summary>
internal sealed class TableSharedKeyPolicy(string accountName, byte[] key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.TryGetValue("Content-Type", out var contentType);
        request.Headers.TryGetValue("Content-MD5", out var md5);
        var uri = request.Uri.ToUri();
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = SharedKeyPolicy.QueryParameters(uri).FirstOrDefault(p => p.Name == "comp");
        if (comp.Name is not null)
        {
            resource += "?comp=" + comp.Value;
        }

        var toSign = string.Join('\n', request.Method.Method, md5 ?? "", contentType ?? "", date, resource);
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{SharedKeyPolicy.Sign(key, toSign)}");
    }
}

/// <summary>Full SharedKey for the Blob and Queue services (Azurite refuses SharedKeyLite on queues).</summary>
internal sealed class SharedKeyPolicy(string accountName, byte[] key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        string Header(string name) => request.Headers.TryGetValue(name, out var value) ? value : "";

        var length = request.Content is not null && request.Content.TryComputeLength(out var l) && l > 0
            ? l.ToString(CultureInfo.InvariantCulture)
            : "";
        var builder = new StringBuilder();
        builder.Append(request.Method.Method).Append('\n')
            .Append(Header("Content-Encoding")).Append('\n')
            .Append(Header("Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(Header("Content-MD5")).Append('\n')
            .Append(Header("Content-Type")).Append('\n')
            .Append('\n') // Date: empty because x-ms-date is sent
            .Append(Header("If-Modified-Since")).Append('\n')
            .Append(Header("If-Match")).Append('\n')
            .Append(Header("If-None-Match")).Append('\n')
            .Append(Header("If-Unmodified-Since")).Append('\n')
            .Append(Header("Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in QueryParameters(uri).GroupBy(p => p.Name.ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':').Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{Sign(key, builder.ToString())}");
    }

    internal static string Sign(byte[] key, string stringToSign)
    {
        using var hmac = new HMACSHA256(key);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    internal static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? "" : pair[(separator + 1)..];
            yield return (Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }
}
