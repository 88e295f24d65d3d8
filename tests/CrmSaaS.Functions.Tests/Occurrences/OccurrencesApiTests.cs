using System.Net;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.Opportunities;
using static CrmSaaS.Functions.Occurrences.OccurrencesApi;

namespace CrmSaaS.Functions.Tests.Occurrences;

public sealed class OccurrencesApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static async Task<OccurrenceResponse> CreateAsync(HttpClient client, string customerId, object body)
    {
        var response = await client.PostJsonAsync($"/api/customers/{customerId}/occurrences", body);
        return await response.ReadAsync<OccurrenceResponse>(HttpStatusCode.Created);
    }

    private static async Task<OccurrencePage> ListAsync(HttpClient client, string customerId, string query = "") =>
        await (await client.GetAsync($"/api/customers/{customerId}/occurrences{query}")).ReadAsync<OccurrencePage>();

    private static string Today => BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) =>
        BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_occurrence_is_recorded_by_its_author_with_the_customer_contact()
    {
        var tenant = CrmApp.NewTenant();
        var customer = await app.CustomerAsync(tenant, "Padaria Pão Quente Ltda", "Padaria Pão Quente");
        var contact = await app.CustomerContactAsync(tenant, customer, "Joana Lima");
        var sellerId = await app.UserAsync(tenant, "Beatriz Vendas");
        var seller = app.StaffUser(tenant, sellerId, "Beatriz Vendas", Roles.Sales);

        var occurrence = await CreateAsync(seller, customer, new { date = Today, type = "visita", contactId = contact, description = "Apresentei o plano de manutenção." });

        occurrence.CustomerName.ShouldBe("Padaria Pão Quente");
        occurrence.ContactName.ShouldBe("Joana Lima");
        occurrence.AuthorId.ShouldBe(sellerId);
        occurrence.AuthorName.ShouldBe("Beatriz Vendas");
        occurrence.TypeLabel.ShouldBe("Visita");
        var read = await seller.GetAsync($"/api/customers/{customer}/occurrences/{occurrence.Id}");
        (await read.ReadAsync<OccurrenceResponse>()).Description.ShouldBe("Apresentei o plano de manutenção.");
        read.ETagHeader().ShouldBe(occurrence.Etag);
    }

    [Fact]
    public async Task Invalid_occurrences_and_unknown_customers_are_refused()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await app.CustomerAsync(tenant, "Cliente A", "Cliente A");
        var other = await app.CustomerAsync(tenant, "Cliente B", "Cliente B");
        var contactOfOther = await app.CustomerContactAsync(tenant, other, "Contato de B");

        var invalid = await admin.PostJsonAsync($"/api/customers/{customer}/occurrences", new { type = "reuniao", contactId = contactOfOther, description = "" });
        var errors = (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors");
        errors.GetProperty("date")[0].GetString().ShouldBe("Informe a data da ocorrência.");
        errors.GetProperty("type")[0].GetString().ShouldBe("Tipo de ocorrência inválido: use visita, diario, pos-venda, sac ou outro.");
        errors.GetProperty("description")[0].GetString().ShouldBe("Descreva a ocorrência.");
        errors.GetProperty("contactId")[0].GetString().ShouldBe("O contato escolhido não pertence a este cliente.");

        var unknown = await admin.PostJsonAsync("/api/customers/nao-existe/occurrences", new { date = Today, type = "sac", description = "x" });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound)).GetProperty("detail").GetString().ShouldBe("Cliente não encontrado.");
        await (await admin.GetAsync("/api/customers/nao-existe/occurrences")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);

        var finance = app.Staff(tenant, Roles.Finance);
        await (await finance.PostJsonAsync($"/api/customers/{customer}/occurrences", new { date = Today, type = "sac", description = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task The_list_is_one_customers_occurrences_in_the_period_oldest_first()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await app.CustomerAsync(tenant, "Cliente A", "Cliente A");
        var other = await app.CustomerAsync(tenant, "Cliente B", "Cliente B");
        await CreateAsync(admin, customer, new { date = "2026-01-10", type = "visita", description = "Visita de janeiro" });
        await CreateAsync(admin, customer, new { date = "2026-02-15", type = "sac", description = "Reclamação do atendimento na Conceição" });
        await CreateAsync(admin, customer, new { date = "2026-02-28", type = "pos-venda", description = "Pesquisa de satisfação" });
        await CreateAsync(admin, customer, new { date = "2026-03-01", type = "diario", description = "Ligação de cortesia" });
        await CreateAsync(admin, other, new { date = "2026-02-20", type = "visita", description = "Outro cliente" });
        var recent = await CreateAsync(admin, customer, new { date = DaysAgo(3), type = "outro", description = "Recente" });
        await CreateAsync(admin, customer, new { date = DaysAgo(120), type = "outro", description = "Antiga" });

        var february = await ListAsync(admin, customer, "?from=2026-02-01&to=2026-02-28");
        february.Items.Select(o => o.Description).ShouldBe(["Reclamação do atendimento na Conceição", "Pesquisa de satisfação"]);
        february.From.ShouldBe(new DateOnly(2026, 2, 1));

        var byDefault = await ListAsync(admin, customer);
        byDefault.Items.Select(o => o.Id).ShouldBe([recent.Id]);
        byDefault.To.ShouldBe(DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture));

        (await ListAsync(admin, customer, "?from=2026-01-01&to=2026-03-31&type=sac")).Items.Single().Type.ShouldBe("sac");
        (await ListAsync(admin, customer, "?from=2026-01-01&to=2026-03-31&q=conceicao")).Items.Single().Type.ShouldBe("sac");

        var firstPage = await ListAsync(admin, customer, "?from=2026-01-01&to=2026-03-31&pageSize=3");
        firstPage.Items.Count.ShouldBe(3);
        var secondPage = await ListAsync(admin, customer, $"?from=2026-01-01&to=2026-03-31&pageSize=3&continuation={firstPage.Continuation}");
        secondPage.Items.Select(o => o.Description).ShouldBe(["Ligação de cortesia"]);

        await (await admin.GetAsync($"/api/customers/{customer}/occurrences?from=2026-03-01&to=2026-02-01"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
    }

    [Fact]
    public async Task Changing_the_date_moves_the_occurrence_and_a_stale_version_is_a_conflict()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await app.CustomerAsync(tenant, "Cliente A", "Cliente A");
        var occurrence = await CreateAsync(admin, customer, new { date = "2026-02-10", type = "visita", description = "Visita" });
        var url = $"/api/customers/{customer}/occurrences/{occurrence.Id}";

        await (await admin.PutJsonAsync(url, new { date = "2026-02-12", type = "visita", description = "Visita" })).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var edited = await (await admin.PutJsonAsync(url, new { date = "2026-02-10", type = "diario", description = "Visita e almoço" }, occurrence.Etag)).ReadAsync<OccurrenceResponse>();
        edited.Type.ShouldBe("diario");

        var moved = await (await admin.PutJsonAsync(url, new { date = "2026-03-05", type = "diario", description = "Visita remarcada" }, edited.Etag)).ReadAsync<OccurrenceResponse>();
        moved.Date.ShouldBe(new DateOnly(2026, 3, 5));
        moved.Id.ShouldBe(occurrence.Id);
        moved.AuthorName.ShouldBe(occurrence.AuthorName);

        (await ListAsync(admin, customer, "?from=2026-02-01&to=2026-02-28")).Items.ShouldBeEmpty();
        (await ListAsync(admin, customer, "?from=2026-03-01&to=2026-03-31")).Items.Single().Description.ShouldBe("Visita remarcada");
        (await app.RowsAsync(tenant, $"occurrence|{customer}|")).Count.ShouldBe(1);
        (await (await admin.GetAsync(url)).ReadAsync<OccurrenceResponse>()).Etag.ShouldBe(moved.Etag);

        await (await admin.PutJsonAsync(url, new { date = "2026-03-06", type = "diario", description = "x" }, edited.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
    }

    [Fact]
    public async Task Delete_needs_the_confirmed_version()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await app.CustomerAsync(tenant, "Cliente A", "Cliente A");
        var occurrence = await CreateAsync(admin, customer, new { date = "2026-02-10", type = "sac", description = "Chamado 42" });
        var url = $"/api/customers/{customer}/occurrences/{occurrence.Id}";
        var edited = await (await admin.PutJsonAsync(url, new { date = "2026-02-10", type = "sac", description = "Chamado 42 resolvido" }, occurrence.Etag))
            .ReadAsync<OccurrenceResponse>();

        await (await admin.DeleteIfMatchAsync(url, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        await (await admin.DeleteIfMatchAsync(url, occurrence.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        (await admin.DeleteIfMatchAsync(url, edited.Etag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await app.RowsAsync(tenant, $"occurrence-ref|{customer}|")).ShouldBeEmpty();
        (await app.RowsAsync(tenant, $"audit|occurrence|{occurrence.Id}|")).Single().GetString("Details")!.ShouldContain("10/02/2026 SAC");
    }

    [Fact]
    public async Task Competitor_notes_are_attached_to_and_removed_from_an_occurrence()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await app.CustomerAsync(tenant, "Cliente A", "Cliente A");
        var occurrence = await CreateAsync(admin, customer, new { date = "2026-02-10", type = "visita", description = "Visita" });
        var url = $"/api/customers/{customer}/occurrences/{occurrence.Id}/competitors";

        await (await admin.PostJsonAsync(url, new { name = "" }, occurrence.Etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var withNote = await (await admin.PostJsonAsync(url, new { name = "Refrigeração Polar", notes = "Ofereceu contrato anual", prices = "R$ 180/visita" }, occurrence.Etag))
            .ReadAsync<OccurrenceResponse>();
        var note = withNote.Competitors.Single();
        note.Name.ShouldBe("Refrigeração Polar");
        note.Prices.ShouldBe("R$ 180/visita");
        note.CreatedBy.ShouldBe("Admin Empresa Teste");
        await (await admin.PostJsonAsync(url, new { name = "Outro" }, occurrence.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        (await ListAsync(admin, customer, "?from=2026-02-01&to=2026-02-28&q=polar")).Items.Single().Id.ShouldBe(occurrence.Id);

        await (await admin.DeleteIfMatchAsync($"{url}/nao-existe", withNote.Etag)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var removed = await (await admin.DeleteIfMatchAsync($"{url}/{note.Id}", withNote.Etag)).ReadAsync<OccurrenceResponse>();
        removed.Competitors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_printable_view_is_escaped_portuguese_html_of_the_period()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await app.CustomerAsync(tenant, "Padaria Pão Quente Ltda", "Padaria Pão Quente", "11222333000181");
        var occurrence = await CreateAsync(admin, customer, new { date = "2026-02-10", type = "pos-venda", description = "Cliente disse: <script>alert('x')</script> & mais" });
        await admin.PostJsonAsync($"/api/customers/{customer}/occurrences/{occurrence.Id}/competitors", new { name = "Concorrente \"Polar\"", prices = "R$ 150" }, occurrence.Etag);
        await CreateAsync(admin, customer, new { date = "2026-04-01", type = "visita", description = "Fora do período" });

        var response = await admin.GetAsync($"/api/customers/{customer}/occurrences/print?from=2026-02-01&to=2026-02-28");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"pt-BR\">");
        html.ShouldContain("Padaria Pão Quente");
        html.ShouldContain("CNPJ 11.222.333/0001-81");
        html.ShouldContain("Período: 01/02/2026 a 28/02/2026");
        html.ShouldContain("<td>10/02/2026</td><td>Pós-venda</td>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; mais");
        html.ShouldNotContain("<script>");
        html.ShouldContain("Concorrente: <strong>Concorrente &quot;Polar&quot;</strong> (preços: R$ 150)");
        html.ShouldNotContain("Fora do período");
        html.ShouldContain("1 ocorrência. Impresso em");

        var empty = await (await admin.GetAsync($"/api/customers/{customer}/occurrences/print?from=2025-01-01&to=2025-01-31")).Content.ReadAsStringAsync();
        empty.ShouldContain("Nenhuma ocorrência no período.");
    }
}
