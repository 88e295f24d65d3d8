using System.Net;
using System.Text;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Documents;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.CustomerArea;

public sealed class CustomerAreaApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Dashboard_shows_the_latest_orders_with_status_total_and_each_installment()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var older = await world.ProposalAsync(quantity: 1);
        var newer = await world.ProposalAsync(quantity: 2);
        await world.ProposalAsync(customerId: await world.Seed.CustomerAsync("Outro Cliente Ltda"));

        var dashboard = await (await world.Customer.GetAsync("/api/customer-area/dashboard")).ReadAsync<JsonElement>();

        dashboard.GetProperty("customerName").GetString().ShouldBe("Padaria Pão de Açúcar Ltda");
        dashboard.GetProperty("openProposals").GetInt32().ShouldBe(2);
        var latest = dashboard.GetProperty("latestOrders").EnumerateArray().ToList();
        latest.Select(o => o.GetProperty("id").GetString()).ShouldBe([CustomerAreaWorld.Id(newer), CustomerAreaWorld.Id(older)]);
        latest[0].GetProperty("statusLabel").GetString().ShouldBe("Proposta");
        latest[0].GetProperty("total").GetDecimal().ShouldBe(900m);
        var installments = latest[0].GetProperty("installments").EnumerateArray().ToList();
        installments.Select(i => i.GetProperty("amount").GetDecimal()).ShouldBe([450m, 450m]);
        installments[1].GetProperty("dueDate").GetString().ShouldBe(newer.GetProperty("installments")[1].GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Orders_list_filters_by_status_number_and_period_and_pages()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var first = await world.ProposalAsync(quantity: 1);
        var second = await world.ProposalAsync(quantity: 2);
        var third = await world.ProposalAsync(quantity: 3);
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{CustomerAreaWorld.Id(second)}/approve", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var approved = await (await world.Customer.GetAsync("/api/customer-area/orders?status=Aprovado")).ReadAsync<JsonElement>();
        var byNumber = await (await world.Customer.GetAsync($"/api/customer-area/orders?number={third.GetProperty("number").GetInt64()}")).ReadAsync<JsonElement>();
        var today = first.GetProperty("date").GetString();
        var inPeriod = await (await world.Customer.GetAsync($"/api/customer-area/orders?from={today}&to={today}")).ReadAsync<JsonElement>();
        var beforePeriod = await (await world.Customer.GetAsync("/api/customer-area/orders?to=2020-01-01")).ReadAsync<JsonElement>();
        var page1 = await (await world.Customer.GetAsync("/api/customer-area/orders?pageSize=2")).ReadAsync<JsonElement>();
        var page2 = await (await world.Customer.GetAsync($"/api/customer-area/orders?pageSize=2&continuation={page1.GetProperty("continuation").GetString()}")).ReadAsync<JsonElement>();

        approved.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("statusLabel").GetString()).ShouldBe(["Aguardando faturamento"]);
        byNumber.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldBe([CustomerAreaWorld.Id(third)]);
        inPeriod.GetProperty("items").GetArrayLength().ShouldBe(3);
        beforePeriod.GetProperty("items").GetArrayLength().ShouldBe(0);
        page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(o => o.GetProperty("id").GetString())
            .ShouldBe([CustomerAreaWorld.Id(third), CustomerAreaWorld.Id(second), CustomerAreaWorld.Id(first)]);
        var bad = await world.Customer.GetAsync("/api/customer-area/orders?from=31/12/2026&status=Qualquer");
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("errors").GetProperty("from")[0].GetString().ShouldBe("Data inválida: use o formato aaaa-mm-dd.");
    }

    [Fact]
    public async Task Order_detail_shows_items_with_notes_payment_terms_totals_and_attachments()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato de venda"))).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var order = await (await world.Customer.GetAsync($"/api/customer-area/orders/{id}")).ReadAsync<JsonElement>();

        order.GetProperty("items")[0].GetProperty("note").GetString().ShouldBe("Com suporte");
        order.GetProperty("paymentTerms").GetString().ShouldBe("0/30");
        order.GetProperty("paymentMethod").GetString().ShouldBe("Boleto bancário");
        order.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(900m);
        order.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ShouldBe(["proposal", "contract"]);
        order.GetProperty("hasContract").GetBoolean().ShouldBeTrue();
        order.GetProperty("canApprove").GetBoolean().ShouldBeFalse();
        order.GetProperty("approveBlockedReason").GetString().ShouldBe("Envie o contrato assinado antes de aprovar a proposta.");
        var proposal = await world.DownloadAsync(world.Customer, $"/api/customer-area/orders/{id}/attachments/proposal");
        PdfTools.Check(proposal);
        PdfTools.ExtractText(await world.DownloadAsync(world.Customer, $"/api/customer-area/orders/{id}/attachments/contract")).ShouldContain("Contrato de venda");
        var link = await (await world.Customer.GetAsync($"/api/customer-area/orders/{id}/attachments/proposal/link")).ReadAsync<JsonElement>();
        var sas = new Uri(link.GetProperty("url").GetString()!);
        sas.Query.ShouldContain("sp=r");
        (await app.Azurite.CreateHttpClient().GetByteArrayAsync(sas)).ShouldBe(proposal);
        await (await world.Customer.GetAsync($"/api/customer-area/orders/{id}/attachments/signed-contract")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Approval_needs_the_signed_contract_records_the_evidence_and_is_refused_twice()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato de venda"))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var customer = world.Customer;
        customer.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        customer.DefaultRequestHeaders.UserAgent.ParseAdd("NavegadorDoCliente/2.0");

        var without = await customer.PostAsync($"/api/customer-area/orders/{id}/approve", null);
        (await without.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Envie o contrato assinado antes de aprovar a proposta.");

        var signed = CustomerAreaWorld.Pdf("Contrato assinado pelo cliente");
        var upload = await customer.PostAsync($"/api/customer-area/orders/{id}/signed-contract", CustomerAreaWorld.Multipart(signed, "scan_0042.PDF"));
        var stored = await upload.ReadAsync<JsonElement>(HttpStatusCode.Created);
        stored.GetProperty("fileName").GetString().ShouldBe("Contrato Assinado.pdf");
        stored.GetProperty("sha256").GetString().ShouldBe(CustomerAreaWorld.Sha256(signed));

        var approved = await (await customer.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ReadAsync<JsonElement>();
        approved.GetProperty("status").GetString().ShouldBe("Aprovado");
        approved.GetProperty("statusLabel").GetString().ShouldBe("Aguardando faturamento");
        approved.GetProperty("approval").GetProperty("contactName").GetString().ShouldBe("Conceição Araújo");

        var trail = await (await world.Staff.GetAsync($"/api/sales-orders/{id}/approval")).ReadAsync<JsonElement>();
        var record = trail.GetProperty("approvals")[0];
        var proposal = await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/proposal");
        record.GetProperty("contactId").GetString().ShouldBe(world.ContactId);
        record.GetProperty("via").GetString().ShouldBe("customer-area");
        record.GetProperty("ipAddress").GetString().ShouldBe("203.0.113.7");
        record.GetProperty("userAgent").GetString().ShouldBe("NavegadorDoCliente/2.0");
        record.GetProperty("proposalSha256").GetString().ShouldBe(CustomerAreaWorld.Sha256(proposal));
        record.GetProperty("signedContractSha256").GetString().ShouldBe(CustomerAreaWorld.Sha256(signed));
        var audit = (await world.AuditAsync(id)).Single(r => r.GetString("Action") == "customer-approved");
        audit.GetString("ActorKind").ShouldBe("Customer");
        audit.GetString("IpAddress").ShouldBe("203.0.113.7");
        audit.GetString("Details")!.ShouldContain(CustomerAreaWorld.Sha256(signed));
        (await world.Seed.RowAsync($"order|{id}"))!.GetString("Status").ShouldBe("Aprovado");

        var twice = await customer.PostAsync($"/api/customer-area/orders/{id}/approve", null);
        (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Esta proposta já foi aprovada.");
    }

    [Fact]
    public async Task A_replaced_signed_contract_keeps_the_previous_version()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato"))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var path = $"/api/customer-area/orders/{id}/signed-contract";
        await (await world.Customer.PostAsync(path, CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("Primeira via"), "a.pdf"))).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var second = await (await world.Customer.PostAsync(path, CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("Segunda via"), "b.pdf")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);

        second.GetProperty("version").GetInt32().ShouldBe(2);
        PdfTools.ExtractText(await world.DownloadAsync(world.Customer, $"/api/customer-area/orders/{id}/attachments/signed-contract")).ShouldContain("Segunda via");
        (await world.BlobExistsAsync("signed-contract", id, "v1.pdf")).ShouldBeTrue();
        var trail = await (await world.Staff.GetAsync($"/api/sales-orders/{id}/approval")).ReadAsync<JsonElement>();
        var signed = trail.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "signed-contract");
        signed.GetProperty("version").GetInt32().ShouldBe(2);
        signed.GetProperty("previousVersions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([1]);
        PdfTools.ExtractText(await world.DownloadAsync(world.Staff, $"/api/sales-orders/{id}/attachments/signed-contract")).ShouldContain("Segunda via");
    }

    [Fact]
    public async Task A_new_contract_version_needs_a_new_signed_copy_before_approval()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato v1"))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{id}/signed-contract", CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("Assinado v1"), "a.pdf")))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);

        var second = await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato v2"))).ReadAsync<JsonElement>(HttpStatusCode.Created);

        second.GetProperty("version").GetInt32().ShouldBe(2);
        var order = await (await world.Customer.GetAsync($"/api/customer-area/orders/{id}")).ReadAsync<JsonElement>();
        order.GetProperty("hasSignedContract").GetBoolean().ShouldBeFalse();
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{id}/signed-contract", CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("Assinado v2"), "b.pdf")))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Uploads_are_checked_by_content_and_size()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato"))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var path = $"/api/customer-area/orders/{id}/signed-contract";

        var renamedImage = await world.Customer.PostAsync(path, CustomerAreaWorld.Multipart(Encoding.ASCII.GetBytes("\x89PNG not a pdf at all"), "contrato.pdf"));
        var truncated = CustomerAreaWorld.Pdf("Cortado");
        var cut = await world.Customer.PostAsync(path, CustomerAreaWorld.Multipart(truncated[..(truncated.Length / 2)], "contrato.pdf"));
        var big = new byte[(10 * 1024 * 1024) + 1];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(big, 0);
        Encoding.ASCII.GetBytes("%%EOF").CopyTo(big, big.Length - 5);
        var tooLarge = await world.Customer.PostAsync(path, CustomerAreaWorld.Multipart(big, "contrato.pdf"));
        var noFile = await world.Customer.PostAsync(path, new MultipartFormDataContent { { new StringContent("x"), "other" } });

        (await renamedImage.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("detail").GetString().ShouldBe("O arquivo enviado não é um PDF válido. Envie o contrato digitalizado em PDF.");
        await cut.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        (await tooLarge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, ErrorCodes.TooLarge))
            .GetProperty("detail").GetString().ShouldBe("O arquivo tem mais de 10 MB. Envie um PDF menor.");
        await noFile.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        (await world.Customer.GetAsync($"/api/customer-area/orders/{id}/attachments/signed-contract")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Approval_is_refused_outside_proposta_and_without_contract_no_signed_upload_is_taken()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var order = await world.ProposalAsync();
        var id = CustomerAreaWorld.Id(order);

        var noContract = await world.Customer.PostAsync($"/api/customer-area/orders/{id}/signed-contract", CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("x"), "x.pdf"));
        (await noContract.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Este pedido não tem contrato para assinar.");

        await (await SalesSeed.SendAsync(world.Staff, HttpMethod.Post, $"/api/sales-orders/{id}/cancel", new { reason = "Desistiu" }, order.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cancelled = await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null);
        (await cancelled.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("O pedido está cancelado e não pode ser aprovado.");
    }

    [Fact]
    public async Task Another_customers_order_is_not_found_for_every_customer_route()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        var intruder = app.Customer(world.Seed.Tenant, await world.Seed.CustomerAsync("Concorrente Ltda"), "intruso");

        foreach (var path in new[] { $"/api/customer-area/orders/{id}", $"/api/customer-area/orders/{id}/attachments/proposal", $"/api/customer-area/orders/{id}/attachments/proposal/link" })
        {
            await (await intruder.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        await (await intruder.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await intruder.PostAsync($"/api/customer-area/orders/{id}/signed-contract", CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("x"), "x.pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var list = await (await intruder.GetAsync("/api/customer-area/orders")).ReadAsync<JsonElement>();
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await world.Seed.RowAsync($"order|{id}"))!.GetString("Status").ShouldBe("Proposta");
    }

    [Fact]
    public async Task A_proposal_whose_pdf_is_not_rendered_yet_cannot_be_approved()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var order = await world.Seed.CreateOrderAsync(new
        {
            customerId = world.CustomerId,
            items = new object[] { new { kind = "service", serviceId = world.ServiceId, quantity = 1m } },
        });
        var id = CustomerAreaWorld.Id(order);

        var early = await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null);
        await app.DrainQueuesAsync();
        var later = await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null);

        (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "proposal_outdated"))
            .GetProperty("detail").GetString().ShouldBe("A proposta foi alterada e o PDF está sendo gerado novamente. Aguarde alguns instantes e tente de novo.");
        await later.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_sales_and_admin_staff_send_proposals_and_attach_contracts()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        var finance = app.StaffUser(world.Seed.Tenant, Ids.New(), "Fábio Financeiro", Roles.Finance);

        (await finance.PostAsync($"/api/sales-orders/{id}/send-proposal", JsonContent(new { contactId = world.ContactId }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await finance.PostAsync($"/api/sales-orders/{id}/contract", CustomerAreaWorld.Multipart(CustomerAreaWorld.Pdf("c"), "c.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await finance.GetAsync($"/api/sales-orders/{id}/approval")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: JsonDefaults.Options);

    [Fact]
    public async Task Staff_tokens_are_refused_by_the_customer_area_and_customer_tokens_by_staff_routes()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());

        (await world.Staff.GetAsync("/api/customer-area/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await world.Customer.GetAsync($"/api/sales-orders/{id}/approval")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
