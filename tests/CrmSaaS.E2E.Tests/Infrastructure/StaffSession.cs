using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmSaaS.TestSupport;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Infrastructure;

/// <summary>A company that signed up and confirmed its e-mail through the API, and its admin's credentials.</summary>
public sealed record StaffAccount(string Email, string Password, string TenantId, string Slug, string CompanyName);

public static class StaffSession
{
    /// <summary>
    /// A company signed up with its admin's e-mail confirmed through the public API (the browser path is covered by
    /// <c>SignUpFlowTests</c>), so each workflow test starts from its own clean tenant.
    /// </summary>
    public static async Task<StaffAccount> SignUpAsync(E2EStack stack, string companyName)
    {
        using var http = new HttpClient { BaseAddress = new Uri(stack.ApiBaseUrl) };
        var tenant = await TenantSignUp.SignUpAndConfirmAsync(http, stack.MailDev, stack.PortalUrl, companyName, E2EData.NewCnpj(), "Ana Souza", "exemplo.com.br");
        return new StaffAccount(tenant.Email, tenant.Password, tenant.TenantId, tenant.Slug, tenant.TradeName);
    }

    /// <summary>Logs the admin in through the portal's login page and waits for the dashboard.</summary>
    public static async Task<IPage> LogInAsync(E2EStack stack, StaffAccount account, bool phone = false)
    {
        var page = await stack.NewPageAsync(phone);
        await page.GotoAsync(stack.PortalUrl + "/#/entrar");
        await page.GetByLabel("E-mail").FillAsync(account.Email);
        await page.GetByLabel(new Regex("^Senha")).FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Painel" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>An API client with the admin's access token, for arranging records a test is not about.</summary>
    public static async Task<HttpClient> ApiAsync(E2EStack stack, StaffAccount account)
    {
        var http = new HttpClient { BaseAddress = new Uri(stack.ApiBaseUrl) };
        var token = await TenantSignUp.LogInAsync(http, account.Email, account.Password);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>POSTs JSON and returns the created record's id, failing with the API's answer when it is refused.</summary>
    public static async Task<string> CreateAsync(this HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }


}
