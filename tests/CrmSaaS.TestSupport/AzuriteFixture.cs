using CrmSaaS.Storage;
using Xunit;

namespace CrmSaaS.TestSupport;

/// <summary>xunit class fixture giving a test class the shared Azurite (started once per test process).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _instance;

    public AzuriteInstance Instance => _instance ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public StorageAccount Account => Instance.Account;

    public string ConnectionString => Instance.ConnectionString;

    public async Task InitializeAsync() => _instance = await AzuriteInstance.GetSharedAsync();

    // The shared instance outlives every test class; it is killed at process exit.
    public Task DisposeAsync() => Task.CompletedTask;
}
