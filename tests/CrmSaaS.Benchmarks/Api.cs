using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmSaaS.Benchmarks;

/// <summary>An authenticated client of the API that times each call and reads its storage-transaction count.</summary>
public sealed class Api(HttpClient http)
{
    public const string TransactionsHeader = "X-Storage-Transactions";

    public HttpClient Http => http;

    private readonly Lock _gate = new();
    private Task _renewal = Task.CompletedTask;
    private Func<Task<string>>? _logIn;
    private volatile AuthenticationHeaderValue? _authorization;

    // Set on each request, not on the shared client's default headers, because a renewal happens while other requests run.
    public void UseToken(string token) => _authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>
    /// Logs in now and again whenever the access token expires (a full-scale load outlasts it), so a long run keeps
    /// its session the way the portal does with its refresh.
    /// </summary>
    public async Task UseLogInAsync(Func<Task<string>> logIn)
    {
        _logIn = logIn;
        UseToken(await logIn());
    }

    public async Task<(JsonElement Body, Sample Sample, string? ETag)> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var used = _authorization;
        try
        {
            return await SendOnceAsync(method, path, body, ifMatch);
        }
        catch (ApiException ex) when (ex.Status == HttpStatusCode.Unauthorized && _logIn is not null)
        {
            Task renewal;
            lock (_gate)
            {
                // One login for all the requests that found the same token expired.
                if (ReferenceEquals(_authorization, used) && _renewal.IsCompleted)
                {
                    _renewal = RenewAsync(_logIn);
                }

                renewal = _renewal;
            }

            await renewal;
            return await SendOnceAsync(method, path, body, ifMatch);
        }
    }

    private async Task RenewAsync(Func<Task<string>> logIn) => UseToken(await logIn());

    private async Task<(JsonElement Body, Sample Sample, string? ETag)> SendOnceAsync(HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = _authorization;
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        var transactions = response.Headers.TryGetValues(TransactionsHeader, out var values) && int.TryParse(values.FirstOrDefault(), out var count) ? count : 0;
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(method, path, response.StatusCode, text);
        }

        return (json, new Sample(clock.Elapsed.TotalMilliseconds, transactions, true), response.Headers.ETag?.ToString());
    }

    public async Task<JsonElement> PostAsync(string path, object body) => (await SendAsync(HttpMethod.Post, path, body)).Body;

    public async Task<JsonElement> GetAsync(string path) => (await SendAsync(HttpMethod.Get, path)).Body;
}

public sealed class ApiException(HttpMethod method, string path, HttpStatusCode status, string body)
    : InvalidOperationException($"{method} {path} → {(int)status}: {body[..Math.Min(body.Length, 300)]}")
{
    public HttpStatusCode Status { get; } = status;
}
