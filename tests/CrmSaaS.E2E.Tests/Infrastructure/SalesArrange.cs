using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CrmSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// Records the sales and billing browser tests need but are not about (catalogue, customer, fiscal settings, tasks
/// completed in bulk), arranged through the public API as the admin.
/// </summary>
public static class SalesArrange
{
    /// <summary>A catalogue service ready for an NFS-e: municipal item, national code (cTribNac) and ISS rate.</summary>
    public static Task<string> ServiceAsync(HttpClient api, string code, string description, decimal unitPrice) =>
        api.CreateAsync("/api/catalogue/services", new
        {
            code,
            description,
            unitPrice,
            municipalServiceCode = "01.07",
            nationalTaxCode = "010701",
            issRate = 2.5m,
        });

    /// <summary>A billing customer with the address an NFS-e taker carries.</summary>
    public static Task<string> CustomerAsync(HttpClient api, string legalName, string taxId) =>
        api.CreateAsync("/api/customers", new
        {
            legalName,
            tradeName = legalName,
            taxId,
            email = "financeiro@cliente.example.com",
            street = "Rua Barão de Jaguara",
            number = "1000",
            district = "Centro",
            city = "Campinas",
            state = "SP",
            postalCode = "13015-904",
            cityIbgeCode = "3509502",
        });

    /// <summary>The issuer's fiscal data, without which no invoice is issued.</summary>
    public static async Task FiscalSettingsAsync(HttpClient api, string issuerTaxId) =>
        await SendAsync(api, HttpMethod.Put, "/api/billing/settings",
            new { issuerTaxId, municipalityCode = "3509502", simplesNacional = "MicroOrSmallCompany", series = "1" }, "*");

    /// <summary>Completes a task in the Central de Tarefas' place, reading its ETag first.</summary>
    public static async Task CompleteTaskAsync(HttpClient api, string taskId)
    {
        using var read = await api.GetAsync($"/api/tasks/{Uri.EscapeDataString(taskId)}");
        read.EnsureSuccessStatusCode();
        await SendAsync(api, HttpMethod.Post, $"/api/tasks/{Uri.EscapeDataString(taskId)}/complete", null, read.Headers.ETag?.Tag);
    }

    public static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task SendAsync(HttpClient api, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? new StringContent("", Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await api.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
