using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tests.Documents;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.CustomerArea;

public sealed class ProposalPdfStepTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_new_proposal_gets_its_pdf_with_company_customer_items_notes_installments_totals_and_validity()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var order = await world.ProposalAsync(quantity: 2);
        var id = CustomerAreaWorld.Id(order);

        var pdf = await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal");

        PdfTools.Check(pdf);
        var text = PdfTools.ExtractText(pdf);
        var number = order.GetProperty("number").GetInt64();
        text.ShouldContain($"Proposta nº {number}");
        text.ShouldContain("Versão 1");
        text.ShouldContain("Frio Certo");
        text.ShouldContain("Refrigeração Avançada Serviços Técnicos Ltda.");
        text.ShouldContain("Padaria Pão de Açúcar Ltda");
        text.ShouldContain("Instalação de split");
        text.ShouldContain("Com suporte");
        text.ShouldContain("Boleto bancário");
        text.ShouldContain("R$ 900,00");
        text.ShouldContain("R$ 450,00");
        text.ShouldContain("1/2");
        text.ShouldContain("2/2");
        var validUntil = DateOnly.Parse(order.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        text.ShouldContain($"Validade da proposta: {validUntil:dd/MM/yyyy}");
        var trail = await (await world.Staff.GetAsync($"/api/sales-orders/{id}/approval")).ReadAsync<JsonElement>();
        var proposal = trail.GetProperty("attachments")[0];
        proposal.GetProperty("kind").GetString().ShouldBe("proposal");
        proposal.GetProperty("version").GetInt32().ShouldBe(1);
        proposal.GetProperty("size").GetInt64().ShouldBe(pdf.LongLength);
        proposal.GetProperty("sha256").GetString().ShouldBe(CustomerAreaWorld.Sha256(pdf));
    }

    [Fact]
    public async Task The_same_order_version_makes_no_new_version_and_a_change_makes_the_next_one()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var order = await world.ProposalAsync();
        var id = CustomerAreaWorld.Id(order);
        var first = await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal");

        // A redelivered message renders the same order again: nothing new.
        await app.Service<QueueRuntime>().SendAsync(world.Seed.Tenant.TenantId, SalesOrderStore.ProposalPdfQueue, new OrderEventMessage(id, "redelivery"));
        await app.DrainQueuesAsync();
        (await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal")).ShouldBe(first);
        (await world.BlobExistsAsync("proposal", id, "v2.pdf")).ShouldBeFalse();

        var item = order.GetProperty("items")[0];
        var update = await SalesSeed.SendAsync(world.Staff, HttpMethod.Put, $"/api/sales-orders/{id}", new
        {
            customerId = world.CustomerId,
            paymentTerms = "0/30",
            validUntil = order.GetProperty("validUntil").GetString(),
            items = new object[] { new { id = item.GetProperty("id").GetString(), kind = "service", serviceId = world.ServiceId, quantity = 3m, note = "Três unidades" } },
        }, order.GetProperty("etag").GetString());
        await update.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await app.DrainQueuesAsync();

        var second = await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal");
        var text = PdfTools.ExtractText(second);
        text.ShouldContain("Versão 2");
        text.ShouldContain("Três unidades");
        text.ShouldContain("R$ 1.350,00");
        (await world.BlobExistsAsync("proposal", id, "v1.pdf")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_render_stopped_between_the_file_and_its_record_is_adopted_on_redelivery()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        var recorded = (await world.Seed.RowAsync($"order-file|{id}|proposal"))!;
        // As if the step had stopped after writing v1.pdf and before recording it.
        await world.Seed.InTenantAsync(table => table.DeleteAsync(recorded.RowKey, recorded.ETag));

        await app.Service<QueueRuntime>().SendAsync(world.Seed.Tenant.TenantId, SalesOrderStore.ProposalPdfQueue, new OrderEventMessage(id, "redelivery"));
        await app.DrainQueuesAsync();

        var adopted = (await world.Seed.RowAsync($"order-file|{id}|proposal"))!;
        adopted.GetInt32("Version").ShouldBe(1);
        adopted.GetString("Sha256").ShouldBe(recorded.GetString("Sha256"));
        (await world.BlobExistsAsync("proposal", id, "v2.pdf")).ShouldBeFalse();
        CustomerAreaWorld.Sha256(await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal")).ShouldBe(adopted.GetString("Sha256"));
    }

    [Fact]
    public async Task Revising_an_approved_proposal_returns_it_to_proposta_with_a_new_pdf_version()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var revised = await (await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/revise", new { reason = "Cliente pediu outro prazo" }))
            .ReadAsync<JsonElement>();
        await app.DrainQueuesAsync();

        revised.GetProperty("status").GetString().ShouldBe("Proposta");
        PdfTools.ExtractText(await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal")).ShouldContain("Versão 2");
        (await world.AuditAsync(id)).ShouldContain(r => r.GetString("Action") == "revised" && r.GetString("Details")!.Contains("Cliente pediu outro prazo"));
    }

    [Fact]
    public async Task A_confirmed_order_cannot_be_revised()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var order = await world.ProposalAsync();
        var id = CustomerAreaWorld.Id(order);
        await (await SalesSeed.SendAsync(world.Staff, HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, order.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/revise", new { });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        problem.GetProperty("detail").GetString().ShouldBe("O pedido já foi confirmado; não há proposta a revisar.");
    }
}
