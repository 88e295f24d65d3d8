using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Accounts;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Accounts;

public sealed class AccountsApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Account_tax_id_is_optional_but_validated_when_present()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var cnpj = TaxIdGenerator.AlphanumericCnpj(Random.Shared);

        var withoutTaxId = await admin.CreateAccountAsync("Prospect sem CNPJ");
        withoutTaxId.TaxId.ShouldBeNull();
        var withTaxId = await admin.CreateAccountAsync("Tau Serviços", taxId: cnpj.Formatted);
        withTaxId.TaxId.ShouldBe(cnpj.Value);
        withTaxId.TaxIdKind.ShouldBe("cnpj");
        withTaxId.TaxIdFormatted.ShouldBe(cnpj.Formatted);

        var invalid = await admin.PostAsJsonAsync("/api/accounts", new { name = "Upsilon", taxId = "123.456.789-00" }, JsonDefaults.Options);
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("taxId")[0].GetString().ShouldBe("CPF inválido: dígitos verificadores não conferem.");
        (await (await admin.PostAsJsonAsync("/api/accounts", new { name = "" }, JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("detail").GetString().ShouldBe("Informe o nome da conta.");
    }

    [Fact]
    public async Task Account_links_to_an_existing_customer_only()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await admin.CreateCustomerAsync("Phi Indústria");

        var unknown = await admin.PostAsJsonAsync("/api/accounts", new { name = "Conta Phi", customerId = Ids.New() }, JsonDefaults.Options);
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("customerId")[0].GetString().ShouldBe("Cliente não encontrado.");

        var account = await admin.CreateAccountAsync("Conta Phi");
        var linked = await (await admin.PostJsonAsync($"/api/accounts/{account.Id}/link-customer", new { customerId = customer.Id }, account.Etag)).ReadAsync<Account>();
        linked.CustomerId.ShouldBe(customer.Id);
        (await app.ReadRowAsync(tenant, AccountStore.CustomerIndexKey(customer.Id, account.Id)))!.GetString("AccountName").ShouldBe("Conta Phi");

        var detail = await (await admin.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<Account>();
        detail.Customer!.LegalName.ShouldBe("Phi Indústria");
        detail.Customer.TaxId.ShouldBe(customer.TaxId);

        // A linked customer is in use; unlinking frees it.
        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode);
        await (await admin.PostJsonAsync($"/api/accounts/{account.Id}/link-customer", new { customerId = customer.Id }, account.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PostJsonAsync($"/api/accounts/{account.Id}/link-customer", new { customerId = customer.Id }, null))
            .ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var unlinked = await (await admin.PostJsonAsync($"/api/accounts/{account.Id}/link-customer", new { customerId = (string?)null }, linked.Etag)).ReadAsync<Account>();
        unlinked.CustomerId.ShouldBeNull();
        (await app.ReadRowAsync(tenant, AccountStore.CustomerIndexKey(customer.Id, account.Id))).ShouldBeNull();
        await (await admin.DeleteIfMatchAsync($"/api/customers/{customer.Id}", customer.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Relinking_moves_the_index_row_to_the_new_customer()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var first = await admin.CreateCustomerAsync("Chi Ltda");
        var second = await admin.CreateCustomerAsync("Psi Ltda");
        var account = await admin.CreateAccountAsync("Conta Chi", first.Id);

        var moved = await (await admin.PostJsonAsync($"/api/accounts/{account.Id}/link-customer", new { customerId = second.Id }, account.Etag)).ReadAsync<Account>();

        moved.CustomerId.ShouldBe(second.Id);
        (await app.ReadRowAsync(tenant, AccountStore.CustomerIndexKey(first.Id, account.Id))).ShouldBeNull();
        (await app.ReadRowAsync(tenant, AccountStore.CustomerIndexKey(second.Id, account.Id))).ShouldNotBeNull();

        // Editing the account keeps the link (the link changes only through link-customer).
        var edited = await (await admin.PutJsonAsync($"/api/accounts/{account.Id}", new { name = "Conta Chi Renomeada", city = "Olinda", state = "PE" }, moved.Etag)).ReadAsync<Account>();
        edited.CustomerId.ShouldBe(second.Id);
        (await app.ReadRowAsync(tenant, AccountStore.CustomerIndexKey(second.Id, account.Id)))!.GetString("AccountName").ShouldBe("Conta Chi Renomeada");
    }

    [Fact]
    public async Task Account_detail_includes_its_contacts()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var account = await admin.CreateAccountAsync("Conta Ômicron");
        var ana = await (await admin.PostAsJsonAsync($"/api/accounts/{account.Id}/contacts",
            new { name = "Ana Paula Gonçalves", email = "ana@omicron.com.br", position = "Diretora de TI" }, JsonDefaults.Options)).ReadAsync<AccountContact>(HttpStatusCode.Created);
        var bruno = await (await admin.PostAsJsonAsync($"/api/accounts/{account.Id}/contacts",
            new { name = "Bruno Lima", phone = "(81) 99999-0000" }, JsonDefaults.Options)).ReadAsync<AccountContact>(HttpStatusCode.Created);

        var response = await admin.GetAsync($"/api/accounts/{account.Id}");
        var detail = await response.ReadAsync<Account>();
        detail.Contacts!.Select(c => c.Id).ShouldBe([ana.Id, bruno.Id]);
        detail.ContactsContinuation.ShouldBeNull();
        detail.Customer.ShouldBeNull();
        response.Headers.ETag!.ToString().ShouldBe(account.Etag);

        (await (await admin.GetAsync($"/api/accounts/{account.Id}/contacts?q=goncalves")).ReadAsync<Page<AccountContact>>()).Items.Select(c => c.Id).ShouldBe([ana.Id]);
        var updated = await (await admin.PutJsonAsync($"/api/accounts/{account.Id}/contacts/{bruno.Id}", new { name = "Bruno Lima", position = "Comprador" }, bruno.Etag))
            .ReadAsync<AccountContact>();
        updated.Position.ShouldBe("Comprador");
        updated.Phone.ShouldBeNull();
        await (await admin.PutJsonAsync($"/api/accounts/{account.Id}/contacts/{bruno.Id}", new { name = "Bruno" }, bruno.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.DeleteIfMatchAsync($"/api/accounts/{account.Id}/contacts/{bruno.Id}", updated.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await (await admin.GetAsync($"/api/accounts/{account.Id}/contacts/{ana.Id}")).ReadAsync<AccountContact>()).Name.ShouldBe("Ana Paula Gonçalves");
        await (await admin.GetAsync($"/api/accounts/{account.Id}/contacts/{bruno.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Accounts_are_listed_in_pages_and_searched()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var taxId = CrmRecordsTestData.NewCnpj();
        var target = await admin.CreateAccountAsync("Associação Beneficente São João", taxId: taxId);
        await admin.CreateAccountAsync("Mercado Central");
        await admin.CreateAccountAsync("Oficina do Zé");

        (await (await admin.GetAsync("/api/accounts?q=associacao sao joao")).ReadAsync<Page<Account>>()).Items.Select(a => a.Id).ShouldBe([target.Id]);
        (await (await admin.GetAsync("/api/accounts?q=" + taxId)).ReadAsync<Page<Account>>()).Items.Select(a => a.Id).ShouldBe([target.Id]);

        var first = await (await admin.GetAsync("/api/accounts?pageSize=2")).ReadAsync<Page<Account>>();
        first.Items.Count.ShouldBe(2);
        var rest = await (await admin.GetAsync("/api/accounts?pageSize=2&continuation=" + Uri.EscapeDataString(first.Continuation!))).ReadAsync<Page<Account>>();
        rest.Items.Count.ShouldBe(1);
        rest.Continuation.ShouldBeNull();
        first.Items.Concat(rest.Items).Select(a => a.Id).Distinct().Count().ShouldBe(3);
        first.Items.ShouldAllBe(a => a.Contacts == null);
    }

    [Fact]
    public async Task Account_with_an_opportunity_is_not_deleted_and_others_go_with_their_contacts()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var busy = await admin.CreateAccountAsync("Conta com oportunidade");
        var idle = await admin.CreateAccountAsync("Conta parada");
        var contact = await (await admin.PostAsJsonAsync($"/api/accounts/{idle.Id}/contacts", new { name = "Carla" }, JsonDefaults.Options))
            .ReadAsync<AccountContact>(HttpStatusCode.Created);

        var opportunity = await (await admin.PostAsJsonAsync("/api/opportunities", new { title = "Renovação 2026", accountId = busy.Id }, JsonDefaults.Options))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);

        (await (await admin.DeleteIfMatchAsync($"/api/accounts/{busy.Id}", busy.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString().ShouldBe("Esta conta é usada na oportunidade \"Renovação 2026\" e não pode ser excluída.");

        // The opportunity's own batch removes its reference: once it is gone the account can go too.
        await (await admin.DeleteIfMatchAsync($"/api/opportunities/{opportunity.GetProperty("id").GetString()}", opportunity.GetProperty("etag").GetString()))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteIfMatchAsync($"/api/accounts/{busy.Id}", busy.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await admin.DeleteIfMatchAsync($"/api/accounts/{idle.Id}", null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        await (await admin.DeleteIfMatchAsync($"/api/accounts/{idle.Id}", idle.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/accounts/{idle.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await app.ReadRowAsync(tenant, AccountStore.ContactKey(idle.Id, contact.Id))).ShouldBeNull();
    }

    [Fact]
    public async Task Stale_account_update_is_refused_and_roles_apply()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await admin.CreateAccountAsync("Conta Rô");
        var body = new { name = "Conta Rô Atualizada", email = "contato@ro.com.br" };

        var seller = app.Staff(tenant, Roles.Sales);
        var updated = await (await seller.PutJsonAsync($"/api/accounts/{account.Id}", body, account.Etag)).ReadAsync<Account>();
        updated.Email.ShouldBe("contato@ro.com.br");
        await (await admin.PutJsonAsync($"/api/accounts/{account.Id}", body, account.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PutJsonAsync($"/api/accounts/{account.Id}", body, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var operations = app.Staff(tenant, Roles.Operations);
        await (await operations.PostAsJsonAsync("/api/accounts", new { name = "Da operação" }, JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await (await operations.GetAsync($"/api/accounts/{account.Id}")).ReadAsync<Account>()).Name.ShouldBe("Conta Rô Atualizada");
    }
}
