using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.Quotes;

public sealed class QuotesApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static DateOnly Today => BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow);

    private async Task<(SalesSeed Seed, string CustomerId, string ServiceId)> ArrangeAsync()
    {
        var seed = new SalesSeed(app, CrmApp.NewTenant());
        await seed.OrderCrmSettingsAsync(defaultGenerate: false);
        var customer = await seed.CustomerAsync("Clínica Saúde & Vida");
        var service = await seed.ServiceAsync("Higienização de ar-condicionado", 180m);
        return (seed, customer, service);
    }

    private static object Body(string customerId, string serviceId, DateOnly? date = null, DateOnly? validUntil = null, decimal quantity = 4) => new
    {
        customerId,
        date,
        validUntil,
        notes = "Preços válidos para pagamento à vista",
        items = new object[]
        {
            new { kind = "service", serviceId, quantity, discountKind = "amount", discount = 20m },
            new { kind = "service", description = "Deslocamento", quantity = 1m, unitPrice = 50m },
        },
    };

    private static async Task<JsonElement> CreateAsync(SalesSeed seed, object body)
    {
        var response = await seed.Admin.PostAsJsonAsync("/api/quotes", body, JsonDefaults.Options);
        return await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_quote_has_items_validity_notes_and_totals()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();

        var quote = await CreateAsync(seed, Body(customerId, serviceId));

        quote.GetProperty("number").GetInt64().ShouldBeGreaterThan(0);
        quote.GetProperty("status").GetString().ShouldBe("Aberto");
        quote.GetProperty("expired").GetBoolean().ShouldBeFalse();
        quote.GetProperty("validUntil").GetString().ShouldBe(Today.AddDays(15).ToString("yyyy-MM-dd"));
        quote.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(750m);
        quote.GetProperty("notes").GetString().ShouldBe("Preços válidos para pagamento à vista");

        var shown = await (await seed.Admin.GetAsync($"/api/quotes/{quote.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        shown.GetProperty("items").GetArrayLength().ShouldBe(2);
        shown.GetProperty("etag").GetString().ShouldBe(quote.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Expired_quotes_are_marked_and_filtered_and_cannot_be_converted_until_renewed()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var expired = await CreateAsync(seed, Body(customerId, serviceId, Today.AddDays(-20), Today.AddDays(-1)));
        var valid = await CreateAsync(seed, Body(customerId, serviceId, Today, Today));

        expired.GetProperty("expired").GetBoolean().ShouldBeTrue();
        expired.GetProperty("statusLabel").GetString().ShouldBe("Vencido");
        valid.GetProperty("expired").GetBoolean().ShouldBeFalse("a quote valid until today is still valid today");

        var onlyExpired = await (await seed.Admin.GetAsync("/api/quotes?expired=true")).ReadAsync<JsonElement>();
        onlyExpired.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([expired.GetProperty("id").GetString()]);
        onlyExpired.GetProperty("items")[0].GetProperty("statusLabel").GetString().ShouldBe("Vencido");
        var notExpired = await (await seed.Admin.GetAsync("/api/quotes?expired=false")).ReadAsync<JsonElement>();
        notExpired.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([valid.GetProperty("id").GetString()]);

        var id = expired.GetProperty("id").GetString();
        var refused = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/quotes/{id}/convert", new { }, expired.GetProperty("etag").GetString());
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe($"O orçamento venceu em {BrazilFormat.Date(Today.AddDays(-1))}: atualize a validade antes de convertê-lo em pedido.");

        var renewed = await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/quotes/{id}",
            Body(customerId, serviceId, Today.AddDays(-20), Today.AddDays(10)), expired.GetProperty("etag").GetString())).ReadAsync<JsonElement>();
        renewed.GetProperty("expired").GetBoolean().ShouldBeFalse();
        var converted = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/quotes/{id}/convert", new { }, renewed.GetProperty("etag").GetString());
        await converted.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Converting_creates_the_order_once_and_with_the_box_the_order_generates_when_confirmed()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var quote = await CreateAsync(seed, Body(customerId, serviceId, quantity: 3));
        var id = quote.GetProperty("id").GetString()!;

        var response = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/quotes/{id}/convert",
            new { generateOpportunity = true, paymentTerms = "30/60", project = "Unidade Centro" }, quote.GetProperty("etag").GetString());

        var order = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/sales-orders/{order.GetProperty("id").GetString()}");
        order.GetProperty("status").GetString().ShouldBe("Proposta");
        order.GetProperty("quoteId").GetString().ShouldBe(id);
        order.GetProperty("quoteNumber").GetInt64().ShouldBe(quote.GetProperty("number").GetInt64());
        order.GetProperty("generateOpportunity").GetBoolean().ShouldBeTrue();
        order.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("description").GetString())
            .ShouldBe(["Higienização de ar-condicionado", "Deslocamento"]);
        order.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(quote.GetProperty("totals").GetProperty("total").GetDecimal());
        order.GetProperty("installments").GetArrayLength().ShouldBe(2);

        var convertedQuote = await (await seed.Admin.GetAsync($"/api/quotes/{id}")).ReadAsync<JsonElement>();
        convertedQuote.GetProperty("status").GetString().ShouldBe("Convertido");
        convertedQuote.GetProperty("convertedOrderId").GetString().ShouldBe(order.GetProperty("id").GetString());

        var twice = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/quotes/{id}/convert", new { }, convertedQuote.GetProperty("etag").GetString());
        (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe($"O orçamento nº {quote.GetProperty("number").GetInt64()} já foi convertido no pedido nº {order.GetProperty("number").GetInt64()}.");
        var edit = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/quotes/{id}", Body(customerId, serviceId), convertedQuote.GetProperty("etag").GetString());
        await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        var delete = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Delete, $"/api/quotes/{id}", null, convertedQuote.GetProperty("etag").GetString());
        await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        var orderId = order.GetProperty("id").GetString()!;
        await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/sales-orders/{orderId}/confirm", null, order.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await app.DrainQueuesAsync();
        (await seed.RowsAsync($"task|{orderId}-")).Count.ShouldBe(4);
        var opportunity = (await seed.RowAsync("opportunity|ord-" + orderId))!;
        opportunity.GetString("Title")!.ShouldEndWith("Unidade Centro");
    }

    [Fact]
    public async Task A_stale_conversion_changes_nothing()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var quote = await CreateAsync(seed, Body(customerId, serviceId));
        var id = quote.GetProperty("id").GetString()!;
        await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Put, $"/api/quotes/{id}", Body(customerId, serviceId, quantity: 9), quote.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var stale = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/quotes/{id}/convert", new { }, quote.GetProperty("etag").GetString());

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        (await seed.RowsAsync("order|")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_open_quote_can_be_deleted_with_its_list_rows()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var quote = await CreateAsync(seed, Body(customerId, serviceId));
        var id = quote.GetProperty("id").GetString();

        var noEtag = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Delete, $"/api/quotes/{id}", null, null);
        await noEtag.ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var deleted = await SalesSeed.SendAsync(seed.Admin, HttpMethod.Delete, $"/api/quotes/{id}", null, quote.GetProperty("etag").GetString());

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await seed.Admin.GetAsync($"/api/quotes/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await seed.RowsAsync("quote-recent|")).ShouldBeEmpty();
        (await seed.RowsAsync($"quote-customer|{customerId}|")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Lists_search_without_accents_and_by_customer()
    {
        var (seed, customerId, serviceId) = await ArrangeAsync();
        var other = await seed.CustomerAsync("Escritório Contábil Ômega");
        await CreateAsync(seed, Body(customerId, serviceId));
        var omega = await CreateAsync(seed, Body(other, serviceId));

        var found = await (await seed.Admin.GetAsync("/api/quotes?q=omega%20contabil")).ReadAsync<JsonElement>();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([omega.GetProperty("id").GetString()]);
        var byCustomer = await (await seed.Admin.GetAsync($"/api/quotes?customerId={customerId}")).ReadAsync<JsonElement>();
        byCustomer.GetProperty("items").GetArrayLength().ShouldBe(1);
        var converted = await (await seed.Admin.GetAsync("/api/quotes?status=Convertido")).ReadAsync<JsonElement>();
        converted.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Validity_before_the_date_and_a_missing_customer_are_refused()
    {
        var (seed, _, serviceId) = await ArrangeAsync();

        var response = await seed.Admin.PostAsJsonAsync("/api/quotes", new
        {
            date = Today,
            validUntil = Today.AddDays(-1),
            items = new[] { new { kind = "service", serviceId, quantity = 1m } },
        }, JsonDefaults.Options);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors");
        errors.GetProperty("customerId")[0].GetString().ShouldBe("Informe o cliente.");
        errors.GetProperty("validUntil")[0].GetString().ShouldBe("A validade do orçamento não pode ser anterior à data do orçamento.");
    }
}
