using Azure.Core;
using Azure.Core.Pipeline;

namespace CrmSaaS.Storage;

/// <summary>
/// Counts storage transactions (every HTTP attempt sent to a storage service: a retry is billed too, a batch is
/// one), per logical operation through <see cref="BeginScope"/> and in total, so cost budgets can be asserted.
/// </summary>
public static class StorageTransactions
{
    private static readonly AsyncLocal<ScopeNode?> Current = new();
    private static long _total;

    public static long TotalSinceStart => Interlocked.Read(ref _total);

    /// <summary>Starts counting in this async flow; nested scopes each count what happens inside them.</summary>
    public static StorageTransactionScope BeginScope()
    {
        var scope = new StorageTransactionScope();
        var node = new ScopeNode(scope, Current.Value);
        Current.Value = node;
        scope.OnDispose = () =>
        {
            // Pop this scope (and anything left above it) from the current flow.
            var cursor = Current.Value;
            while (cursor is not null && !ReferenceEquals(cursor.Scope, scope))
            {
                cursor = cursor.Parent;
            }

            Current.Value = cursor?.Parent;
        };
        return scope;
    }

    internal static void Record(StorageService service)
    {
        Interlocked.Increment(ref _total);
        for (var node = Current.Value; node is not null; node = node.Parent)
        {
            if (!node.Scope.IsDisposed)
            {
                node.Scope.Add(service);
            }
        }
    }

    private sealed record ScopeNode(StorageTransactionScope Scope, ScopeNode? Parent);
}

public enum StorageService
{
    Table,
    Blob,
    Queue,
}

public sealed class StorageTransactionScope : IDisposable
{
    private long _table;
    private long _blob;
    private long _queue;

    internal Action? OnDispose { get; set; }
    internal bool IsDisposed { get; private set; }

    public long Count => TableCount + BlobCount + QueueCount;
    public long TableCount => Interlocked.Read(ref _table);
    public long BlobCount => Interlocked.Read(ref _blob);
    public long QueueCount => Interlocked.Read(ref _queue);

    internal void Add(StorageService service)
    {
        switch (service)
        {
            case StorageService.Table:
                Interlocked.Increment(ref _table);
                break;
            case StorageService.Blob:
                Interlocked.Increment(ref _blob);
                break;
            default:
                Interlocked.Increment(ref _queue);
                break;
        }
    }

    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            OnDispose?.Invoke();
        }
    }
}

/// <summary>Counts each attempt; the service is told by the request's own marker (set by the clients).</summary>
internal sealed class StorageTransactionCountingPolicy : HttpPipelineSynchronousPolicy
{
    public const string ServiceProperty = "crmsaas.storage.service";

    public override void OnSendingRequest(HttpMessage message)
    {
        var service = message.TryGetProperty(ServiceProperty, out var value) && value is StorageService s ? s : StorageService.Table;
        StorageTransactions.Record(service);
    }
}
