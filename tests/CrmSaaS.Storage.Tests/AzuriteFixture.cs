using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests;

/// <summary>The shared Azurite and a fresh table, queue and container for one test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public StorageAccount Account { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public TableClient Table { get; private set; } = null!;
    public QueueClient Queue { get; private set; } = null!;
    public BlobContainerClient Container { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteInstance.GetSharedAsync();
        Account = azurite.Account;
        ConnectionString = azurite.ConnectionString;
        Table = Account.GetTableClient(TestNames.Table());
        Queue = Account.GetQueueClient(TestNames.Queue());
        Container = Account.GetBlobContainerClient(TestNames.Container());
        await Table.CreateIfNotExistsAsync();
        await Queue.CreateIfNotExistsAsync();
        await Container.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
