using Azure.Identity;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Storage configuration. Locally and in tests: <c>Storage:ConnectionString</c> (Azurite). In Azure:
/// <c>Storage:AccountName</c> with the Function App's managed identity (shared-key access is disabled there).
/// <c>Storage:Prefix</c> lets tests give each app instance its own tables, queues and container.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }

    /// <summary>Client id of a user-assigned identity; empty uses the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Prefix { get; set; } = "";

    /// <summary>Create tables, queues and the container at start-up (local runs, tests). Infra creates them in Azure.</summary>
    public bool CreateResources { get; set; } = true;

    public StorageAccount CreateAccount()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return StorageAccount.Parse(ConnectionString);
        }

        if (!string.IsNullOrWhiteSpace(AccountName))
        {
            var credential = string.IsNullOrWhiteSpace(ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ManagedIdentityClientId });
            return StorageAccount.FromEndpoints(
                new Uri($"https://{AccountName}.table.core.windows.net/"),
                new Uri($"https://{AccountName}.blob.core.windows.net/"),
                new Uri($"https://{AccountName}.queue.core.windows.net/"),
                credential);
        }

        throw new InvalidOperationException(
            "Storage is not configured: set Storage__ConnectionString (e.g. UseDevelopmentStorage=true) or Storage__AccountName.");
    }
}

/// <summary>The resource names, prefixed per app instance (tests run many instances against one Azurite).</summary>
public sealed class StorageNames(StorageOptions options)
{
    public string TenantDataTable => Table("tenantdata");
    public string DirectoryTable => Table("directory");
    public string FilesContainer => (options.Prefix + "files").ToLowerInvariant();

    public string Queue(string logicalName) =>
        string.IsNullOrEmpty(options.Prefix) ? logicalName : $"{options.Prefix.ToLowerInvariant()}-{logicalName}";

    // Table names are alphanumeric only.
    private string Table(string name) => new string((options.Prefix + name).Where(char.IsAsciiLetterOrDigit).ToArray());
}
