using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Customers;

public sealed class CustomersApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Customer_is_created_read_and_updated_with_stamps_and_etag()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var taxId = CrmRecordsTestData.NewCnpj();

        var created = await admin.PostAsJsonAsync("/api/customers", CrmRecordsTestData.CustomerBody("Alfa Engenharia Ltda", TaxId.Parse(taxId).Formatted), JsonDefaults.Options);
        var customer = await created.ReadAsync<Customer>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe($"/api/customers/{customer.Id}");
        created.Headers.ETag!.ToString().ShouldBe(customer.Etag);
        customer.TaxId.ShouldBe(taxId);
        customer.TaxIdKind.ShouldBe("cnpj");
        customer.TaxIdFormatted.ShouldBe(TaxId.Parse(taxId).Formatted);
        customer.PostalCode.ShouldBe("01310100");
        customer.Status.ShouldBe("active");
        customer.CreatedBy.ShouldBe("Admin Empresa Teste");
        customer.CreatedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));

        // The record and its unique CNPJ index row commit in one entity-group transaction.
        created.StorageTransactions().ShouldBe(1);

        var read = await admin.GetAsync($"/api/customers/{customer.Id}");
        (await read.ReadAsync<Customer>()).LegalName.ShouldBe("Alfa Engenharia Ltda");
        read.Headers.ETag!.ToString().ShouldBe(customer.Etag);

        var seller = app.StaffUser(tenant, "user-vendas", "Vera Vendas", Roles.Sales);
        var body = CrmRecordsTestData.CustomerBody("Alfa Engenharia S.A.", taxId, tradeName: "Alfa");
        var updated = await (await seller.PutJsonAsync($"/api/customers/{customer.Id}", body, customer.Etag)).ReadAsync<Customer>();
        updated.LegalName.ShouldBe("Alfa Engenharia S.A.");
        updated.TradeName.ShouldBe("Alfa");
        updated.UpdatedBy.ShouldBe("Vera Vendas");
        updated.CreatedBy.ShouldBe("Admin Empresa Teste");
        updated.Etag.ShouldNotBe(customer.Etag);
    }

    [Fact]
    public async Task Duplicate_tax_id_in_the_tenant_is_refused_naming_the_existing_customer()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var taxId = CrmRecordsTestData.NewCnpj();
        var existing = await admin.CreateCustomerAsync("Beta Comércio Ltda", taxId);

        var response = await admin.PostAsJsonAsync("/api/customers", CrmRecordsTestData.CustomerBody("Outra Empresa", TaxId.Parse(taxId).Formatted), JsonDefaults.Options);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        problem.GetProperty("detail").GetString().ShouldBe("Já existe um cliente com este CNPJ: Beta Comércio Ltda");
        problem.GetProperty("customerId").GetString().ShouldBe(existing.Id);

        // Another tenant may have a customer with the same CNPJ.
        await app.Staff(CrmApp.NewTenant()).CreateCustomerAsync("Beta em outra empresa", taxId);
    }

    [Fact]
    public async Task Concurrent_creations_with_one_tax_id_leave_exactly_one_customer()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var taxId = CrmRecordsTestData.NewCpf();

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            admin.PostAsJsonAsync("/api/customers", CrmRecordsTestData.CustomerBody($"Pessoa {i}", taxId), JsonDefaults.Options)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        }

        (await (await admin.GetAsync("/api/customers")).ReadAsync<Page<Customer>>()).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Changing_the_tax_id_moves_the_index_in_the_same_batch()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var oldTaxId = CrmRecordsTestData.NewCnpj();
        var newTaxId = CrmRecordsTestData.NewCpf();
        var customer = await admin.CreateCustomerAsync("Gama Ltda", oldTaxId);

        var response = await admin.PutJsonAsync($"/api/customers/{customer.Id}", CrmRecordsTestData.CustomerBody("Gama Ltda", newTaxId), customer.Etag);
        var updated = await response.ReadAsync<Customer>();
        updated.TaxId.ShouldBe(newTaxId);
        updated.TaxIdKind.ShouldBe("cpf");
        response.StorageTransactions().ShouldBe(2); // read + one batch (record, old index out, new index in)

        await (await admin.GetAsync($"/api/customers/by-tax-id/{oldTaxId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await (await admin.GetAsync($"/api/customers/by-tax-id/{newTaxId}")).ReadAsync<Customer>()).Id.ShouldBe(customer.Id);

        // The old number is free again; taking a number in use is refused and changes nothing.
        var other = await admin.CreateCustomerAsync("Delta Ltda", oldTaxId);
        var taken = await admin.PutJsonAsync($"/api/customers/{other.Id}", CrmRecordsTestData.CustomerBody("Delta Ltda", newTaxId), other.Etag);
        (await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate))
            .GetProperty("detail").GetString().ShouldBe("Já existe um cliente com este CPF: Gama Ltda");
        (await (await admin.GetAsync($"/api/customers/{other.Id}")).ReadAsync<Customer>()).TaxId.ShouldBe(oldTaxId);
    }

    [Fact]
    public async Task By_tax_id_matches_any_punctuation_and_alphanumeric_cnpj()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var alphanumeric = TaxIdGenerator.AlphanumericCnpj(Random.Shared);
        var customer = await admin.CreateCustomerAsync("Épsilon Tecnologia", alphanumeric.Formatted.ToLowerInvariant());
        customer.TaxId.ShouldBe(alphanumeric.Value);

        var found = await (await admin.GetAsync($"/api/customers/by-tax-id/{Uri.EscapeDataString(alphanumeric.Formatted)}")).ReadAsync<Customer>();
        found.Id.ShouldBe(customer.Id);

        var invalid = await admin.GetAsync("/api/customers/by-tax-id/12345678000100");
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("detail").GetString().ShouldBe("CNPJ inválido: dígitos verificadores não conferem.");
    }

    [Fact]
    public async Task Writes_need_the_current_etag()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Zeta Ltda");
        var body = CrmRecordsTestData.CustomerBody("Zeta Ltda", customer.TaxId);

        (await (await admin.PutJsonAsync($"/api/customers/{customer.Id}", body, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired))
            .GetProperty("detail").GetString()!.ShouldStartWith("Envie o cabeçalho If-Match");
        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        await (await admin.PostJsonAsync($"/api/customers/{customer.Id}/archive", null, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var updated = await (await admin.PutJsonAsync($"/api/customers/{customer.Id}", body, customer.Etag)).ReadAsync<Customer>();

        // A second writer still holding the first version gets 412 and does not overwrite.
        var stale = await admin.PutJsonAsync($"/api/customers/{customer.Id}", CrmRecordsTestData.CustomerBody("Sobrescrito", customer.TaxId), customer.Etag);
        (await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict))
            .GetProperty("detail").GetString().ShouldBe(ProblemDetailsMapping.ConflictDetail);
        await (await admin.PostJsonAsync($"/api/customers/{customer.Id}/archive", null, customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        (await (await admin.GetAsync($"/api/customers/{customer.Id}")).ReadAsync<Customer>()).Etag.ShouldBe(updated.Etag);
    }

    [Fact]
    public async Task Invalid_customer_is_a_validation_problem_with_field_errors()
    {
        var admin = app.Staff(CrmApp.NewTenant());

        var response = await admin.PostAsJsonAsync("/api/customers", new { legalName = "", taxId = "111.111.111-11", state = "São Paulo" }, JsonDefaults.Options);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("legalName")[0].GetString().ShouldBe("Informe a razão social (ou o nome, para pessoa física).");
        errors.GetProperty("taxId")[0].GetString().ShouldBe("CPF inválido: todos os dígitos são iguais.");
        errors.GetProperty("state")[0].GetString().ShouldBe("UF inválida: informe a sigla do estado (ex.: SP).");
    }

    [Fact]
    public async Task List_is_paged_with_a_continuation_token()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await admin.CreateCustomerAsync($"Cliente {i}")).Id);
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var url = "/api/customers?pageSize=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await (await admin.GetAsync(url)).ReadAsync<Page<Customer>>();
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(c => c.Id));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 10);

        seen.ShouldBe(ids);
        pages.ShouldBe(3);
    }

    [Fact]
    public async Task Search_ignores_accents_and_case_and_finds_tax_ids()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var target = await admin.CreateCustomerAsync("Conceição Serviços Elétricos");
        await admin.CreateCustomerAsync("Padaria Pão Quente");

        async Task<IReadOnlyList<Customer>> Search(string q) =>
            (await (await admin.GetAsync("/api/customers?q=" + Uri.EscapeDataString(q))).ReadAsync<Page<Customer>>()).Items;

        (await Search("conceicao")).Select(c => c.Id).ShouldBe([target.Id]);
        (await Search("SERVICOS eletricos")).Select(c => c.Id).ShouldBe([target.Id]);
        (await Search(target.TaxId[..8])).Select(c => c.Id).ShouldBe([target.Id]);
        (await Search(target.TaxIdFormatted)).Select(c => c.Id).ShouldBe([target.Id]);
        (await Search("inexistente")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Archived_customers_leave_the_active_list_and_come_back()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Eta Ltda");
        var other = await admin.CreateCustomerAsync("Theta Ltda");

        var archived = await (await admin.PostJsonAsync($"/api/customers/{customer.Id}/archive", null, customer.Etag)).ReadAsync<Customer>();
        archived.Status.ShouldBe("archived");

        var active = await (await admin.GetAsync("/api/customers?status=active")).ReadAsync<Page<Customer>>();
        active.Items.Select(c => c.Id).ShouldBe([other.Id]);
        var onlyArchived = await (await admin.GetAsync("/api/customers?status=archived")).ReadAsync<Page<Customer>>();
        onlyArchived.Items.Select(c => c.Id).ShouldBe([customer.Id]);
        await (await admin.GetAsync("/api/customers?status=excluido")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        // The archived customer still holds its CNPJ, and says so.
        var duplicate = await admin.PostAsJsonAsync("/api/customers", CrmRecordsTestData.CustomerBody("Nova Eta", customer.TaxId), JsonDefaults.Options);
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate))
            .GetProperty("detail").GetString().ShouldBe("Já existe um cliente com este CNPJ: Eta Ltda (arquivado)");

        var restored = await (await admin.PostJsonAsync($"/api/customers/{customer.Id}/unarchive", null, archived.Etag)).ReadAsync<Customer>();
        restored.Status.ShouldBe("active");
    }

    [Fact]
    public async Task Customer_in_use_cannot_be_deleted_until_its_references_are_gone()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await admin.CreateCustomerAsync("Iota Ltda");
        var site = await admin.CreateSiteAsync(customer.Id);
        var account = await admin.CreateAccountAsync("Conta Iota", customer.Id);
        var contract = await admin.CreateContractAsync(customer.Id);
        await admin.CreateCustomerContactAsync(customer.Id);

        var refused = await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString().ShouldBe("Este cliente não pode ser excluído porque possui contratos. Arquive o cliente para tirá-lo das listas.");

        await (await admin.DeleteIfMatchAsync($"/api/contracts/{contract.Id}", contract.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldContain("possui sites");

        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}/sites/{site.Id}", site.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldContain("contas do CRM");

        var unlinked = await admin.PostJsonAsync($"/api/accounts/{account.Id}/link-customer", new { customerId = (string?)null }, account.Etag);
        await unlinked.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // An occurrence of the relationship log (another feature's row, by its documented key) also holds the customer.
        var occurrenceKey = $"occurrence|{customer.Id}|20260110|{Ids.New()}";
        await app.UpsertRowAsync(tenant, occurrenceKey, new Dictionary<string, object?> { ["Description"] = "Visita" });
        (await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldContain("ocorrências");
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId);
            var table = scope.ServiceProvider.GetRequiredService<TenantTable>();
            await table.DeleteAsync(occurrenceKey, Azure.ETag.All);
        }

        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/customers/{customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await ContactRowsAsync(tenant, customer.Id)).ShouldBe(0);

        // Its CNPJ is free again.
        await admin.CreateCustomerAsync("Iota Nova", customer.TaxId);
    }

    [Fact]
    public async Task Contacts_are_created_listed_searched_updated_and_deleted()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Kappa Ltda");
        var maria = await admin.CreateCustomerContactAsync(customer.Id, "Maria Conceição");
        await admin.CreateCustomerContactAsync(customer.Id, "João Pedro");
        maria.PortalAccess.ShouldBeFalse();
        maria.CustomerId.ShouldBe(customer.Id);

        var all = await (await admin.GetAsync($"/api/customers/{customer.Id}/contacts")).ReadAsync<Page<CustomerContact>>();
        all.Items.Count.ShouldBe(2);
        var found = await (await admin.GetAsync($"/api/customers/{customer.Id}/contacts?q=conceicao")).ReadAsync<Page<CustomerContact>>();
        found.Items.Select(c => c.Id).ShouldBe([maria.Id]);

        var read = await admin.GetAsync($"/api/customers/{customer.Id}/contacts/{maria.Id}");
        read.Headers.ETag!.ToString().ShouldBe(maria.Etag);

        var updated = await (await admin.PutJsonAsync($"/api/customers/{customer.Id}/contacts/{maria.Id}",
            new { name = "Maria C. Souza", email = "maria.souza@kappa.com.br", role = "Diretora" }, maria.Etag)).ReadAsync<CustomerContact>();
        updated.Email.ShouldBe("maria.souza@kappa.com.br");
        updated.Phone.ShouldBeNull();
        await (await admin.PutJsonAsync($"/api/customers/{customer.Id}/contacts/{maria.Id}", new { name = "X" }, maria.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PostAsJsonAsync($"/api/customers/{customer.Id}/contacts", new { name = "", email = "invalido" }, JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}/contacts/{maria.Id}", updated.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/customers/{customer.Id}/contacts/{maria.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task A_contact_with_customer_area_access_keeps_its_email_and_is_not_deleted()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await admin.CreateCustomerAsync("Lambda Ltda");
        var contact = await admin.CreateCustomerContactAsync(customer.Id);

        // The customer-area invitation flow sets this flag.
        await app.UpsertRowAsync(tenant, CustomerStore.ContactKey(customer.Id, contact.Id), new Dictionary<string, object?> { ["PortalAccess"] = true });
        var current = await (await admin.GetAsync($"/api/customers/{customer.Id}/contacts/{contact.Id}")).ReadAsync<CustomerContact>();
        current.PortalAccess.ShouldBeTrue();

        await (await admin.PutJsonAsync($"/api/customers/{customer.Id}/contacts/{contact.Id}", new { name = "Maria", email = "outra@lambda.com.br" }, current.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
        var renamed = await (await admin.PutJsonAsync($"/api/customers/{customer.Id}/contacts/{contact.Id}",
            new { name = "Maria S.", email = current.Email }, current.Etag)).ReadAsync<CustomerContact>();
        renamed.PortalAccess.ShouldBeTrue();

        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}/contacts/{contact.Id}", renamed.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode);
        (await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldContain("acesso à área do cliente");
    }

    [Fact]
    public async Task Sites_are_kept_per_customer()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Mu Ltda");
        var other = await admin.CreateCustomerAsync("Nu Ltda");

        var matriz = await admin.CreateSiteAsync(customer.Id, "Matriz São Paulo");
        await admin.CreateSiteAsync(customer.Id, "Filial Campinas");
        await admin.CreateSiteAsync(other.Id, "Sede Nu");

        var sites = await (await admin.GetAsync($"/api/customers/{customer.Id}/sites")).ReadAsync<Page<Site>>();
        sites.Items.Count.ShouldBe(2);
        sites.Items.ShouldAllBe(s => s.CustomerId == customer.Id);
        (await (await admin.GetAsync($"/api/customers/{customer.Id}/sites?q=sao paulo")).ReadAsync<Page<Site>>()).Items.Select(s => s.Id).ShouldBe([matriz.Id]);

        // A site is reached only under its own customer.
        await (await admin.GetAsync($"/api/customers/{other.Id}/sites/{matriz.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);

        var updated = await (await admin.PutJsonAsync($"/api/customers/{customer.Id}/sites/{matriz.Id}",
            new { name = "Matriz", city = "São Paulo", state = "sp", address = "Av. Paulista, 1000" }, matriz.Etag)).ReadAsync<Site>();
        updated.State.ShouldBe("SP");
        await (await admin.PutJsonAsync($"/api/customers/{customer.Id}/sites/{matriz.Id}", new { name = "Velho" }, matriz.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}/sites/{matriz.Id}", updated.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/customers/{customer.Id}/sites/{matriz.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Roles_decide_who_writes_customers_and_sites()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await admin.CreateCustomerAsync("Xi Ltda");
        var operations = app.Staff(tenant, Roles.Operations);
        var finance = app.Staff(tenant, Roles.Finance);

        await (await operations.PostAsJsonAsync("/api/customers", CrmRecordsTestData.CustomerBody(), JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await operations.PostAsJsonAsync($"/api/customers/{customer.Id}/contacts", new { name = "Ana" }, JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await operations.PostAsJsonAsync($"/api/customers/{customer.Id}/sites", new { name = "Depósito" }, JsonDefaults.Options))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await finance.PostAsJsonAsync($"/api/customers/{customer.Id}/sites", new { name = "Depósito 2" }, JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);

        (await (await finance.GetAsync("/api/customers")).ReadAsync<Page<Customer>>()).Items.Count.ShouldBe(1);
        await (await app.Customer(tenant, customer.Id).GetAsync("/api/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().GetAsync($"/api/customers/{customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var admin = app.Staff(CrmApp.NewTenant());

        await (await admin.GetAsync($"/api/customers/{Ids.New()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await admin.GetAsync("/api/customers/not%7Ca%7Ckey")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await admin.GetAsync($"/api/customers/{Ids.New()}/contacts")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await admin.PostAsJsonAsync($"/api/customers/{Ids.New()}/sites", new { name = "X" }, JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    private async Task<int> ContactRowsAsync(TestTenant tenant, string customerId)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant.TenantId);
        var count = 0;
        await foreach (var _ in scope.ServiceProvider.GetRequiredService<TenantTable>().QueryPrefixAsync(CustomerStore.ContactPrefix(customerId)))
        {
            count++;
        }

        return count;
    }
}
