using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tests.Platform;

public sealed class ApiJsonTests
{
    private sealed record Versioned(string Id, ETag ETag, ETag Missing);

    [Fact]
    public void A_record_version_is_written_as_the_etag_string_to_send_back()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);

        var json = JsonSerializer.Serialize(new Versioned("01J", new ETag("W/\"datetime'2026-11-23T09%3A00%3A00Z'\""), default), options);

        json.ShouldBe("{\"id\":\"01J\",\"etag\":\"W/\\u0022datetime\\u00272026-11-23T09%3A00%3A00Z\\u0027\\u0022\",\"missing\":null}");
        JsonSerializer.Deserialize<Versioned>(json, options)!.ETag.ToString().ShouldBe("W/\"datetime'2026-11-23T09%3A00%3A00Z'\"");
    }
}
