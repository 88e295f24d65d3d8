using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Catalogue;

public sealed class CatalogueApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Service_is_created_with_its_category_and_updated_under_etag()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var category = await admin.CreateCategoryAsync("Infraestrutura");
        var service = await admin.CreateServiceAsync("SRV-REDE", "Instalação de rede", 250.50m, category.Id);

        service.CategoryId.ShouldBe(category.Id);
        service.CategoryName.ShouldBe("Infraestrutura");
        service.IssRate.ShouldBe(5m);
        service.UnitPrice.ShouldBe(250.50m);
        service.Active.ShouldBeTrue();

        var read = await admin.GetAsync($"/api/catalogue/services/{service.Id}");
        read.Headers.ETag!.ToString().ShouldBe(service.Etag);

        var body = CrmRecordsTestData.ServiceBody("SRV-REDE", "Instalação de rede estruturada", 300m, null);
        var updated = await (await admin.PutJsonAsync($"/api/catalogue/services/{service.Id}", body, service.Etag)).ReadAsync<Service>();
        updated.Description.ShouldBe("Instalação de rede estruturada");
        updated.CategoryId.ShouldBeNull();
        updated.Active.ShouldBeTrue();

        await (await admin.PutJsonAsync($"/api/catalogue/services/{service.Id}", body, service.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.PutJsonAsync($"/api/catalogue/services/{service.Id}", body, null)).ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);

        var unknownCategory = CrmRecordsTestData.ServiceBody(categoryId: Ids.New());
        (await (await admin.PostAsJsonAsync("/api/catalogue/services", unknownCategory, JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("categoryId")[0].GetString().ShouldBe("Categoria não encontrada.");
    }

    [Fact]
    public async Task Iss_rate_out_of_bounds_is_a_validation_problem()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var body = new { code = "SRV-ISS", description = "Consultoria", unitPrice = 100m, municipalServiceCode = "17.01", issRate = 6m };

        var problem = await (await admin.PostAsJsonAsync("/api/catalogue/services", body, JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        problem.GetProperty("detail").GetString().ShouldBe("A alíquota de ISS deve estar entre 2% e 5% (LC 116/2003).");
    }

    [Fact]
    public async Task Service_codes_are_unique_per_tenant_ignoring_case_and_move_with_the_code()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var service = await admin.CreateServiceAsync("SRV-100");

        var duplicate = await admin.PostAsJsonAsync("/api/catalogue/services", CrmRecordsTestData.ServiceBody("srv-100"), JsonDefaults.Options);
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate))
            .GetProperty("detail").GetString().ShouldBe("Já existe um serviço com o código srv-100.");

        var renamed = await (await admin.PutJsonAsync($"/api/catalogue/services/{service.Id}", CrmRecordsTestData.ServiceBody("SRV-200"), service.Etag)).ReadAsync<Service>();
        renamed.Code.ShouldBe("SRV-200");
        (await app.ReadRowAsync(tenant, CatalogueStore.ServiceCodeKey("SRV-100"))).ShouldBeNull();
        (await app.ReadRowAsync(tenant, CatalogueStore.ServiceCodeKey("SRV-200")))!.GetString("ServiceId").ShouldBe(service.Id);

        await admin.CreateServiceAsync("SRV-100");
        await app.Staff(CrmApp.NewTenant()).CreateServiceAsync("SRV-200");
    }

    [Fact]
    public async Task Services_are_searched_without_accents_and_filtered_by_active()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var installation = await admin.CreateServiceAsync(description: "Manutenção preventiva");
        var other = await admin.CreateServiceAsync(description: "Treinamento de equipe");

        var found = await (await admin.GetAsync("/api/catalogue/services?q=MANUTENCAO")).ReadAsync<Page<Service>>();
        found.Items.Select(s => s.Id).ShouldBe([installation.Id]);

        var body = CrmRecordsTestData.ServiceBody(other.Code, other.Description, other.UnitPrice, active: false);
        var deactivated = await (await admin.PutJsonAsync($"/api/catalogue/services/{other.Id}", body, other.Etag)).ReadAsync<Service>();
        deactivated.Active.ShouldBeFalse();

        (await (await admin.GetAsync("/api/catalogue/services?active=true")).ReadAsync<Page<Service>>()).Items.Select(s => s.Id).ShouldBe([installation.Id]);
        (await (await admin.GetAsync("/api/catalogue/services?active=false")).ReadAsync<Page<Service>>()).Items.Select(s => s.Id).ShouldBe([other.Id]);
        (await (await admin.GetAsync("/api/catalogue/services")).ReadAsync<Page<Service>>()).Items.Count.ShouldBe(2);
        await (await admin.GetAsync("/api/catalogue/services?active=talvez")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
    }

    [Fact]
    public async Task A_service_used_by_a_solution_or_contract_is_deactivated_not_deleted()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var service = await admin.CreateServiceAsync("SRV-USO");
        var solution = await admin.CreateSolutionAsync("Implantação", new { serviceId = service.Id, quantity = 1m });

        var refused = await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString().ShouldBe("Este serviço não pode ser excluído: está em uso (solução \"Implantação\"). Desative-o (ativo = não) para que não seja mais oferecido.");

        await (await admin.DeleteIfMatchAsync($"/api/solutions/{solution.Id}", solution.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var customer = await admin.CreateCustomerAsync();
        var contract = await admin.CreateContractAsync(customer.Id, service.Id);
        (await (await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString()!.ShouldContain($"contrato nº {contract.Number}");

        await (await admin.DeleteIfMatchAsync($"/api/contracts/{contract.Id}", contract.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/catalogue/services/{service.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task A_category_used_by_a_service_is_not_deleted()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var category = await admin.CreateCategoryAsync("Suporte técnico");
        var service = await admin.CreateServiceAsync("SRV-SUP", categoryId: category.Id);

        (await (await admin.DeleteIfMatchAsync($"/api/catalogue/categories/{category.Id}", category.Etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, RecordConventions.InUseCode))
            .GetProperty("detail").GetString().ShouldBe("Esta categoria não pode ser excluída: está em uso (serviço SRV-SUP). Troque a categoria desses registros antes.");

        var renamed = await (await admin.PutJsonAsync($"/api/catalogue/categories/{category.Id}", new { name = "Suporte" }, category.Etag)).ReadAsync<Category>();
        renamed.Name.ShouldBe("Suporte");
        (await (await admin.GetAsync("/api/catalogue/categories?q=suporte")).ReadAsync<Page<Category>>()).Items.Select(c => c.Id).ShouldBe([category.Id]);

        // Moving the service to no category releases the category.
        await (await admin.PutJsonAsync($"/api/catalogue/services/{service.Id}", CrmRecordsTestData.ServiceBody("SRV-SUP"), service.Etag)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/categories/{category.Id}", renamed.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Products_have_unique_codes_stock_and_unit()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var created = await admin.PostAsJsonAsync("/api/catalogue/products", new { code = "CABO-CAT6", description = "Cabo de rede Cat6", price = 2.35m, stock = 1500m, unit = "m" }, JsonDefaults.Options);
        var product = await created.ReadAsync<Product>(HttpStatusCode.Created);
        product.Unit.ShouldBe("M");
        product.Stock.ShouldBe(1500m);
        product.Price.ShouldBe(2.35m);

        await (await admin.PostAsJsonAsync("/api/catalogue/products", new { code = "cabo-cat6", description = "Outro", price = 1m }, JsonDefaults.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);

        var updated = await (await admin.PutJsonAsync($"/api/catalogue/products/{product.Id}",
            new { code = "CABO-CAT6", description = "Cabo de rede Cat6 azul", price = 2.5m, stock = 1200m, unit = "m", active = false }, product.Etag)).ReadAsync<Product>();
        updated.Stock.ShouldBe(1200m);
        updated.Active.ShouldBeFalse();
        (await (await admin.GetAsync("/api/catalogue/products?q=cabo azul")).ReadAsync<Page<Product>>()).Items.Select(p => p.Id).ShouldBe([product.Id]);

        await (await admin.DeleteIfMatchAsync($"/api/catalogue/products/{product.Id}", product.Etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/products/{product.Id}", updated.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.PostAsJsonAsync("/api/catalogue/products", new { code = "CABO-CAT6", description = "Cabo novo", price = 3m }, JsonDefaults.Options))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Product_service_types_are_listed_by_kind()
    {
        var admin = app.Staff(CrmApp.NewTenant());
        var license = await (await admin.PostAsJsonAsync("/api/catalogue/product-service-types", new { name = "Licença de software", kind = "service" }, JsonDefaults.Options))
            .ReadAsync<ProductServiceType>(HttpStatusCode.Created);
        var equipment = await (await admin.PostAsJsonAsync("/api/catalogue/product-service-types", new { name = "Equipamento", kind = "product" }, JsonDefaults.Options))
            .ReadAsync<ProductServiceType>(HttpStatusCode.Created);

        (await (await admin.GetAsync("/api/catalogue/product-service-types?kind=product")).ReadAsync<Page<ProductServiceType>>()).Items.Select(t => t.Id).ShouldBe([equipment.Id]);
        (await (await admin.GetAsync("/api/catalogue/product-service-types?q=licenca")).ReadAsync<Page<ProductServiceType>>()).Items.Select(t => t.Id).ShouldBe([license.Id]);
        await (await admin.GetAsync("/api/catalogue/product-service-types?kind=outro")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        var updated = await (await admin.PutJsonAsync($"/api/catalogue/product-service-types/{equipment.Id}", new { name = "Equipamento de rede", kind = "product" }, equipment.Etag))
            .ReadAsync<ProductServiceType>();
        updated.Name.ShouldBe("Equipamento de rede");
        await (await admin.DeleteIfMatchAsync($"/api/catalogue/product-service-types/{equipment.Id}", updated.Etag)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/catalogue/product-service-types/{equipment.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Only_admins_write_the_catalogue_and_any_staff_reads_it()
    {
        var tenant = CrmApp.NewTenant();
        var service = await app.Staff(tenant).CreateServiceAsync();
        var seller = app.Staff(tenant, Roles.Sales);

        await (await seller.PostAsJsonAsync("/api/catalogue/services", CrmRecordsTestData.ServiceBody(), JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await seller.PostAsJsonAsync("/api/catalogue/categories", new { name = "X" }, JsonDefaults.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await seller.DeleteIfMatchAsync($"/api/catalogue/services/{service.Id}", service.Etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await (await seller.GetAsync($"/api/catalogue/services/{service.Id}")).ReadAsync<Service>()).Code.ShouldBe(service.Code);
        (await (await app.Staff(tenant, Roles.Finance).GetAsync("/api/catalogue/services")).ReadAsync<Page<Service>>()).Items.Count.ShouldBe(1);
    }
}
