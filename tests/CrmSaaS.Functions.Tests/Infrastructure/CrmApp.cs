using System.Net.Http.Headers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Infrastructure;

/// <summary>
/// The real app against the shared Azurite and MailDev, with its own tables, queues and container (a unique
/// storage prefix), so each test class starts from empty storage. Queue steps are run by the tests
/// (<see cref="DrainQueuesAsync"/>) rather than by the background dispatcher, so tests are deterministic.
/// Use as <c>IClassFixture&lt;CrmApp&gt;</c>.
/// </summary>
public class CrmApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";
    public const string PortalBaseUrl = "http://portal.test";

    public AzuriteInstance Azurite { get; private set; } = null!;
    public MailDevInstance MailDev { get; private set; } = null!;
    public string StoragePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Extra settings a test class needs (e.g. a lower rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Run the background dispatcher too (only the dispatcher's own tests want it).</summary>
    protected virtual bool LocalDispatcher => false;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteInstance.GetSharedAsync();
        MailDev = await MailDevInstance.GetSharedAsync();
        _ = Server; // start the host now: storage resources are created at start-up
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = Azurite.ConnectionString,
                ["Storage:Prefix"] = StoragePrefix,
                ["Storage:CreateResources"] = "true",
                ["Jwt:SigningKey"] = SigningKey,
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Portal:PublicBaseUrl"] = PortalBaseUrl,
                ["Queues:LocalDispatcher"] = LocalDispatcher ? "true" : "false",
                ["Queues:RetryDelay"] = "00:00:00.200",
                ["Queues:HostEndpoints"] = "true",
                ["RateLimits:AuthPerMinute"] = "10000",
            };
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            config.AddInMemoryCollection(settings);
        });
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client with no token.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A staff client of <paramref name="tenant"/> with the given roles (default: admin).</summary>
    public HttpClient Staff(TestTenant tenant, params string[] roles) =>
        WithToken(Service<TokenService>().IssueStaffToken(
            tenant.TenantId, tenant.AdminUserId, "Admin " + tenant.Name, tenant.AdminEmail, roles.Length == 0 ? [Roles.Admin] : roles));

    public HttpClient StaffUser(TestTenant tenant, string userId, string name, params string[] roles) =>
        WithToken(Service<TokenService>().IssueStaffToken(tenant.TenantId, userId, name, $"{userId}@example.com", roles));

    public HttpClient Customer(TestTenant tenant, string customerId, string contactId = "contact-1", string name = "Contato Cliente") =>
        WithToken(Service<TokenService>().IssueCustomerToken(tenant.TenantId, customerId, contactId, name, $"{contactId}@cliente.example.com"));

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A fresh tenant id with an admin identity (records are created by the features' own endpoints).</summary>
    public static TestTenant NewTenant(string name = "Empresa Teste") =>
        new(Ids.New(), Ids.New(), name, $"admin-{Guid.NewGuid():N}@example.com");

    /// <summary>Runs queue steps until every queue is empty (and returns how many messages were handled).</summary>
    public async Task<int> DrainQueuesAsync(int maxRounds = 50)
    {
        var runtime = Service<QueueRuntime>();
        var dispatcher = Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<LocalQueueDispatcher>().Single();
        var total = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var handled = 0;
            foreach (var (function, queue, _) in runtime.Handlers)
            {
                handled += await dispatcher.ProcessBatchAsync(function, queue, CancellationToken.None);
            }

            total += handled;
            if (handled == 0)
            {
                return total;
            }
        }

        return total;
    }
}

public sealed record TestTenant(string TenantId, string AdminUserId, string Name, string AdminEmail);
