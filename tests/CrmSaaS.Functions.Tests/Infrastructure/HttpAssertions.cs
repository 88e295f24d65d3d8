using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.ShouldHaveStatusAsync(expected);
        return (await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options))!;
    }

    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Shouldly.ShouldAssertException(
                $"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 ProblemDetails with the stable <c>code</c>; returns it for more checks.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static long StorageTransactions(this HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues(StorageTransactionsMiddleware.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);

    public static long StorageQueryRows(this HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues(StorageTransactionsMiddleware.QueryRowsHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
}
