using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Proposals;

/// <summary>The three files an order can carry in the customer area (seed 003: proposta, contrato, contrato assinado).</summary>
public static class AttachmentKinds
{
    public const string Proposal = "proposal";
    public const string Contract = "contract";
    public const string SignedContract = "signed-contract";

    public static readonly IReadOnlyList<string> All = [Proposal, Contract, SignedContract];

    /// <summary>The known kind, or a 404: an unknown kind in a URL is a file that does not exist.</summary>
    public static string Require(string? kind) =>
        All.FirstOrDefault(k => string.Equals(k, kind, StringComparison.Ordinal))
        ?? throw AppException.NotFound("Anexo não encontrado. Use proposal, contract ou signed-contract.");
}

/// <summary>One stored version of an attachment.</summary>
public sealed record AttachmentVersion(int Version, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>
/// An order's attachment of one kind (<c>order-file|&lt;orderId&gt;|&lt;kind&gt;</c>): the current version and the ones it
/// replaced (their blobs are kept). <see cref="Fingerprint"/> is the proposal content a proposal PDF was rendered from;
/// <see cref="ForContractVersion"/> is the contract version a signed contract answers.
/// </summary>
public sealed record OrderAttachment
{
    public required string OrderId { get; init; }
    public required string Kind { get; init; }
    public int Version { get; init; }
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public DateTimeOffset UploadedAt { get; init; }
    public string UploadedBy { get; init; } = "";
    public string Fingerprint { get; init; } = "";
    public int ForContractVersion { get; init; }
    public IReadOnlyList<AttachmentVersion> Previous { get; init; } = [];
    public Azure.ETag ETag { get; init; }

    public static string RowKey(string orderId, string kind) => KeyRange.Key("order-file", orderId, kind);

    public static string BlobName(int version) => $"v{version.ToString(CultureInfo.InvariantCulture)}.pdf";

    /// <summary>The name the customer downloads ("Contrato Assinado" whatever the uploaded file was called).</summary>
    public string DownloadName(long orderNumber) => Kind switch
    {
        AttachmentKinds.Proposal => $"Proposta {orderNumber} v{Version}.pdf",
        AttachmentKinds.Contract => $"Contrato {orderNumber}.pdf",
        _ => "Contrato Assinado.pdf",
    };

    public static OrderAttachment FromEntity(TableEntity row) => new()
    {
        OrderId = row.GetString("OrderId") ?? "",
        Kind = row.GetString("Kind") ?? "",
        Version = row.GetInt32("Version") ?? 0,
        Size = row.GetInt64("Size") ?? 0,
        Sha256 = row.GetString("Sha256") ?? "",
        UploadedAt = row.GetDateTimeOffset("UploadedAt") ?? default,
        UploadedBy = row.GetString("UploadedBy") ?? "",
        Fingerprint = row.GetString("Fingerprint") ?? "",
        ForContractVersion = row.GetInt32("ForContractVersion") ?? 0,
        Previous = string.IsNullOrEmpty(row.GetString("PreviousJson"))
            ? []
            : JsonSerializer.Deserialize<List<AttachmentVersion>>(row.GetString("PreviousJson")!, JsonDefaults.Options) ?? [],
        ETag = row.ETag,
    };

    public void WriteTo(TableEntity row)
    {
        row["OrderId"] = OrderId;
        row["Kind"] = Kind;
        row["Version"] = Version;
        row["Size"] = Size;
        row["Sha256"] = Sha256;
        row["UploadedAt"] = UploadedAt;
        row["UploadedBy"] = UploadedBy;
        row["Fingerprint"] = Fingerprint;
        row["ForContractVersion"] = ForContractVersion;
        // Only the latest 50 replaced versions are listed; their blobs stay either way.
        row["PreviousJson"] = JsonSerializer.Serialize(Previous.TakeLast(50), JsonDefaults.Options);
    }
}

/// <summary>What the API shows of an attachment.</summary>
public sealed record AttachmentResponse(
    string Kind, string FileName, int Version, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy)
{
    public static AttachmentResponse From(OrderAttachment file, long orderNumber) =>
        new(file.Kind, file.DownloadName(orderNumber), file.Version, file.Size, file.Sha256, file.UploadedAt, file.UploadedBy);
}

/// <summary>What staff see of an attachment: the current version and the ones it replaced (kept in storage).</summary>
public sealed record StaffAttachmentResponse(
    string Kind, string FileName, int Version, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy,
    IReadOnlyList<AttachmentVersion> PreviousVersions)
{
    public static StaffAttachmentResponse From(OrderAttachment file, long orderNumber) =>
        new(file.Kind, file.DownloadName(orderNumber), file.Version, file.Size, file.Sha256, file.UploadedAt, file.UploadedBy, file.Previous);
}

public sealed record FileLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// An order's attachments: rows in the tenant's partition, PDFs in <c>&lt;tenant&gt;/&lt;kind&gt;/&lt;orderId&gt;/v&lt;N&gt;.pdf</c>
/// through <see cref="TenantFiles"/>. A new upload is a new version; earlier blobs are never overwritten.
/// </summary>
public sealed class OrderFiles(TenantTable table, TenantFiles files, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyDictionary<string, OrderAttachment>> ListAsync(string orderId, CancellationToken ct)
    {
        var result = new Dictionary<string, OrderAttachment>(StringComparer.Ordinal);
        await foreach (var row in table.QueryPrefixAsync(KeyRange.Key("order-file", orderId) + "|", ct: ct))
        {
            var file = OrderAttachment.FromEntity(row);
            if (file.Version > 0)
            {
                result[file.Kind] = file;
            }
        }

        return result;
    }

    public async Task<OrderAttachment?> GetAsync(string orderId, string kind, CancellationToken ct)
    {
        var row = await table.GetAsync(OrderAttachment.RowKey(orderId, kind), ct);
        return row is null ? null : OrderAttachment.FromEntity(row);
    }

    /// <summary>
    /// Stores <paramref name="content"/> as the next version of the attachment and records it. The blob of a version
    /// is written once (no overwrite): two uploads racing for the same version end with one 409 conflict, never with
    /// a row whose hash does not match its blob.
    /// </summary>
    public async Task<OrderAttachment> AddVersionAsync(
        string orderId, string kind, byte[] content, string fingerprint = "", int forContractVersion = 0, CancellationToken ct = default)
    {
        var row = await table.GetAsync(OrderAttachment.RowKey(orderId, kind), ct);
        var current = row is null ? null : OrderAttachment.FromEntity(row);
        var version = (current?.Version ?? 0) + 1;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var size = content.LongLength;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await files.UploadAsync(kind, orderId, OrderAttachment.BlobName(version), new BinaryData(content), "application/pdf",
                    new Dictionary<string, string> { ["sha256"] = sha, ["fingerprint"] = fingerprint }, overwrite: false, ct);
                break;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 409)
            {
                // The blob of this version exists but the row does not list it: an earlier attempt stopped between the
                // two writes. The same rendered content is adopted as is; anything else moves on to the next version.
                await using var existing = await files.DownloadAsync(kind, orderId, OrderAttachment.BlobName(version), ct);
                var sameContent = fingerprint.Length > 0
                    && existing.Properties.Metadata.TryGetValue("fingerprint", out var stored) && stored == fingerprint
                    && existing.Properties.Metadata.TryGetValue("sha256", out var storedSha);
                var latest = await table.GetAsync(OrderAttachment.RowKey(orderId, kind), ct);
                if (latest?.ETag != row?.ETag || attempt >= 3)
                {
                    throw new AppException(409, ErrorCodes.Conflict, "Outro envio deste arquivo aconteceu ao mesmo tempo. Recarregue e tente novamente.");
                }

                if (sameContent)
                {
                    sha = existing.Properties.Metadata["sha256"];
                    size = existing.Properties.ContentLength;
                    break;
                }

                version++;
            }
        }

        var now = clock.GetUtcNow();
        var next = new OrderAttachment
        {
            OrderId = orderId,
            Kind = kind,
            Version = version,
            Size = size,
            Sha256 = sha,
            UploadedAt = now,
            UploadedBy = table.Context.Actor,
            Fingerprint = fingerprint,
            ForContractVersion = forContractVersion,
            Previous = current is null || current.Version == 0
                ? []
                : [.. current.Previous, new AttachmentVersion(current.Version, current.Size, current.Sha256, current.UploadedAt, current.UploadedBy)],
        };
        var entity = table.NewEntity(OrderAttachment.RowKey(orderId, kind));
        next.WriteTo(entity);
        var etag = row is null ? await table.InsertAsync(entity, ct) : await table.UpdateAsync(entity, row.ETag, ct: ct);
        return next with { ETag = etag };
    }

    public async Task<Stream> OpenAsync(OrderAttachment file, CancellationToken ct)
    {
        var download = await files.DownloadAsync(file.Kind, file.OrderId, OrderAttachment.BlobName(file.Version), ct);
        return download.Content;
    }

    public async Task<FileLink> ReadLinkAsync(OrderAttachment file, CancellationToken ct)
    {
        var url = await files.ReadLinkAsync(file.Kind, file.OrderId, OrderAttachment.BlobName(file.Version), LinkLifetime, ct);
        return new FileLink(url, clock.GetUtcNow().Add(LinkLifetime));
    }
}
