using System.Diagnostics;
using System.Net.Http.Json;
using CrmSaaS.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CrmSaaS.Benchmarks;

/// <summary>
/// The product as the benchmark drives it: Azurite and MailDev (from tools/node_modules), and the real API on Kestrel
/// with its local queue dispatcher — the same process shape as <c>scripts/run-local.sh</c>.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    private ApiFactory? _api;

    public AzuriteInstance Azurite { get; private set; } = null!;
    public MailDevInstance MailDev { get; private set; } = null!;
    public string ApiBaseUrl { get; private set; } = "";
    public string PortalUrl { get; } = "http://localhost:5173";

    public static async Task<BenchStack> StartAsync()
    {
        var stack = new BenchStack
        {
            Azurite = await AzuriteInstance.GetSharedAsync(),
            MailDev = await MailDevInstance.GetSharedAsync(),
        };
        stack._api = new ApiFactory(stack.Azurite.ConnectionString, stack.MailDev.SmtpPort, stack.PortalUrl);
        stack._api.UseKestrel(0);
        stack._api.StartServer();
        stack.ApiBaseUrl = stack._api.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return stack;
    }

    public HttpClient NewClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(ApiBaseUrl), Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>Signs a company up, confirms its admin from the real e-mail, and returns a logged-in client.</summary>
    public async Task<(Api Admin, string Slug)> SignUpAsync(string tradeName)
    {
        var http = NewClient();
        var tenant = await TenantSignUp.SignUpAndConfirmAsync(http, MailDev, PortalUrl, tradeName, BrazilianData.Cnpj(), "Beatriz Andrade", "bench.com.br");
        var api = new Api(http);
        await api.UseLogInAsync(() => TenantSignUp.LogInAsync(http, tenant.Email, tenant.Password));
        var slug = tenant.Slug;
        return (api, slug);
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    /// <summary>Time from starting the published API as its own process to its first successful answer, and its memory.</summary>
    /// <summary>
    /// Starts the app as its own process — <paramref name="app"/> is the build's dll (run with <c>dotnet</c>) or a published
    /// self-contained executable — and times it to the first successful health check (which reads Table Storage).
    /// As the Functions host starts it (<paramref name="asFunctionsHost"/>: the port in FUNCTIONS_CUSTOMHANDLER_PORT, no
    /// local dispatcher, no resource creation, as in Azure) the tables of <paramref name="prefix"/> must exist: a first
    /// start without it creates them.
    /// </summary>
    public static async Task<StartupResult?> MeasureStartupAsync(string connectionString, string app, string prefix, bool asFunctionsHost = true)
    {
        if (!File.Exists(app))
        {
            return null;
        }

        var port = FreePort();
        var start = app.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet", $"\"{app}\"")
            : new ProcessStartInfo(app) { WorkingDirectory = Path.GetDirectoryName(app)! };
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        if (asFunctionsHost)
        {
            start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Queues__LocalDispatcher"] = "false";
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Storage__Prefix"] = prefix;
        start.Environment["Jwt__SigningKey"] = "benchmark-signing-key-0123456789-abcdefghijklmnop";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        TimeSpan? firstAnswer = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && firstAnswer is null)
        {
            try
            {
                var answer = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                if (answer.IsSuccessStatusCode)
                {
                    firstAnswer = clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10);
            }
        }

        await Task.Delay(2000);
        process.Refresh();
        var atRest = process.WorkingSet64;
        var health = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => http.GetAsync($"http://127.0.0.1:{port}/api/health")));
        process.Refresh();
        var underLoad = Math.Max(process.WorkingSet64, atRest);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return firstAnswer is null ? null : new StartupResult(firstAnswer.Value.TotalMilliseconds, atRest / 1048576.0, underLoad / 1048576.0, health.Elapsed.TotalMilliseconds);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ApiFactory(string storage, int smtpPort, string portalUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(Path.Combine(RepositoryPaths.Root(), "functions", "CrmSaaS.Functions"));
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage,
                ["Storage:Prefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
                ["Jwt:SigningKey"] = "benchmark-signing-key-0123456789-abcdefghijklmnop",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Portal:Origin"] = portalUrl,
                ["Portal:PublicBaseUrl"] = portalUrl,
                ["Queues:LocalDispatcher"] = "true",
                ["Queues:RetryDelay"] = "00:00:01",
                ["Queues:BatchSize"] = "16",
                ["RateLimits:AuthPerMinute"] = "100000",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        }
    }
}

public sealed record StartupResult(double FirstAnswerMs, double MemoryAtRestMb, double MemoryUnderLoadMb, double FiveHundredHealthChecksMs);
