using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// The only door to tenant files, like <see cref="TenantTable"/> for records: every blob name starts with the
/// caller's tenant (<c>&lt;tenantId&gt;/&lt;kind&gt;/&lt;id&gt;/&lt;file&gt;</c>) and is built from checked parts, never from a
/// client's path, so one tenant cannot read or write another's folder.
/// </summary>
public sealed class TenantFiles(FilesContainer files, RequestContext context)
{
    public string PathFor(string kind, string id, string fileName) =>
        string.Join('/', context.RequireTenantId(), Part(kind, nameof(kind)), Part(id, nameof(id)), FileName(fileName));

    public Task<BlobProperties> UploadAsync(
        string kind, string id, string fileName, BinaryData content, string contentType,
        IDictionary<string, string>? metadata = null, bool overwrite = true, CancellationToken ct = default) =>
        files.Container.UploadAsync(PathFor(kind, id, fileName), content, contentType, metadata, overwrite, ct);

    public Task<BlobDownloadResult> DownloadAsync(string kind, string id, string fileName, CancellationToken ct = default) =>
        files.Container.DownloadAsync(PathFor(kind, id, fileName), ct);

    public Task<bool> DeleteIfExistsAsync(string kind, string id, string fileName, CancellationToken ct = default) =>
        files.Container.DeleteIfExistsAsync(PathFor(kind, id, fileName), ct);

    /// <summary>A short-lived read-only link to one file (user-delegation SAS under a managed identity).</summary>
    public Task<Uri> ReadLinkAsync(string kind, string id, string fileName, TimeSpan lifetime, CancellationToken ct = default) =>
        files.Container.GenerateReadSasUriAsync(PathFor(kind, id, fileName), DateTimeOffset.UtcNow.Add(lifetime), ct);

    /// <summary>A stored file name from whatever the client sent: no folders, no dot names, safe characters only.</summary>
    public static string FileName(string? requested)
    {
        var name = Path.GetFileName((requested ?? "").Replace('\\', '/'));
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('.', '-');
        return string.IsNullOrEmpty(safe) ? "arquivo" : safe.Length > 120 ? safe[^120..] : safe;
    }

    private static string Part(string value, string name) =>
        Ids.IsWellFormed(value) ? value : throw new ArgumentException($"Invalid {name} for a file path: '{value}'.", name);
}
