using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CrmSaaS.E2E.Tests.Infrastructure;

/// <summary>A customer with one contact that has an e-mail, arranged through the staff API.</summary>
public sealed record ArrangedCustomer(string Id, string LegalName, string ContactId, string ContactName, string ContactEmail);

/// <summary>
/// Records the customer-area and inventory browser tests are not about, made through the staff API in their documented
/// shapes (docs/api/crm-records.md, sales.md, billing.md, customer-area.md), and the small files they upload.
/// </summary>
public static class CustomerAreaArrange
{
    /// <summary>A customer with a full address (the NFS-e taker) and one contact with an e-mail.</summary>
    public static async Task<ArrangedCustomer> CustomerWithContactAsync(this HttpClient api, string legalName, string contactName)
    {
        var customerId = await api.CreateAsync("/api/customers", new
        {
            legalName,
            taxId = E2EData.NewCnpj(),
            email = $"financeiro.{Guid.NewGuid():N}@cliente.example.com",
            street = "Rua Barão de Jaguara",
            number = "1000",
            district = "Centro",
            city = "Campinas",
            state = "SP",
            postalCode = "13015-904",
            cityIbgeCode = "3509502",
        });
        var contactEmail = $"contato.{Guid.NewGuid():N}@cliente.example.com";
        var contactId = await api.CreateAsync($"/api/customers/{customerId}/contacts", new { name = contactName, email = contactEmail, role = "Compras" });
        return new ArrangedCustomer(customerId, legalName, contactId, contactName, contactEmail);
    }

    /// <summary>A billable service (NFS-e national code and ISS rate) in the catalogue.</summary>
    public static Task<string> ServiceAsync(this HttpClient api, string code, string description, decimal unitPrice) =>
        api.CreateAsync("/api/catalogue/services", new
        {
            code,
            description,
            unitPrice,
            municipalServiceCode = "14.01",
            nationalTaxCode = "140101",
            issRate = 5m,
        });

    /// <summary>The company's fiscal settings, without which no invoice is issued.</summary>
    public static async Task FiscalSettingsAsync(this HttpClient api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/billing/settings")
        {
            Content = JsonContent.Create(new { issuerTaxId = E2EData.NewCnpj(), municipalityCode = "3509502", simplesNacional = "MicroOrSmallCompany", series = "1" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        await EnsureAsync(await api.SendAsync(request));
    }

    /// <summary>A sales order in Proposta (its proposal PDF is rendered by the queue step); returns its id and number.</summary>
    public static async Task<(string Id, long Number)> ProposalAsync(this HttpClient api, string customerId, string serviceId, decimal quantity, string note)
    {
        var response = await api.PostAsJsonAsync("/api/sales-orders", new
        {
            customerId,
            paymentTerms = "0/30",
            paymentMethod = "Boleto bancário",
            generateOpportunity = false,
            items = new[] { new { kind = "service", serviceId, quantity, note } },
        });
        var order = JsonDocument.Parse(await EnsureAsync(response)).RootElement;
        return (order.GetProperty("id").GetString()!, order.GetProperty("number").GetInt64());
    }

    /// <summary>The sales contract the staff attach to the order: the customer must sign it before approving.</summary>
    public static async Task UploadContractAsync(this HttpClient api, string orderId, byte[] pdf)
    {
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", "contrato.pdf" } };
        await EnsureAsync(await api.PostAsync($"/api/sales-orders/{orderId}/contract", form));
    }

    /// <summary>
    /// A small valid one-page PDF with <paramref name="text"/> on it, written by hand (header, four objects, a correct
    /// cross-reference table, trailer and <c>%%EOF</c>), so the upload does not depend on the app's own PDF writer.
    /// </summary>
    public static byte[] Pdf(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 14 Tf 72 760 Td ({escaped}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }
}
