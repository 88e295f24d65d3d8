using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Proposals;
using CrmSaaS.Functions.Tests.Documents;
using CrmSaaS.Functions.Tests.Identity;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.CustomerArea;

public sealed class ProposalLinkTests : IClassFixture<ClockedApp>
{
    private readonly ClockedApp _app;

    public ProposalLinkTests(ClockedApp app)
    {
        _app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task Whole_path_send_link_open_upload_signed_contract_approve_then_staff_confirm_to_pedido()
    {
        var world = await CustomerAreaWorld.CreateAsync(_app);
        var order = await world.ProposalAsync();
        var id = CustomerAreaWorld.Id(order);
        await (await world.UploadContractAsync(id, CustomerAreaWorld.Pdf("Contrato de venda nº 1"))).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var token = await world.SendLinkAsync(id);
        var email = await _app.MailDev.WaitForEmailAsync(world.ContactEmail, "para sua aprovação");
        email.Subject.ShouldBe($"Proposta nº {order.GetProperty("number").GetInt64()} de Frio Certo para sua aprovação");
        token.Length.ShouldBe(43);
        var visitor = _app.Anonymous();
        visitor.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        visitor.DefaultRequestHeaders.UserAgent.ParseAdd("CelularDaConceicao/1.0");

        var opened = await (await visitor.GetAsync($"/api/proposal-links/{token}")).ReadAsync<JsonElement>();
        opened.GetProperty("tenantName").GetString().ShouldBe("Frio Certo");
        opened.GetProperty("contactName").GetString().ShouldBe("Conceição Araújo");
        opened.GetProperty("approved").GetBoolean().ShouldBeFalse();
        opened.GetProperty("order").GetProperty("id").GetString().ShouldBe(id);
        opened.GetProperty("order").GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ShouldBe(["proposal", "contract"]);
        var proposal = await world.DownloadAsync(visitor, $"/api/proposal-links/{token}/attachments/proposal");
        PdfTools.ExtractText(proposal).ShouldContain("Instalação de split");
        await (await visitor.PostAsync($"/api/proposal-links/{token}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        var signed = CustomerAreaWorld.Pdf("Contrato de venda nº 1 – assinado");
        var upload = await visitor.PostAsync($"/api/proposal-links/{token}/signed-contract", CustomerAreaWorld.Multipart(signed, "IMG_2231.pdf"));
        (await upload.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("fileName").GetString().ShouldBe("Contrato Assinado.pdf");
        var approved = await (await visitor.PostAsync($"/api/proposal-links/{token}/approve", null)).ReadAsync<JsonElement>();

        approved.GetProperty("approved").GetBoolean().ShouldBeTrue();
        approved.GetProperty("order").GetProperty("statusLabel").GetString().ShouldBe("Aguardando faturamento");
        approved.GetProperty("order").GetProperty("attachments").GetArrayLength().ShouldBe(0);
        var trail = await (await world.Staff.GetAsync($"/api/sales-orders/{id}/approval")).ReadAsync<JsonElement>();
        var link = trail.GetProperty("links")[0];
        link.GetProperty("status").GetString().ShouldBe("approved");
        link.GetProperty("email").GetString().ShouldBe(world.ContactEmail);
        link.GetProperty("openedAt").ValueKind.ShouldBe(JsonValueKind.String);
        link.GetProperty("openCount").GetInt32().ShouldBe(1);
        var record = trail.GetProperty("approvals")[0];
        record.GetProperty("via").GetString().ShouldBe("link");
        record.GetProperty("contactId").GetString().ShouldBe(world.ContactId);
        record.GetProperty("ipAddress").GetString().ShouldBe("198.51.100.23");
        record.GetProperty("userAgent").GetString().ShouldBe("CelularDaConceicao/1.0");
        record.GetProperty("proposalSha256").GetString().ShouldBe(CustomerAreaWorld.Sha256(proposal));
        record.GetProperty("signedContractSha256").GetString().ShouldBe(CustomerAreaWorld.Sha256(signed));
        (await world.AuditAsync(id)).ShouldContain(r => r.GetString("Action") == "customer-approved" && r.GetString("IpAddress") == "198.51.100.23");

        // After approval the link shows only the result.
        var again = await (await visitor.GetAsync($"/api/proposal-links/{token}")).ReadAsync<JsonElement>();
        again.GetProperty("approved").GetBoolean().ShouldBeTrue();
        again.GetProperty("order").GetProperty("canApprove").GetBoolean().ShouldBeFalse();
        (await (await visitor.PostAsync($"/api/proposal-links/{token}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Esta proposta já foi aprovada por este link.");
        await (await visitor.GetAsync($"/api/proposal-links/{token}/attachments/proposal")).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        var current = await (await world.Staff.GetAsync($"/api/sales-orders/{id}")).ReadAsync<JsonElement>();
        current.GetProperty("status").GetString().ShouldBe("Aprovado");
        var confirm = await SalesSeed.SendAsync(world.Staff, HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, current.GetProperty("etag").GetString());
        (await confirm.ReadAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Pedido");
        var final = await (await world.Customer.GetAsync($"/api/customer-area/orders/{id}")).ReadAsync<JsonElement>();
        final.GetProperty("statusLabel").GetString().ShouldBe("Pedido");
    }

    [Fact]
    public async Task Tampered_unknown_and_expired_tokens_never_open_an_order()
    {
        var world = await CustomerAreaWorld.CreateAsync(_app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        var token = await world.SendLinkAsync(id);
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        foreach (var bad in new[] { tampered, token[..^1], "x", new string('A', 43) })
        {
            var response = await _app.Anonymous().GetAsync($"/api/proposal-links/{Uri.EscapeDataString(bad)}");
            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound))
                .GetProperty("detail").GetString().ShouldBe(ApprovalLinks.InvalidLinkDetail);
        }

        await (await _app.Anonymous().PostAsync($"/api/proposal-links/{tampered}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);

        _app.Clock.Advance(TimeSpan.FromDays(15) + TimeSpan.FromMinutes(1));
        var expired = await _app.Anonymous().GetAsync($"/api/proposal-links/{token}");
        (await expired.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_expired")).GetProperty("detail").GetString()!.ShouldStartWith("Este link de aprovação expirou em ");
        await (await _app.Anonymous().PostAsync($"/api/proposal-links/{token}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Gone, "link_expired");
        (await world.Seed.RowAsync($"order|{id}"))!.GetString("Status").ShouldBe("Proposta");
    }

    [Fact]
    public async Task A_link_opens_only_its_own_order()
    {
        var world = await CustomerAreaWorld.CreateAsync(_app);
        var mine = CustomerAreaWorld.Id(await world.ProposalAsync());
        var other = CustomerAreaWorld.Id(await world.ProposalAsync(quantity: 5));
        var token = await world.SendLinkAsync(mine);

        var opened = await (await _app.Anonymous().GetAsync($"/api/proposal-links/{token}")).ReadAsync<JsonElement>();
        await (await _app.Anonymous().PostAsync($"/api/proposal-links/{token}/approve", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        opened.GetProperty("order").GetProperty("id").GetString().ShouldBe(mine);
        (await world.Seed.RowAsync($"order|{other}"))!.GetString("Status").ShouldBe("Proposta");
        (await world.Seed.RowAsync($"order|{mine}"))!.GetString("Status").ShouldBe("Aprovado");
    }

    [Fact]
    public async Task When_a_proposal_moves_to_another_customer_the_old_link_and_list_entry_stop_showing_it()
    {
        var world = await CustomerAreaWorld.CreateAsync(_app);
        var order = await world.ProposalAsync();
        var id = CustomerAreaWorld.Id(order);
        var token = await world.SendLinkAsync(id);
        var newCustomer = await world.Seed.CustomerAsync("Confeitaria Nova Ltda");

        var moved = await SalesSeed.SendAsync(world.Staff, HttpMethod.Put, $"/api/sales-orders/{id}", new
        {
            customerId = newCustomer,
            paymentTerms = "0/30",
            items = new object[] { new { id = order.GetProperty("items")[0].GetProperty("id").GetString(), kind = "service", serviceId = world.ServiceId, quantity = 2m } },
        }, order.GetProperty("etag").GetString());
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await _app.Anonymous().GetAsync($"/api/proposal-links/{token}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await (await world.Customer.GetAsync("/api/customer-area/orders")).ReadAsync<JsonElement>()).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await world.Customer.GetAsync($"/api/customer-area/orders/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var newList = await (await _app.Customer(world.Seed.Tenant, newCustomer, "novo-contato").GetAsync("/api/customer-area/orders")).ReadAsync<JsonElement>();
        newList.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldBe([id]);
    }

    [Fact]
    public async Task Sending_needs_a_proposal_and_a_contact_of_the_orders_customer()
    {
        var world = await CustomerAreaWorld.CreateAsync(_app);
        var order = await world.ProposalAsync();
        var id = CustomerAreaWorld.Id(order);

        var unknownContact = await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/send-proposal", new { contactId = Ids.New() });
        var noRecipient = await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/send-proposal", new { });
        var byEmail = await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/send-proposal", new { email = "Compras@Padaria.example.com", name = "Compras" });
        await (await SalesSeed.SendAsync(world.Staff, HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, order.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var confirmed = await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/send-proposal", new { contactId = world.ContactId });

        await unknownContact.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await noRecipient.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        (await byEmail.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("email").GetString().ShouldBe("compras@padaria.example.com");
        await confirmed.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
    }
}

/// <summary>Links that expire within the reminder window, so the reminder step runs at once.</summary>
public sealed class ShortLinkApp : CrmApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ProposalLinks:LifetimeDays"] = "2",
        ["ProposalLinks:ReminderDaysBeforeExpiry"] = "3",
    };
}

public sealed class ApprovalReminderTests(ShortLinkApp app) : IClassFixture<ShortLinkApp>
{
    [Fact]
    public async Task The_contact_is_reminded_once_with_a_working_link_and_staff_see_it()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await world.SendLinkAsync(id);

        var reminder = await app.MailDev.WaitForEmailAsync(world.ContactEmail, "Lembrete");
        var link = reminder.LinkStartingWith($"{CrmApp.PortalBaseUrl}/#/cliente/{world.Slug}/proposta?token=");
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var opened = await (await app.Anonymous().GetAsync($"/api/proposal-links/{token}")).ReadAsync<JsonElement>();

        // A redelivered reminder message sends nothing more.
        var linkId = (await world.Seed.RowsAsync($"approval-link|{id}|")).Single().GetString("Id")!;
        await app.Service<QueueRuntime>().SendAsync(world.Seed.Tenant.TenantId, ApprovalLinks.RemindersQueue, new ApprovalReminderMessage(id, linkId));
        await app.DrainQueuesAsync();

        opened.GetProperty("order").GetProperty("id").GetString().ShouldBe(id);
        (await app.MailDev.EmailsToAsync(world.ContactEmail)).Count(e => e.Subject.StartsWith("Lembrete", StringComparison.Ordinal)).ShouldBe(1);
        var trail = await (await world.Staff.GetAsync($"/api/sales-orders/{id}/approval")).ReadAsync<JsonElement>();
        trail.GetProperty("links")[0].GetProperty("reminderSentAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task A_proposal_approved_before_the_reminder_gets_none()
    {
        var world = await CustomerAreaWorld.CreateAsync(app);
        var id = CustomerAreaWorld.Id(await world.ProposalAsync());
        await (await world.Staff.PostAsJsonAsync($"/api/sales-orders/{id}/send-proposal", new { contactId = world.ContactId }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await world.Customer.PostAsync($"/api/customer-area/orders/{id}/approve", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await app.DrainQueuesAsync();

        await app.MailDev.WaitForEmailAsync(world.ContactEmail, "para sua aprovação");
        (await app.MailDev.EmailsToAsync(world.ContactEmail)).ShouldNotContain(e => e.Subject.StartsWith("Lembrete", StringComparison.Ordinal));
        var trail = await (await world.Staff.GetAsync($"/api/sales-orders/{id}/approval")).ReadAsync<JsonElement>();
        trail.GetProperty("links")[0].GetProperty("reminderSentAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
