using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Solutions;

public sealed class SolutionsApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Solution_lines_come_from_the_services_and_ticket_lines_carry_the_amounts()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var category = await admin.CreateCategoryAsync("Implantação");
        var setup = await admin.CreateServiceAsync("SRV-SETUP", "Configuração inicial", 1200m, category.Id);
        var training = await admin.CreateServiceAsync("SRV-TREIN", "Treinamento de usuários", 33.33m);

        var solution = await admin.CreateSolutionAsync(
            "Implantação ERP",
            new { serviceId = setup.Id, quantity = 1m, discountKind = "amount", discount = 200m },
            new { serviceId = training.Id, quantity = 3m, discountKind = "percent", discount = 10m });

        solution.Lines.Count.ShouldBe(2);
        solution.Lines[0].ShouldBe(new ServiceLine(setup.Id, "Configuração inicial", category.Id, "Implantação", 1m, 1200m, "amount", 200m));
        solution.Lines[1].Description.ShouldBe("Treinamento de usuários");
        solution.Total.ShouldBe(1000m + 89.99m);
        solution.Active.ShouldBeTrue();

        var ticket = await (await admin.GetAsync($"/api/solutions/{solution.Id}/ticket-lines")).ReadAsync<SolutionTicketLines>();
        ticket.SolutionName.ShouldBe("Implantação ERP");
        ticket.Lines.Select(l => (l.Kind, l.ServiceId, l.Gross, l.DiscountAmount, l.Total)).ShouldBe(
        [
            ("service", setup.Id, 1200m, 200m, 1000m),
            ("service", training.Id, 99.99m, 10.00m, 89.99m),
        ]);
        ticket.Gross.ShouldBe(1299.99m);
        ticket.Discount.ShouldBe(210m);
        ticket.Total.ShouldBe(1089.99m);
    }

    [Fact]
    public async Task Changing_the_lines_moves_the_service_references()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var first = await admin.CreateServiceAsync("SRV-A");
        var second = await admin.CreateServiceAsync("SRV-B");
        var solution = await admin.CreateSolutionAsync("Pacote", new { serviceId = first.Id, quantity = 1m });

        var body = new { name = "Pacote", lines = new[] { new { serviceId = second.Id, quantity = 2m } } };
        var updated = await (await admin.PutJsonAsync($"/api/solutions/{solution.Id}", body, solution.Etag)).ReadAsync<Solution>();
        updated.Lines.Single().ServiceId.ShouldBe(second.Id);

        // The first service is free to delete now; the second one is in use.
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/services/{first.Id}", first.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/services/{second.Id}", second.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode);

        await (await admin.PutJsonAsync($"/api/solutions/{solution.Id}", body, solution.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PutJsonAsync($"/api/solutions/{solution.Id}", body, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
    }

    [Fact]
    public async Task Lines_must_reference_existing_services()
    {
        var admin = app.Staff(CrmApp.NewTenant());

        var response = await admin.PostAsJsonAsync("/api/solutions",
            new { name = "Sem serviços válidos", lines = new[] { new { serviceId = Ids.New(), quantity = 1m } } }, JsonDefaults.Options);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("lines[0].serviceId")[0].GetString().ShouldBe("Serviço não encontrado.");
        (await (await admin.PostAsJsonAsync("/api/solutions", new { name = "Vazia" }, JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("detail").GetString().ShouldBe("Inclua ao menos um serviço na solução.");
    }

    [Fact]
    public async Task Solutions_are_listed_searched_and_deactivated()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var service = await admin.CreateServiceAsync(description: "Consultoria tributária");
        var consulting = await admin.CreateSolutionAsync("Consultoria Fiscal", new { serviceId = service.Id, quantity = 4m });
        var other = await admin.CreateSolutionAsync("Suporte Básico", new { serviceId = service.Id, quantity = 1m });

        (await (await admin.GetAsync("/api/solutions?q=tributaria")).ReadAsync<Page<Solution>>()).Items.Select(s => s.Id).ShouldBe([consulting.Id, other.Id]);
        (await (await admin.GetAsync("/api/solutions?q=FISCAL")).ReadAsync<Page<Solution>>()).Items.Select(s => s.Id).ShouldBe([consulting.Id]);

        var body = new { name = "Suporte Básico", active = false, lines = new[] { new { serviceId = service.Id, quantity = 1m } } };
        await (await admin.PutJsonAsync($"/api/solutions/{other.Id}", body, other.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await (await admin.GetAsync("/api/solutions?active=true")).ReadAsync<Page<Solution>>()).Items.Select(s => s.Id).ShouldBe([consulting.Id]);

        var page = await (await admin.GetAsync("/api/solutions?pageSize=1")).ReadAsync<Page<Solution>>();
        page.Items.Count.ShouldBe(1);
        page.Continuation.ShouldNotBeNull();
        var next = await (await admin.GetAsync("/api/solutions?pageSize=1&continuation=" + Uri.EscapeDataString(page.Continuation))).ReadAsync<Page<Solution>>();
        next.Items.Single().Id.ShouldBe(other.Id);
    }

    [Fact]
    public async Task A_solution_used_by_an_opportunity_is_not_deleted()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var service = await admin.CreateServiceAsync();
        var solution = await admin.CreateSolutionAsync("Implantação", new { serviceId = service.Id, quantity = 1m });
        var unused = await admin.CreateSolutionAsync("Nunca usada", new { serviceId = service.Id, quantity = 1m });

        var account = await admin.CreateAccountAsync("Conta Alfa");
        var opportunity = await (await admin.PostAsJsonAsync("/api/opportunities",
            new { title = "Implantação Alfa", accountId = account.Id, solutionId = solution.Id }, JsonDefaults.Options)).ReadAsync<JsonElement>(HttpStatusCode.Created);

        (await (await admin.DeleteIfMatchAsync($"/api/solutions/{solution.Id}", solution.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldStartWith("Esta solução foi usada na oportunidade \"Implantação Alfa\"");
        (await (await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldContain("oportunidade \"Implantação Alfa\"", Case.Insensitive, "the ticket lines copied from the solution use the service too");
        await (await admin.DeleteIfMatchAsync($"/api/solutions/{unused.Id}", unused.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/solutions/{unused.Id}/ticket-lines")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Sales_writes_solutions_and_operations_only_reads_them()
    {
        var tenant = CrmApp.NewTenant();
        var service = await app.Staff(tenant).CreateServiceAsync();
        var line = new { serviceId = service.Id, quantity = 1m };

        await (await app.Staff(tenant, Roles.Sales).PostAsJsonAsync("/api/solutions", new { name = "Da equipe de vendas", lines = new[] { line } }, JsonDefaults.Options))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var operations = app.Staff(tenant, Roles.Operations);
        await (await operations.PostAsJsonAsync("/api/solutions", new { name = "Da operação", lines = new[] { line } }, JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await (await operations.GetAsync("/api/solutions")).ReadAsync<Page<Solution>>()).Items.Count.ShouldBe(1);
    }
}
