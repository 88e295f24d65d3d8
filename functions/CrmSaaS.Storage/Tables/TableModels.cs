using Azure;

namespace CrmSaaS.Storage;

public enum TableUpdateMode
{
    Merge,
    Replace,
}

/// <summary>One page of a query; <see cref="ContinuationToken"/> is opaque and null after the last page.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    UpsertMerge,
    UpsertReplace,
    Delete,
}

/// <summary>One operation of an entity-group transaction. ETag applies to Update*/Delete; default means "*" (any).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);

/// <summary>The changeset of a table transaction failed; nothing of it was written.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null) =>
        FailedTransactionActionIndex = failedTransactionActionIndex;

    /// <summary>Zero-based index, in the submitted order, of the action the service rejected (null if it did not say).</summary>
    public int? FailedTransactionActionIndex { get; }
}
