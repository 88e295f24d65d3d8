using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace CrmSaaS.TestSupport;

/// <summary>
/// One MailDev (SMTP catcher with a REST API, from tools/node_modules) per test process, on free ports.
/// Tests read the e-mails the app really sent through SMTP.
/// </summary>
public sealed class MailDevInstance : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MailDevInstance? _shared;
    private readonly Process _process;
    private readonly HttpClient _http;

    private MailDevInstance(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    public static async Task<MailDevInstance> GetSharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared?.Kill();
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<MailDevInstance> StartAsync()
    {
        var bin = Path.Combine(RepositoryPaths.ToolsNodeModules(), ".bin", "maildev");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"MailDev not found at {bin}. Run `cd tools && npm ci` (scripts/test.sh does it).");
        }

        var smtp = FreePort();
        var web = FreePort();
        var info = new ProcessStartInfo(bin)
        {
            ArgumentList = { "--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("MailDev did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new MailDevInstance(process, smtp, web);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"MailDev exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await instance._http.GetAsync("email");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return instance;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        instance.Kill();
        throw new TimeoutException("MailDev did not answer within 30 s.");
    }

    /// <summary>Waits for an e-mail to <paramref name="to"/> whose subject contains <paramref name="subjectContains"/>.</summary>
    public async Task<ReceivedEmail> WaitForEmailAsync(string to, string subjectContains = "", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = (await ListAsync()).LastOrDefault(e =>
                e.To.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                && e.Subject.Contains(subjectContains, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(150);
        }

        throw new TimeoutException($"No e-mail to {to} with subject containing '{subjectContains}' arrived.");
    }

    public async Task<IReadOnlyList<ReceivedEmail>> ListAsync() =>
        await _http.GetFromJsonAsync<List<ReceivedEmail>>("email") ?? [];

    public async Task<IReadOnlyList<ReceivedEmail>> EmailsToAsync(string to) =>
        (await ListAsync()).Where(e => e.To.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record ReceivedEmail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] IReadOnlyList<EmailAddress> To)
{
    /// <summary>The <c>token</c> query value of the first link starting with <paramref name="prefix"/>, unescaped.</summary>
    public string TokenOfLink(string prefix)
    {
        var token = System.Text.RegularExpressions.Regex.Match(LinkStartingWith(prefix), "token=([^&\"]+)").Groups[1].Value;
        return Uri.UnescapeDataString(token);
    }

    /// <summary>The first link in the text body that starts with <paramref name="prefix"/>.</summary>
    public string LinkStartingWith(string prefix)
    {
        var body = Text ?? Html ?? "";
        var start = body.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No link starting with {prefix} in: {body}");
        }

        var end = start;
        while (end < body.Length && !char.IsWhiteSpace(body[end]) && body[end] is not '"' and not '<' and not '>')
        {
            end++;
        }

        return body[start..end];
    }
}

public sealed record EmailAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
