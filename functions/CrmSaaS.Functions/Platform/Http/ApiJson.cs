using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// The API's JSON conventions. Records keep their version as <see cref="ETag"/>; clients always read it as the string
/// <c>etag</c> (the value to send back in <c>If-Match</c>), whichever feature produced the record.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = new ApiNamingPolicy();
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new ETagConverter());
    }

    private sealed class ApiNamingPolicy : JsonNamingPolicy
    {
        // camelCase turns "ETag" into "eTag"; one spelling for every record.
        public override string ConvertName(string name) =>
            name == "ETag" ? "etag" : CamelCase.ConvertName(name);
    }

    private sealed class ETagConverter : JsonConverter<ETag>
    {
        public override ETag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? default : new ETag(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, ETag value, JsonSerializerOptions options)
        {
            if (value == default)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value.ToString());
            }
        }
    }
}
