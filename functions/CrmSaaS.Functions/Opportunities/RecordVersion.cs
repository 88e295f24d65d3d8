using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>
/// The version clients send back in If-Match for opportunities and tasks: a counter stored on the record AND copied onto
/// its index rows (kanban cards, task lists), so a card or a list row can be moved or completed under If-Match without
/// reading the record first. A storage ETag cannot do that: it is only known after the batch that writes the index rows.
/// Writes are still guarded by the record's storage ETag, so two writers cannot both pass the check.
/// </summary>
public static class RecordVersion
{
    public const string Property = "Version";

    public static long Of(TableEntity row) => row.GetInt64(Property) ?? 0;

    public static ETag ETagOf(long version) => new($"\"v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"");

    /// <summary>A stale If-Match is the same 412 <c>conflict</c> a storage ETag mismatch gives.</summary>
    public static void Require(long current, ETag ifMatch)
    {
        if (ETagOf(current) != ifMatch)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }
}
