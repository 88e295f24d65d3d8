using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// The global directory (slugs, login e-mails, hashed tokens). Kept apart from tenant data so that no tenant
/// store can reach it; only the identity features use it.
/// </summary>
public sealed class DirectoryTable(TableClient table)
{
    public TableClient Table => table;
}
