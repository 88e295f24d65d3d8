using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CrmSaaS.Functions.Documents.Pdf;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.CustomerArea;

/// <summary>
/// A tenant with its company profile, a customer with a contact, a service and orders made through the staff API;
/// customer-area and approval-link calls go through the real endpoints.
/// </summary>
public sealed class CustomerAreaWorld
{
    private CustomerAreaWorld(CrmApp app, SalesSeed seed, string slug, string customerId, string contactId, string contactEmail, string serviceId)
    {
        App = app;
        Seed = seed;
        Slug = slug;
        CustomerId = customerId;
        ContactId = contactId;
        ContactEmail = contactEmail;
        ServiceId = serviceId;
    }

    public CrmApp App { get; }
    public SalesSeed Seed { get; }
    public string Slug { get; }
    public string CustomerId { get; }
    public string ContactId { get; }
    public string ContactEmail { get; }
    public string ServiceId { get; }

    public HttpClient Staff => Seed.Admin;

    public HttpClient Customer => App.Customer(Seed.Tenant, CustomerId, ContactId, "Conceição Araújo");

    public static Task<CustomerAreaWorld> CreateAsync(CrmApp app, string companyName = "Frio Certo") =>
        CreateAsync(app, CrmApp.NewTenant(companyName), companyName);

    public static async Task<CustomerAreaWorld> CreateAsync(CrmApp app, TestTenant tenant, string companyName = "Frio Certo")
    {
        var seed = new SalesSeed(app, tenant);
        var slug = "frio-" + seed.Tenant.TenantId.ToLowerInvariant()[^8..];
        var companyTaxId = SalesSeed.NewCnpj();
        await seed.OrderCrmSettingsAsync(defaultGenerate: false);
        await seed.InTenantAsync(async table =>
        {
            var tenant = table.NewEntity("tenant");
            tenant["LegalName"] = "Refrigeração Avançada Serviços Técnicos Ltda.";
            tenant["TradeName"] = companyName;
            tenant["TaxId"] = companyTaxId.Value;
            tenant["Slug"] = slug;
            await table.UpsertAsync(tenant, TableUpdateMode.Replace);
            var settings = table.NewEntity("settings|proposal");
            settings["Address"] = "Rua São João, 1.234 – Centro – Campinas/SP";
            settings["Phone"] = "(19) 3232-4545";
            settings["Email"] = "contato@friocerto.com.br";
            await table.UpsertAsync(settings, TableUpdateMode.Replace);
        });
        var customerId = await seed.CustomerAsync("Padaria Pão de Açúcar Ltda");
        var contactId = Ids.New();
        var contactEmail = $"conceicao-{Guid.NewGuid():N}@cliente.example.com";
        await seed.InTenantAsync(table =>
        {
            var contact = table.NewEntity(KeyRange.Key("customer-contact", customerId, contactId));
            contact["Id"] = contactId;
            contact["CustomerId"] = customerId;
            contact["Name"] = "Conceição Araújo";
            contact["Email"] = contactEmail;
            return table.InsertAsync(contact);
        });
        var serviceId = await seed.ServiceAsync("Instalação de split", 450m, code: "SRV-001");
        return new CustomerAreaWorld(app, seed, slug, customerId, contactId, contactEmail, serviceId);
    }

    /// <summary>A proposal for this world's customer (or <paramref name="customerId"/>), with its PDF rendered.</summary>
    public async Task<JsonElement> ProposalAsync(string? customerId = null, decimal quantity = 2, string note = "Com suporte")
    {
        var order = await Seed.CreateOrderAsync(new
        {
            customerId = customerId ?? CustomerId,
            paymentTerms = "0/30",
            paymentMethod = "Boleto bancário",
            validUntil = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
            items = new object[] { new { kind = "service", serviceId = ServiceId, quantity, note } },
        });
        await App.DrainQueuesAsync();
        return order;
    }

    public static string Id(JsonElement order) => order.GetProperty("id").GetString()!;

    public async Task<HttpResponseMessage> UploadContractAsync(string orderId, byte[] pdf, string fileName = "contrato.pdf") =>
        await Staff.PostAsync($"/api/sales-orders/{orderId}/contract", Multipart(pdf, fileName));

    public static MultipartFormDataContent Multipart(byte[] content, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>A real one-page PDF made with our writer, with <paramref name="text"/> on it.</summary>
    public static byte[] Pdf(string text)
    {
        var document = new PdfDocument(text, DateTimeOffset.UtcNow);
        document.AddPage().DrawText(60, 100, text, PdfFont.Helvetica, 12);
        return document.ToArray();
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task<byte[]> DownloadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Sends the proposal link to the contact and returns the token read back from the e-mail in MailDev.</summary>
    public async Task<string> SendLinkAsync(string orderId)
    {
        var response = await Staff.PostAsJsonAsync($"/api/sales-orders/{orderId}/send-proposal", new { contactId = ContactId });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await App.DrainQueuesAsync();
        var email = await App.MailDev.WaitForEmailAsync(ContactEmail, "para sua aprovação");
        var link = email.LinkStartingWith($"{CrmApp.PortalBaseUrl}/#/cliente/{Slug}/proposta?token=");
        return link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
    }

    public Task<List<TableEntity>> AuditAsync(string orderId) => Seed.RowsAsync($"audit|order|{orderId}|");

    /// <summary>Reads a stored blob of the tenant directly (to prove an earlier version is kept).</summary>
    public async Task<bool> BlobExistsAsync(string kind, string orderId, string fileName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(Seed.Tenant.TenantId, "testes");
        try
        {
            await using var download = await scope.ServiceProvider.GetRequiredService<TenantFiles>().DownloadAsync(kind, orderId, fileName);
            return download.Properties.ContentLength > 0;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
