using System.Net;
using System.Net.Sockets;
using CrmSaaS.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// The whole product for browser tests: Azurite and MailDev (shared, free ports), the real API on Kestrel with its
/// background queue dispatcher, the built portal (portal-static/dist) served on its own port with /api forwarded
/// to the API — the same shape as production (static site + API) — and Debian's Chromium driven by Playwright.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fixture through IAsyncLifetime.DisposeAsync.
public sealed class E2EStack : IAsyncLifetime
#pragma warning restore CA1001
{
    private ApiFactory? _api;
    private WebApplication? _portal;
    private IPlaywright? _playwright;

    public AzuriteInstance Azurite { get; private set; } = null!;
    public MailDevInstance MailDev { get; private set; } = null!;
    public string ApiBaseUrl { get; private set; } = "";
    public string PortalUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory => Path.Combine(RepositoryPaths.Root(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteInstance.GetSharedAsync();
        MailDev = await MailDevInstance.GetSharedAsync();

        var portalPort = FreePort();
        PortalUrl = $"http://127.0.0.1:{portalPort}";
        _api = new ApiFactory(Azurite.ConnectionString, MailDev.SmtpPort, PortalUrl);
        _api.UseKestrel(0);
        _api.StartServer();
        ApiBaseUrl = _api.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _portal = BuildPortalServer(portalPort, ApiBaseUrl);
        await _portal.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_portal is not null)
        {
            await _portal.StopAsync();
            await _portal.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (own cookies and storage) sized like a desktop or a phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 780 } : new ViewportSize { Width = 1366, Height = 900 },
            Locale = "pt-BR",
            TimezoneId = "America/Sao_Paulo",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    private static string FindChromium()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium not found: install Debian's `chromium` (scripts/test.sh does it).");
    }

    private static WebApplication BuildPortalServer(int port, string apiBaseUrl)
    {
        var dist = Path.Combine(RepositoryPaths.Root(), "portal-static", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException($"The portal is not built ({dist}): run `npm run build` in portal-static (scripts/test.sh does it).");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        var app = builder.Build();
        var files = new PhysicalFileProvider(dist);
        var forwarder = new HttpClient { BaseAddress = new Uri(apiBaseUrl) };

        // Forward /api to the API, like the production static site calling its API.
        app.Map("/api", api => api.Run(async http =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), http.Request.Path.Value is { Length: > 0 } rest
                ? "/api" + rest + http.Request.QueryString
                : "/api" + http.Request.QueryString);
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                request.Content = new StreamContent(http.Request.Body);
                if (http.Request.ContentType is { } contentType)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            foreach (var header in http.Request.Headers)
            {
                if (header.Key is "Host" or "Content-Type" or "Content-Length")
                {
                    continue;
                }

                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            using var response = await forwarder.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
            http.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key is "Transfer-Encoding")
                {
                    continue;
                }

                http.Response.Headers[header.Key] = header.Value.ToArray();
            }

            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallback(async http =>
        {
            // Client-side routes: the customer area has its own index under /cliente/.
            var index = http.Request.Path.StartsWithSegments("/cliente") && File.Exists(Path.Combine(dist, "cliente", "index.html"))
                ? Path.Combine(dist, "cliente", "index.html")
                : Path.Combine(dist, "index.html");
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.SendFileAsync(index);
        });
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ApiFactory(string storage, int smtpPort, string portalUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage,
                ["Storage:Prefix"] = "e" + Guid.NewGuid().ToString("N")[..10],
                ["Jwt:SigningKey"] = "e2e-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Portal:Origin"] = portalUrl,
                ["Portal:PublicBaseUrl"] = portalUrl,
                ["Queues:LocalDispatcher"] = "true",
                ["Queues:RetryDelay"] = "00:00:00.300",
                ["RateLimits:AuthPerMinute"] = "10000",
            }));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EStack>
{
    public const string Name = "e2e";
}
