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

    public void UseToken(string token) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public async Task<(JsonElement Body, Sample Sample, string? ETag)> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
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
