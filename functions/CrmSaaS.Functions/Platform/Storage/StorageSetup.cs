using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Platform;

public static class StorageSetup
{
    public static IServiceCollection AddCrmStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton<StorageNames>();
        services.AddSingleton(sp => sp.GetRequiredService<StorageOptions>().CreateAccount());
        services.AddSingleton(sp => new TenantDataTableClient(
            sp.GetRequiredService<StorageAccount>().GetTableClient(sp.GetRequiredService<StorageNames>().TenantDataTable)));
        services.AddSingleton(sp => new DirectoryTable(
            sp.GetRequiredService<StorageAccount>().GetTableClient(sp.GetRequiredService<StorageNames>().DirectoryTable)));
        services.AddSingleton(sp => new FilesContainer(
            sp.GetRequiredService<StorageAccount>().GetBlobContainerClient(sp.GetRequiredService<StorageNames>().FilesContainer)));
        services.AddScoped<RequestContext>();
        services.AddScoped(sp => new TenantTable(sp.GetRequiredService<TenantDataTableClient>().Table, sp.GetRequiredService<RequestContext>()));
        services.AddScoped<TenantCounters>();
        services.AddScoped<TenantFiles>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<QueueRuntime>();
        services.AddHostedService<StorageBootstrap>();
        return services;
    }
}

/// <summary>The raw <c>tenantdata</c> table client; only <see cref="TenantTable"/> is built from it.</summary>
public sealed record TenantDataTableClient(TableClient Table);

/// <summary>The blob container for every tenant's files (<c>&lt;tenantId&gt;/&lt;kind&gt;/&lt;id&gt;/&lt;file&gt;</c>).</summary>
public sealed record FilesContainer(BlobContainerClient Container);

/// <summary>
/// Creates tables, queues and the container when <see cref="StorageOptions.CreateResources"/> is on (local runs,
/// tests). In Azure the infrastructure creates them, keeping cold starts free of storage calls.
/// </summary>
public sealed class StorageBootstrap(
    StorageOptions options,
    TenantDataTableClient tenantData,
    DirectoryTable directory,
    FilesContainer files,
    QueueRuntime queues,
    ILogger<StorageBootstrap> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.CreateResources)
        {
            return;
        }

        await tenantData.Table.CreateIfNotExistsAsync(cancellationToken);
        await directory.Table.CreateIfNotExistsAsync(cancellationToken);
        await files.Container.CreateIfNotExistsAsync(cancellationToken);
        foreach (var (_, queue, _) in queues.Handlers)
        {
            await queues.Queue(queue).CreateIfNotExistsAsync(cancellationToken);
            await queues.Queue(queue + "-poison").CreateIfNotExistsAsync(cancellationToken);
        }

        logger.LogInformation("Storage resources ready");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Counts the storage transactions each request causes and reports them in <c>X-Storage-Transactions</c> and the
/// log, so cost budgets can be asserted by tests and watched in production.
/// </summary>
public sealed class StorageTransactionsMiddleware(RequestDelegate next, ILogger<StorageTransactionsMiddleware> logger)
{
    public const string Header = "X-Storage-Transactions";

    /// <summary>Entities the request's table queries returned: what a list read, beyond how many round trips it took.</summary>
    public const string QueryRowsHeader = "X-Storage-Query-Rows";

    public async Task InvokeAsync(HttpContext http)
    {
        using var scope = StorageTransactions.BeginScope();
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = scope.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers[QueryRowsHeader] = scope.QueryRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(http);
        logger.LogDebug("{Method} {Path} used {Transactions} storage transactions", http.Request.Method, http.Request.Path, scope.Count);
    }
}
