using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Contracts;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Contracts;

public sealed class ContractsApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Contracts_are_numbered_per_tenant_and_priced_per_item()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await admin.CreateCustomerAsync("Ômega Ltda");
        var service = await admin.CreateServiceAsync("SRV-MON", "Monitoramento 24h", 450m);

        var first = await admin.CreateContractAsync(customer.Id);
        var second = await admin.CreateContractAsync(customer.Id, service.Id, "Monitoramento");

        first.Number.ShouldBe(1);
        second.Number.ShouldBe(2);
        first.Status.ShouldBe("draft");
        first.CustomerName.ShouldBe("Ômega Ltda");
        first.StartDate.ShouldBe(new DateOnly(2026, 1, 1));
        first.EndDate.ShouldBe(new DateOnly(2026, 12, 31));
        first.CreatedBy.ShouldBe("Admin Empresa Teste");

        // 10 × 120 = 1.200, 10 % = 120, total 1.080.
        var item = first.Items.Single();
        (item.Gross, item.DiscountAmount, item.Total).ShouldBe((1200m, 120m, 1080m));
        first.Total.ShouldBe(1080m);

        // A catalogue item takes description and price from the service.
        second.Items.Single().Description.ShouldBe("Monitoramento 24h");
        second.Total.ShouldBe(900m);

        // Another tenant has its own sequence.
        var otherAdmin = app.Staff(CrmApp.NewTenant());
        (await otherAdmin.CreateContractAsync((await otherAdmin.CreateCustomerAsync()).Id)).Number.ShouldBe(1);
    }

    [Fact]
    public async Task Contracts_of_a_customer_come_from_its_index_in_one_scan()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync("Pi Ltda");
        var other = await admin.CreateCustomerAsync("Rho Ltda");
        var a = await admin.CreateContractAsync(customer.Id, title: "Manutenção preventiva");
        var b = await admin.CreateContractAsync(customer.Id, title: "Suporte remoto");
        await admin.CreateContractAsync(other.Id);

        var response = await admin.GetAsync($"/api/customers/{customer.Id}/contracts");
        var page = await response.ReadAsync<Page<ContractSummary>>();
        page.Items.Select(c => c.Id).ShouldBe([a.Id, b.Id]);
        page.Items[0].Total.ShouldBe(1080m);
        response.StorageTransactions().ShouldBe(2); // the customer's row, then the index range

        var byQuery = await (await admin.GetAsync($"/api/contracts?customerId={customer.Id}&q=manutencao")).ReadAsync<Page<ContractSummary>>();
        byQuery.Items.Select(c => c.Id).ShouldBe([a.Id]);
        (await (await admin.GetAsync("/api/contracts")).ReadAsync<Page<ContractSummary>>()).Items.Count.ShouldBe(3);
        (await (await admin.GetAsync("/api/contracts?q=" + b.Number)).ReadAsync<Page<ContractSummary>>()).Items.Select(c => c.Id).ShouldContain(b.Id);
    }

    [Fact]
    public async Task Status_moves_follow_the_life_cycle_and_the_index_follows_the_status()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync();
        var contract = await admin.CreateContractAsync(customer.Id);

        var active = await (await admin.PostJsonAsync($"/api/contracts/{contract.Id}/status", new { status = "active" }, contract.Etag)).ReadAsync<Contract>();
        active.Status.ShouldBe("active");

        (await (await admin.PostJsonAsync($"/api/contracts/{contract.Id}/status", new { status = "draft" }, active.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Um contrato ativo não pode passar para rascunho.");
        await (await admin.PostJsonAsync($"/api/contracts/{contract.Id}/status", new { status = "suspended" }, contract.Etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PostJsonAsync($"/api/contracts/{contract.Id}/status", new { status = "suspended" }, null))
            .ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        (await (await admin.GetAsync($"/api/customers/{customer.Id}/contracts?status=active")).ReadAsync<Page<ContractSummary>>()).Items.Single().Id.ShouldBe(contract.Id);
        (await (await admin.GetAsync($"/api/contracts?status=draft")).ReadAsync<Page<ContractSummary>>()).Items.ShouldBeEmpty();

        (await (await admin.DeleteIfMatchAsync($"/api/contracts/{contract.Id}", active.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Só contratos em rascunho podem ser excluídos. Encerre o contrato para finalizá-lo.");

        var ended = await (await admin.PostJsonAsync($"/api/contracts/{contract.Id}/status", new { status = "ended" }, active.Etag)).ReadAsync<Contract>();
        (await (await admin.PutJsonAsync($"/api/contracts/{contract.Id}", CrmRecordsTestData.ContractBody(customer.Id), ended.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState))
            .GetProperty("detail").GetString().ShouldBe("Este contrato está encerrado e não pode mais ser alterado.");
    }

    [Fact]
    public async Task Contract_is_edited_under_etag_but_keeps_its_customer()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync();
        var other = await admin.CreateCustomerAsync("Sigma Ltda");
        var contract = await admin.CreateContractAsync(customer.Id);

        var body = new
        {
            customerId = customer.Id,
            title = "Suporte mensal ampliado",
            startDate = "2026-02-01",
            recurrence = "quarterly",
            items = new[] { new { description = "Horas de suporte", quantity = 20m, unitPrice = 110m, discountKind = "amount", discount = 100m } },
        };
        var updated = await (await admin.PutJsonAsync($"/api/contracts/{contract.Id}", body, contract.Etag)).ReadAsync<Contract>();
        updated.Title.ShouldBe("Suporte mensal ampliado");
        updated.EndDate.ShouldBeNull();
        updated.Recurrence.ShouldBe("quarterly");
        updated.Total.ShouldBe(2100m);
        updated.Number.ShouldBe(contract.Number);
        (await (await admin.GetAsync($"/api/customers/{customer.Id}/contracts")).ReadAsync<Page<ContractSummary>>()).Items.Single().Title.ShouldBe("Suporte mensal ampliado");

        await (await admin.PutJsonAsync($"/api/contracts/{contract.Id}", body, contract.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PutJsonAsync($"/api/contracts/{contract.Id}", body, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        var moved = await admin.PutJsonAsync($"/api/contracts/{contract.Id}", CrmRecordsTestData.ContractBody(other.Id), updated.Etag);
        (await moved.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("customerId")[0].GetString().ShouldBe("O cliente de um contrato não pode ser alterado: crie um novo contrato.");
    }

    [Fact]
    public async Task Contract_needs_an_active_customer_of_the_tenant()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var customer = await admin.CreateCustomerAsync();

        (await (await admin.PostAsJsonAsync("/api/contracts", CrmRecordsTestData.ContractBody(Ids.New()), JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("customerId")[0].GetString().ShouldBe("Cliente não encontrado.");

        await (await admin.PostJsonAsync($"/api/customers/{customer.Id}/archive", null, customer.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await (await admin.PostAsJsonAsync("/api/contracts", CrmRecordsTestData.ContractBody(customer.Id), JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("detail").GetString().ShouldBe("Este cliente está arquivado: reative-o para criar contratos.");

        var foreign = await app.Staff(CrmApp.NewTenant()).CreateCustomerAsync();
        await (await admin.PostAsJsonAsync("/api/contracts", CrmRecordsTestData.ContractBody(foreign.Id), JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
    }

    [Fact]
    public async Task Deleting_a_draft_removes_its_index_row()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var customer = await admin.CreateCustomerAsync();
        var contract = await admin.CreateContractAsync(customer.Id);

        await (await admin.DeleteIfMatchAsync($"/api/contracts/{contract.Id}", null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        await (await admin.DeleteIfMatchAsync($"/api/contracts/{contract.Id}", contract.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/contracts/{contract.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await app.ReadRowAsync(tenant, ContractStore.CustomerIndexKey(customer.Id, contract.Id))).ShouldBeNull();
        (await (await admin.GetAsync($"/api/customers/{customer.Id}/contracts")).ReadAsync<Page<ContractSummary>>()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Operations_may_write_contracts_and_finance_may_only_read()
    {
        var tenant = CrmApp.NewTenant();
        var customer = await app.Staff(tenant).CreateCustomerAsync();

        var created = await app.Staff(tenant, Roles.Operations).CreateContractAsync(customer.Id);
        var finance = app.Staff(tenant, Roles.Finance);
        await (await finance.PostAsJsonAsync("/api/contracts", CrmRecordsTestData.ContractBody(customer.Id), JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await (await finance.GetAsync($"/api/contracts/{created.Id}")).ReadAsync<Contract>()).Id.ShouldBe(created.Id);
    }
}
