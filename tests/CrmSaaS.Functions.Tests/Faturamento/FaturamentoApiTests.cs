using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;

namespace CrmSaaS.Functions.Tests.Faturamento;

/// <summary>Omie "Cadastrando a Ordem de Serviço pela Oportunidade": the opportunity's "$ Faturamento" tab end to end.</summary>
public sealed class FaturamentoApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private sealed record Arranged(SalesSeed Seed, string AccountId, string OpportunityId, string ServiceId, string ProductId);

    private async Task<Arranged> ArrangeAsync(TaxId? accountTaxId, string? linkedCustomerId = null, bool withServices = true)
    {
        var seed = new SalesSeed(app, CrmApp.NewTenant());
        var service = await seed.ServiceAsync("Implantação do ERP", 4800m);
        var product = await seed.ProductAsync("Licença anual", 1200m);
        var account = await seed.AccountAsync("Transportadora Rápido Sul", accountTaxId, linkedCustomerId);
        var lines = new List<(ItemKind, string, string, decimal, decimal)> { (ItemKind.Product, product, "Licença anual", 2m, 1200m) };
        if (withServices)
        {
            lines.Insert(0, (ItemKind.Service, service, "Implantação do ERP", 1m, 4800m));
            lines.Add((ItemKind.Service, service, "Treinamento da equipe", 3m, 350m));
        }

        var opportunity = await seed.OpportunityAsync("ERP Rápido Sul", account, [.. lines]);
        return new Arranged(seed, account, opportunity, service, product);
    }

    private static object Kinds(params string[] kinds) => new { kinds };

    private static object Confirmed(params string[] kinds) => new { kinds, confirmDuplicate = true };

    private static Task<HttpResponseMessage> GenerateAsync(HttpClient client, string opportunityId, object body) =>
        client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/faturamento/generate", body, JsonDefaults.Options);

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, string opportunityId, object body) =>
        client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/faturamento/customer", body, JsonDefaults.Options);

    [Fact]
    public async Task The_customer_is_matched_by_cnpj_and_gerar_todos_creates_the_three_documents_linked_back()
    {
        var cnpj = SalesSeed.NewCnpj();
        var arranged = await ArrangeAsync(cnpj);
        var seed = arranged.Seed;
        var customerId = await seed.CustomerAsync("Transportadora Rápido Sul Ltda", cnpj);

        var view = await (await seed.Admin.GetAsync($"/api/opportunities/{arranged.OpportunityId}/faturamento")).ReadAsync<JsonElement>();
        view.GetProperty("accountTaxId").GetString().ShouldBe(cnpj.Value);
        view.GetProperty("matchedCustomer").GetProperty("id").GetString().ShouldBe(customerId);
        view.GetProperty("matchedCustomer").GetProperty("source").GetString().ShouldBe("tax-id");
        view.GetProperty("matchedCustomer").GetProperty("taxIdFormatted").GetString().ShouldBe(cnpj.Formatted);
        view.GetProperty("documents").GetArrayLength().ShouldBe(0);

        var response = await GenerateAsync(seed.Admin, arranged.OpportunityId, Kinds("all"));

        var result = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var created = result.GetProperty("created").EnumerateArray().ToList();
        created.Select(d => d.GetProperty("kind").GetString()).ShouldBe(["service-order", "sales-order", "contract"]);
        created.Select(d => d.GetProperty("kindLabel").GetString()).ShouldBe(["Ordem de serviço", "Pedido de venda", "Contrato de serviço"]);
        result.GetProperty("documents").GetArrayLength().ShouldBe(3);

        var serviceOrder = await (await seed.Admin.GetAsync($"/api/service-orders/{created[0].GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        serviceOrder.GetProperty("customerId").GetString().ShouldBe(customerId);
        serviceOrder.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("description").GetString()).ShouldBe(["Implantação do ERP", "Treinamento da equipe"]);
        serviceOrder.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(5850m);
        serviceOrder.GetProperty("opportunity").GetProperty("id").GetString().ShouldBe(arranged.OpportunityId);
        serviceOrder.GetProperty("opportunity").GetProperty("stageName").GetString().ShouldBe("Negociação");

        var salesOrder = await (await seed.Admin.GetAsync($"/api/sales-orders/{created[1].GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        salesOrder.GetProperty("status").GetString().ShouldBe("Proposta");
        salesOrder.GetProperty("items").GetArrayLength().ShouldBe(3);
        salesOrder.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(8250m);
        salesOrder.GetProperty("opportunity").GetProperty("title").GetString().ShouldBe("ERP Rápido Sul");
        salesOrder.GetProperty("generateOpportunity").GetBoolean().ShouldBeFalse("the order already belongs to an opportunity");

        var contract = (await seed.RowAsync("contract|" + created[2].GetProperty("id").GetString()))!;
        contract.GetString("OpportunityId").ShouldBe(arranged.OpportunityId);
        contract.GetString("CustomerId").ShouldBe(customerId);
        contract.GetString("Recurrence").ShouldBe("monthly");
        contract.GetString("Status").ShouldBe("draft");
        (await seed.RowsAsync($"customer-contract|{customerId}|")).Count.ShouldBe(1);
        (await seed.RowsAsync($"doc-opp|{arranged.OpportunityId}|")).Count.ShouldBe(3);

        // The contract is the contracts feature's own: listed for its customer, its services in use, and it shows the opportunity's status.
        var contractId = created[2].GetProperty("id").GetString()!;
        var shownContract = await (await seed.Admin.GetAsync($"/api/contracts/{contractId}")).ReadAsync<JsonElement>();
        shownContract.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("description").GetString()).ShouldBe(["Implantação do ERP", "Treinamento da equipe"]);
        shownContract.GetProperty("total").GetDecimal().ShouldBe(5850m);
        shownContract.GetProperty("opportunity").GetProperty("stageName").GetString().ShouldBe("Negociação");
        var customerContracts = await (await seed.Admin.GetAsync($"/api/customers/{customerId}/contracts")).ReadAsync<JsonElement>();
        customerContracts.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe("ERP Rápido Sul");
        (await seed.RowAsync($"ref|service|{arranged.ServiceId}|contract|{contractId}")).ShouldNotBeNull();

        await seed.SetOpportunityStatusAsync(arranged.OpportunityId, "won", "negociacao");
        var afterWin = await (await seed.Admin.GetAsync($"/api/contracts/{contractId}")).ReadAsync<JsonElement>();
        afterWin.GetProperty("opportunity").GetProperty("status").GetString().ShouldBe("won");
    }

    [Fact]
    public async Task Generating_a_kind_twice_asks_for_confirmation_naming_the_existing_document()
    {
        var cnpj = SalesSeed.NewCnpj();
        var arranged = await ArrangeAsync(cnpj);
        var seed = arranged.Seed;
        await seed.CustomerAsync("Transportadora Rápido Sul Ltda", cnpj);
        var first = await (await GenerateAsync(seed.Admin, arranged.OpportunityId, Kinds("service-order"))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var number = first.GetProperty("created")[0].GetProperty("number").GetInt64();

        var again = await GenerateAsync(seed.Admin, arranged.OpportunityId, Kinds("service-order", "contract"));

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_generated");
        problem.GetProperty("detail").GetString().ShouldBe($"Esta oportunidade já gerou: Ordem de serviço nº {number}. Confirme para gerar novamente.");
        problem.GetProperty("documents")[0].GetProperty("id").GetString().ShouldBe(first.GetProperty("created")[0].GetProperty("id").GetString());
        (await seed.RowsAsync($"doc-opp|{arranged.OpportunityId}|")).Count.ShouldBe(1, "nothing is generated before the user confirms");

        var confirmed = await (await GenerateAsync(seed.Admin, arranged.OpportunityId, Confirmed("service-order", "contract")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        confirmed.GetProperty("documents").GetArrayLength().ShouldBe(3);
        confirmed.GetProperty("created")[0].GetProperty("number").GetInt64().ShouldBe(number + 1);
    }

    [Fact]
    public async Task Without_a_match_the_customer_is_created_from_the_account_and_linked()
    {
        var cnpj = SalesSeed.NewCnpj();
        var arranged = await ArrangeAsync(cnpj);
        var seed = arranged.Seed;

        var view = await (await seed.Admin.GetAsync($"/api/opportunities/{arranged.OpportunityId}/faturamento")).ReadAsync<JsonElement>();
        view.GetProperty("matchedCustomer").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("canCreateFromAccount").GetBoolean().ShouldBeTrue();

        var blocked = await GenerateAsync(seed.Admin, arranged.OpportunityId, Kinds("sales-order"));
        (await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()!
            .ShouldStartWith("Defina o cliente de faturamento antes de gerar documentos");
        var noMatch = await ChooseAsync(seed.Admin, arranged.OpportunityId, new { mode = "match" });
        (await noMatch.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState)).GetProperty("detail").GetString()
            .ShouldBe($"Nenhum cliente cadastrado com o CNPJ/CPF {cnpj.Formatted}: cadastre o cliente a partir da conta ou busque um cliente.");

        var created = await (await ChooseAsync(seed.Admin, arranged.OpportunityId, new { mode = "create-from-account" })).ReadAsync<JsonElement>();

        var matched = created.GetProperty("matchedCustomer");
        matched.GetProperty("source").GetString().ShouldBe("account");
        matched.GetProperty("legalName").GetString().ShouldBe("Transportadora Rápido Sul");
        var customerId = matched.GetProperty("id").GetString()!;
        (await seed.RowAsync("customer-doc|" + cnpj.Value))!.GetString("CustomerId").ShouldBe(customerId);
        (await seed.RowAsync("account|" + arranged.AccountId))!.GetString("CustomerId").ShouldBe(customerId);

        var duplicate = await ChooseAsync(seed.Admin, arranged.OpportunityId, new { mode = "create-from-account" });
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate)).GetProperty("detail").GetString()
            .ShouldBe($"Já existe um cliente com o CNPJ/CPF {cnpj.Formatted}: Transportadora Rápido Sul. Use a opção de vincular o cliente encontrado.");

        var order = await (await GenerateAsync(seed.Admin, arranged.OpportunityId, Kinds("sales-order"))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        order.GetProperty("created")[0].GetProperty("customerName").GetString().ShouldBe("Transportadora Rápido Sul");
    }

    [Fact]
    public async Task A_customer_can_be_searched_and_picked_when_the_account_has_no_document()
    {
        var arranged = await ArrangeAsync(accountTaxId: null);
        var seed = arranged.Seed;
        var customerId = await seed.CustomerAsync("Rápido Sul Transportes EIRELI");
        var archived = await seed.CustomerAsync("Cliente Antigo", status: "archived");

        var view = await (await seed.Admin.GetAsync($"/api/opportunities/{arranged.OpportunityId}/faturamento")).ReadAsync<JsonElement>();
        view.GetProperty("canCreateFromAccount").GetBoolean().ShouldBeFalse();
        var cannotCreate = await ChooseAsync(seed.Admin, arranged.OpportunityId, new { mode = "create-from-account" });
        await cannotCreate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var archivedPick = await ChooseAsync(seed.Admin, arranged.OpportunityId, new { mode = "pick", customerId = archived });
        (await archivedPick.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("detail").GetString()
            .ShouldBe("O cliente Cliente Antigo está arquivado.");

        var picked = await (await ChooseAsync(seed.Admin, arranged.OpportunityId, new { mode = "pick", customerId })).ReadAsync<JsonElement>();

        picked.GetProperty("matchedCustomer").GetProperty("id").GetString().ShouldBe(customerId);
        picked.GetProperty("matchedCustomer").GetProperty("source").GetString().ShouldBe("account");
        var audit = await seed.RowsAsync($"audit|account|{arranged.AccountId}|");
        audit.Single().GetString("Action").ShouldBe("customer-linked");
    }

    [Fact]
    public async Task The_opportunity_lists_its_documents_with_their_current_status()
    {
        var cnpj = SalesSeed.NewCnpj();
        var arranged = await ArrangeAsync(cnpj);
        var seed = arranged.Seed;
        await seed.CustomerAsync("Transportadora Rápido Sul Ltda", cnpj);
        var result = await (await GenerateAsync(seed.Admin, arranged.OpportunityId, Kinds("service-order", "sales-order")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var serviceOrderId = result.GetProperty("created")[0].GetProperty("id").GetString();
        var serviceOrder = await (await seed.Admin.GetAsync($"/api/service-orders/{serviceOrderId}")).ReadAsync<JsonElement>();
        await (await SalesSeed.SendAsync(seed.Admin, HttpMethod.Post, $"/api/service-orders/{serviceOrderId}/status", new { status = "em-execucao" },
            serviceOrder.GetProperty("etag").GetString())).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var view = await (await seed.Admin.GetAsync($"/api/opportunities/{arranged.OpportunityId}/faturamento")).ReadAsync<JsonElement>();

        var documents = view.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!);
        documents["service-order"].GetProperty("statusLabel").GetString().ShouldBe("Em execução");
        documents["sales-order"].GetProperty("statusLabel").GetString().ShouldBe("Proposta");
        documents["sales-order"].GetProperty("total").GetDecimal().ShouldBe(8250m);
    }

    [Fact]
    public async Task A_ticket_without_services_cannot_generate_service_documents()
    {
        var cnpj = SalesSeed.NewCnpj();
        var arranged = await ArrangeAsync(cnpj, withServices: false);
        await arranged.Seed.CustomerAsync("Transportadora Rápido Sul Ltda", cnpj);

        var response = await GenerateAsync(arranged.Seed.Admin, arranged.OpportunityId, Kinds("all"));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors").GetProperty("kinds");
        errors.EnumerateArray().Select(e => e.GetString()).ShouldBe(
        [
            "O ticket da oportunidade não tem serviços: não é possível gerar a ordem de serviço.",
            "O ticket da oportunidade não tem serviços: não é possível gerar o contrato de serviço.",
        ]);
    }

    [Fact]
    public async Task Unknown_opportunity_is_not_found_and_operations_cannot_generate()
    {
        var arranged = await ArrangeAsync(SalesSeed.NewCnpj());
        var seed = arranged.Seed;

        await (await seed.Admin.GetAsync($"/api/opportunities/{Ids.New()}/faturamento")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await GenerateAsync(app.Staff(seed.Tenant, Roles.Operations), arranged.OpportunityId, Kinds("all")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await app.Staff(seed.Tenant, Roles.Operations).GetAsync($"/api/opportunities/{arranged.OpportunityId}/faturamento")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
