namespace CrmSaaS.Storage;

/// <summary>
/// Counts storage transactions (every HTTP attempt, retries included; a table batch is one) so tests can assert
/// cost budgets. Scopes flow with the async context and nest: every open scope on the flow counts a transaction.
/// </summary>
public static class StorageTransactions
{
    private static readonly AsyncLocal<StorageTransactionScope?> _current = new();
    private static long _total;

    public static long TotalSinceStart => Interlocked.Read(ref _total);

    public static StorageTransactionScope BeginScope()
    {
        var scope = new StorageTransactionScope(_current.Value);
        _current.Value = scope;
        return scope;
    }

    internal static void Record(StorageService service)
    {
        Interlocked.Increment(ref _total);
        for (var scope = _current.Value; scope is not null; scope = scope.Parent)
        {
            scope.Record(service);
        }
    }

    /// <summary>Counts the entities a table query page returned, so a read that walks a whole range shows up even when it fits one page.</summary>
    internal static void RecordQueryRows(int rows)
    {
        for (var scope = _current.Value; scope is not null; scope = scope.Parent)
        {
            scope.RecordQueryRows(rows);
        }
    }

    internal static void End(StorageTransactionScope scope)
    {
        // Only unwind when the scope being disposed is the innermost one on this flow; disposing out of order
        // simply stops that scope from counting (Record skips disposed scopes).
        if (ReferenceEquals(_current.Value, scope))
        {
            var parent = scope.Parent;
            while (parent is not null && parent.IsDisposed)
            {
                parent = parent.Parent;
            }

            _current.Value = parent;
        }
    }
}

public sealed class StorageTransactionScope : IDisposable
{
    private long _table;
    private long _blob;
    private long _queue;
    private long _queryRows;
    private int _disposed;

    internal StorageTransactionScope(StorageTransactionScope? parent) => Parent = parent;

    internal StorageTransactionScope? Parent { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public long Count => TableCount + BlobCount + QueueCount;

    public long TableCount => Interlocked.Read(ref _table);

    public long BlobCount => Interlocked.Read(ref _blob);

    public long QueueCount => Interlocked.Read(ref _queue);

    /// <summary>Entities returned by table queries (range scans) in this scope; point reads are not counted.</summary>
    public long QueryRows => Interlocked.Read(ref _queryRows);

    internal void Record(StorageService service)
    {
        if (IsDisposed)
        {
            return;
        }

        switch (service)
        {
            case StorageService.Table:
                Interlocked.Increment(ref _table);
                break;
            case StorageService.Blob:
                Interlocked.Increment(ref _blob);
                break;
            case StorageService.Queue:
                Interlocked.Increment(ref _queue);
                break;
        }
    }

    internal void RecordQueryRows(int rows)
    {
        if (!IsDisposed)
        {
            Interlocked.Add(ref _queryRows, rows);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            StorageTransactions.End(this);
        }
    }
}

internal enum StorageService
{
    Table,
    Blob,
    Queue,
}
