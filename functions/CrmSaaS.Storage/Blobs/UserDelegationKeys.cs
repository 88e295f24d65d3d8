using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure.Core;

namespace CrmSaaS.Storage;

/// <summary>A user delegation key: lets a token-credential (managed identity) account sign SAS URLs.</summary>
internal sealed record UserDelegationKey(
    string SignedObjectId,
    string SignedTenantId,
    string SignedStart,
    string SignedExpiry,
    string SignedService,
    string SignedVersion,
    byte[] Value,
    DateTimeOffset ExpiresOn);

/// <summary>
/// Fetches and caches user delegation keys for one account. A key is valid up to 7 days; one is reused while it
/// outlives the SAS being signed, so signing links costs a key request only now and then.
/// </summary>
internal sealed class UserDelegationKeys(StorageAccount account)
{
    private static readonly TimeSpan _maxKeyLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan _preferredKeyLifetime = TimeSpan.FromDays(1);
    private UserDelegationKey? _cached;

    public async Task<UserDelegationKey> GetAsync(DateTimeOffset sasExpiresOn, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        if (sasExpiresOn > now + _maxKeyLifetime - TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(sasExpiresOn), sasExpiresOn, "A user-delegation SAS can be valid for at most 7 days.");
        }

        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.ExpiresOn >= sasExpiresOn)
        {
            return cached;
        }

        // Start a little in the past so a fast clock on the service side cannot make a fresh key "not yet valid".
        var start = now.AddMinutes(-5);
        var expiry = sasExpiresOn > now + _preferredKeyLifetime ? now + _maxKeyLifetime - TimeSpan.FromMinutes(5) : now + _preferredKeyLifetime;
        var body = new XDocument(new XElement(
            "KeyInfo",
            new XElement("Start", Format(start)),
            new XElement("Expiry", Format(expiry))));

        using var message = account.BlobPipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(account.BlobEndpoint.AbsoluteUri.TrimEnd('/') + "/?restype=service&comp=userdelegationkey"));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting)));
        var response = await StorageResponses.SendAsync(account.BlobPipeline, message, ct);

        var root = XDocument.Parse(response.Content.ToString()).Root!;
        string Field(string name) => root.Element(name)?.Value
            ?? throw new InvalidOperationException($"The user delegation key response has no {name}.");
        var key = new UserDelegationKey(
            Field("SignedOid"),
            Field("SignedTid"),
            Field("SignedStart"),
            Field("SignedExpiry"),
            Field("SignedService"),
            Field("SignedVersion"),
            Convert.FromBase64String(Field("Value")),
            DateTimeOffset.Parse(Field("SignedExpiry"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        Volatile.Write(ref _cached, key);
        return key;
    }

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
