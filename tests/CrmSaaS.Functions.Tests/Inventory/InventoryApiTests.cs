using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmSaaS.Functions.Inventory;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Inventory;

public sealed class InventoryApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private InventoryWorld NewWorld() => new(app, CrmApp.NewTenant());

    [Fact]
    public async Task Create_returns_the_item_with_normalised_serial_etag_and_a_created_history_line()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa Comércio Ltda");

        var response = await world.Admin.PostAsJsonAsync("/api/inventory", alfa.Request(" hp 1234-x ", "Impressora do caixa"));

        var created = await response.ReadAsync<InventoryItem>(HttpStatusCode.Created);
        created.SerialNumber.ShouldBe("HP1234-X");
        created.SerialNumberTyped.ShouldBe("hp 1234-x");
        created.CustomerName.ShouldBe("Alfa Comércio Ltda");
        created.SiteName.ShouldBe("Matriz");
        created.TypeName.ShouldBe("Impressora");
        created.ContractTitle.ShouldBe("Locação de equipamentos");
        response.Headers.Location!.ToString().ShouldBe($"/api/inventory/{created.Id}");
        response.Headers.ETag!.ToString().ShouldBe(created.Etag);

        var get = await world.Admin.GetAsync($"/api/inventory/{created.Id}");
        var item = await get.ReadAsync<InventoryItem>();
        item.Description.ShouldBe("Impressora do caixa");
        item.Etag.ShouldBe(created.Etag);
        get.Headers.ETag!.ToString().ShouldBe(created.Etag);
        item.History!.Single().Action.ShouldBe("created");
        item.History!.Single().Details.ShouldBe("Item cadastrado com o número de série HP1234-X no site Matriz.");
        item.History!.Single().ActorName.ShouldBe("Admin " + world.Tenant.Name);
    }

    [Fact]
    public async Task A_serial_typed_differently_is_still_a_duplicate_named_with_its_customer_and_site()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa Comércio Ltda");
        var beta = await world.CustomerWithSitesAsync("Beta Serviços", firstSite: "Galpão 2");
        var first = await world.ItemAsync(beta, "XY-900");

        var response = await world.Admin.PostAsJsonAsync("/api/inventory", alfa.Request(" xy -900"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        problem.GetProperty("detail").GetString().ShouldBe("O número de série XY-900 já está cadastrado no item de Beta Serviços (site Galpão 2).");
        problem.GetProperty("itemId").GetString().ShouldBe(first.Id);
        var alfaItems = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/customers/{alfa.Id}/inventory", JsonDefaults.Options);
        alfaItems!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Contract_or_site_of_another_customer_is_refused()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var beta = await world.CustomerWithSitesAsync("Beta");

        var response = await world.Admin.PostAsJsonAsync("/api/inventory",
            alfa.Request("S-1") with { ContractId = beta.ContractId, SiteId = beta.SiteId });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("contractId")[0].GetString().ShouldStartWith("O contrato nº");
        errors.GetProperty("contractId")[0].GetString().ShouldEndWith("não pertence a este cliente: escolha um contrato do cliente.");
        errors.GetProperty("siteId")[0].GetString().ShouldBe("O site informado não pertence a este cliente: escolha um site do cliente.");
    }

    [Fact]
    public async Task Unknown_type_and_customer_are_validation_errors()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");

        var unknownType = await world.Admin.PostAsJsonAsync("/api/inventory", alfa.Request("S-1", typeId: Ids.New()));
        (await unknownType.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("typeId")[0].GetString().ShouldBe("Tipo de produto ou serviço não encontrado.");

        var unknownCustomer = await world.Admin.PostAsJsonAsync("/api/inventory", alfa.Request("S-1") with { CustomerId = Ids.New() });
        var errors = (await unknownCustomer.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("errors");
        errors.GetProperty("customerId")[0].GetString().ShouldBe("Cliente não encontrado.");
    }

    [Fact]
    public async Task Keyword_filter_matches_serial_description_customer_and_site_without_accents_and_pages()
    {
        var world = NewWorld();
        var padaria = await world.CustomerWithSitesAsync("Padaria Conceição", firstSite: "Loja Pinheiros");
        var oficina = await world.CustomerWithSitesAsync("Oficina do Zé", firstSite: "Galpão");
        await world.ItemAsync(padaria, "PAD-1", "Balança");
        await world.ItemAsync(padaria, "PAD-2", "Forno elétrico");
        await world.ItemAsync(padaria, "PAD-3", "Caixa registradora", siteId: padaria.OtherSiteId);
        await world.ItemAsync(oficina, "OF-1", "Elevador hidráulico");

        async Task<IReadOnlyList<string>> Search(string query)
        {
            var page = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/inventory?q={Uri.EscapeDataString(query)}", JsonDefaults.Options);
            return page!.Items.Select(i => i.SerialNumber).ToList();
        }

        (await Search("conceicao")).ShouldBe(["PAD-1", "PAD-2", "PAD-3"]);
        (await Search("FORNO ELETRICO")).ShouldBe(["PAD-2"]);
        (await Search("pinheiros")).ShouldBe(["PAD-1", "PAD-2"]);
        (await Search("of-1")).ShouldBe(["OF-1"]);
        (await Search("zé hidraulico")).ShouldBe(["OF-1"]);
        (await Search("inexistente")).ShouldBeEmpty();

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var url = "/api/inventory?pageSize=3" + (continuation is null ? "" : "&continuation=" + continuation);
            var page = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>(url, JsonDefaults.Options);
            seen.AddRange(page!.Items.Select(i => i.SerialNumber));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        seen.ShouldBe(["PAD-1", "PAD-2", "PAD-3", "OF-1"]);
        pages.ShouldBe(2);
    }

    [Fact]
    public async Task Serial_prefix_search_is_a_single_range_scan()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        await world.ItemAsync(alfa, "HP/100");
        await world.ItemAsync(alfa, "HP/101");
        await world.ItemAsync(alfa, "HPX-1");
        await world.ItemAsync(alfa, "DELL-1");

        var response = await world.Admin.GetAsync("/api/inventory?serial=" + Uri.EscapeDataString("hp /10"));

        var page = await response.ReadAsync<Page<InventoryItem>>();
        page.Items.Select(i => i.SerialNumber).ShouldBe(["HP/100", "HP/101"]);
        page.Continuation.ShouldBeNull();
        response.StorageTransactions().ShouldBe(1);
    }

    [Fact]
    public async Task Type_filter_and_customer_inventory_show_only_their_items()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var beta = await world.CustomerWithSitesAsync("Beta");
        var router = await world.TypeAsync("Roteador");
        await world.ItemAsync(alfa, "A-1");
        await world.ItemAsync(alfa, "A-2", typeId: router);
        await world.ItemAsync(beta, "B-1");

        var routers = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/inventory?typeId={router}", JsonDefaults.Options);
        routers!.Items.Select(i => i.SerialNumber).ShouldBe(["A-2"]);

        var response = await world.Admin.GetAsync($"/api/customers/{alfa.Id}/inventory");
        (await response.ReadAsync<Page<InventoryItem>>()).Items.Select(i => i.SerialNumber).ShouldBe(["A-1", "A-2"]);
        response.StorageTransactions().ShouldBe(2);

        var filtered = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/inventory?customerId={beta.Id}", JsonDefaults.Options);
        filtered!.Items.Select(i => i.SerialNumber).ShouldBe(["B-1"]);

        var unknown = await world.Admin.GetAsync($"/api/customers/{Ids.New()}/inventory");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Edit_needs_the_current_etag_and_records_what_changed()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var item = await world.ItemAsync(alfa, "E-1", "Antiga");
        var change = alfa.Request("e-2", "Nova") with { Notes = "Trocado em garantia", WarrantyUntil = new DateOnly(2027, 12, 31) };

        var withoutEtag = await world.Admin.PutAsJsonAsync($"/api/inventory/{item.Id}", change);
        await withoutEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, ETags.PreconditionRequired);

        var updated = await (await Put(world.Admin, $"/api/inventory/{item.Id}", change, item.Etag)).ReadAsync<InventoryItem>();
        updated.SerialNumber.ShouldBe("E-2");
        updated.Description.ShouldBe("Nova");
        updated.WarrantyUntil.ShouldBe(new DateOnly(2027, 12, 31));
        updated.Etag.ShouldNotBe(item.Etag);

        var stale = await Put(world.Admin, $"/api/inventory/{item.Id}", change with { Description = "Outra" }, item.Etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        var history = (await world.Admin.GetFromJsonAsync<InventoryItem>($"/api/inventory/{item.Id}", JsonDefaults.Options))!.History!;
        history.Select(h => h.Action).ShouldBe(["created", "updated"]);
        history[1].Details.ShouldBe("Alterado: número de série: E-1 → E-2; descrição; observação; garantia até: sem data → 31/12/2027.");

        // The old serial is free again, the new one is taken.
        await world.ItemAsync(alfa, "E-1");
        var taken = await world.Admin.PostAsJsonAsync("/api/inventory", alfa.Request("E-2"));
        await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
    }

    [Fact]
    public async Task Edit_to_a_serial_of_another_item_is_a_duplicate_and_changes_nothing()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var first = await world.ItemAsync(alfa, "D-1");
        var second = await world.ItemAsync(alfa, "D-2", "Segundo");

        var response = await Put(world.Admin, $"/api/inventory/{second.Id}", alfa.Request("d-1", "Mudado"), second.Etag);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate))
            .GetProperty("itemId").GetString().ShouldBe(first.Id);
        var unchanged = await world.Admin.GetFromJsonAsync<InventoryItem>($"/api/inventory/{second.Id}", JsonDefaults.Options);
        unchanged!.SerialNumber.ShouldBe("D-2");
        unchanged.Description.ShouldBe("Segundo");
        unchanged.Etag.ShouldBe(second.Etag);
    }

    [Fact]
    public async Task Moving_to_another_site_keeps_the_item_and_its_history_and_moves_the_site_reference()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa", firstSite: "Matriz", secondSite: "Filial Centro");
        var beta = await world.CustomerWithSitesAsync("Beta");
        var item = await world.ItemAsync(alfa, "M-1");

        var foreignSite = await Post(world.Admin, $"/api/inventory/{item.Id}/move", new { siteId = beta.SiteId }, item.Etag);
        (await foreignSite.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("detail").GetString()
            .ShouldBe("O site de destino não pertence ao cliente deste item: escolha um site do cliente.");

        var moved = await (await Post(world.Admin, $"/api/inventory/{item.Id}/move", new { siteId = alfa.OtherSiteId }, item.Etag)).ReadAsync<InventoryItem>();
        moved.Id.ShouldBe(item.Id);
        moved.SiteName.ShouldBe("Filial Centro");

        var again = await Post(world.Admin, $"/api/inventory/{item.Id}/move", new { siteId = alfa.SiteId }, item.Etag);
        await again.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        var detail = (await world.Admin.GetFromJsonAsync<InventoryItem>($"/api/inventory/{item.Id}", JsonDefaults.Options))!;
        detail.History!.Select(h => h.Action).ShouldBe(["created", "moved"]);
        detail.History![1].Details.ShouldBe("Site: Matriz → Filial Centro");

        var references = await world.ScopedAsync(async s =>
        {
            var refs = s.GetRequiredService<InventoryReferences>();
            return (Old: await refs.HasItemsForSiteAsync(alfa.Id, alfa.SiteId), New: await refs.HasItemsForSiteAsync(alfa.Id, alfa.OtherSiteId));
        });
        references.ShouldBe((false, true));
        var customerList = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/customers/{alfa.Id}/inventory", JsonDefaults.Options);
        customerList!.Items.Single().SiteName.ShouldBe("Filial Centro");
    }

    [Fact]
    public async Task Delete_needs_the_etag_removes_the_item_and_frees_its_serial()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var item = await world.ItemAsync(alfa, "X-1");

        (await world.Admin.DeleteAsync($"/api/inventory/{item.Id}")).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var stale = await Send(world.Admin, HttpMethod.Delete, $"/api/inventory/{item.Id}", null, "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        var deleted = await Send(world.Admin, HttpMethod.Delete, $"/api/inventory/{item.Id}", null, item.Etag);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await world.Admin.GetAsync($"/api/inventory/{item.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        (await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/customers/{alfa.Id}/inventory", JsonDefaults.Options))!.Items.ShouldBeEmpty();
        var hasItems = await world.ScopedAsync(s => s.GetRequiredService<InventoryReferences>().HasItemsForContractAsync(alfa.ContractId));
        hasItems.ShouldBeFalse();
        await world.ItemAsync(alfa, "x 1");
    }

    [Fact]
    public async Task A_site_or_contract_with_items_cannot_be_deleted()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        await world.ItemAsync(alfa, "REF-1");

        var siteRefusal = await world.ScopedAsync(async s =>
            await Should.ThrowAsync<AppException>(() => s.GetRequiredService<InventoryReferences>().EnsureSiteHasNoItemsAsync(alfa.Id, alfa.SiteId)));
        siteRefusal.Status.ShouldBe(409);
        siteRefusal.Code.ShouldBe("in_use");
        siteRefusal.Message.ShouldBe("Este site tem itens de inventário (por exemplo, o número de série REF-1): mova os itens para outro site ou exclua-os antes de excluir o site.");

        var contractRefusal = await world.ScopedAsync(async s =>
            await Should.ThrowAsync<AppException>(() => s.GetRequiredService<InventoryReferences>().EnsureContractHasNoItemsAsync(alfa.ContractId)));
        contractRefusal.Code.ShouldBe("in_use");
        contractRefusal.Message.ShouldContain("REF-1");

        await world.ScopedAsync(async s =>
        {
            var refs = s.GetRequiredService<InventoryReferences>();
            await refs.EnsureSiteHasNoItemsAsync(alfa.Id, alfa.OtherSiteId);
            (await refs.HasItemsForSiteAsync(alfa.Id, alfa.SiteId)).ShouldBeTrue();
            (await refs.HasItemsForContractAsync(Ids.New())).ShouldBeFalse();
            return true;
        });
    }

    [Fact]
    public async Task Finance_reads_but_cannot_write_operations_and_sales_can()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var finance = app.StaffUser(world.Tenant, Ids.New(), "Fernanda", Roles.Finance);
        var operations = app.StaffUser(world.Tenant, Ids.New(), "Otávio", Roles.Operations);
        var sales = app.StaffUser(world.Tenant, Ids.New(), "Sara", Roles.Sales);

        await (await finance.PostAsJsonAsync("/api/inventory", alfa.Request("R-1"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await operations.PostAsJsonAsync("/api/inventory", alfa.Request("R-2"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sales.PostAsJsonAsync("/api/inventory", alfa.Request("R-3"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await finance.GetFromJsonAsync<Page<InventoryItem>>("/api/inventory", JsonDefaults.Options);
        list!.Items.Select(i => i.SerialNumber).ShouldBe(["R-2", "R-3"]);
        (await app.Customer(world.Tenant, alfa.Id).GetAsync("/api/inventory")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Csv_export_opens_in_brazilian_excel()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Padaria Conceição Ltda", firstSite: "Matriz", secondSite: "Açougue");
        var item = await world.ItemAsync(alfa, "C-2", "Balança; digital");
        await world.ItemAsync(alfa, "C-1", "Moedor", siteId: alfa.OtherSiteId);
        await Put(world.Admin, $"/api/inventory/{item.Id}", alfa.Request("C-2", "Balança; digital") with { WarrantyUntil = new DateOnly(2027, 2, 1) }, item.Etag);

        var response = await world.Admin.GetAsync($"/api/customers/{alfa.Id}/inventory/export.csv");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldStartWith("inventario-padaria-conceicao-ltda-");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Número de série;");
        var today = Functions.Common.BrazilFormat.Date(Functions.Common.BrazilFormat.TodayInSaoPaulo(DateTimeOffset.UtcNow));
        // Sorted by site: Açougue before Matriz.
        lines[1].ShouldStartWith("C-1;C-1;Impressora;Moedor;");
        lines[2].ShouldStartWith("C-2;C-2;Impressora;\"Balança; digital\";");
        lines[2].ShouldEndWith($";Matriz;;;01/02/2027;;{today}");
    }

    [Fact]
    public async Task Serials_of_a_delivered_order_item_are_registered_in_one_step()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var (orderId, itemIds) = await world.OrderAsync(alfa.Id, 1024, "Pedido", ("product", "Roteador AX3000", 40m), ("service", "Instalação", 1m));
        var serials = Enumerable.Range(1, 30).Select(i => $"rt {i:D3}").ToArray();

        var response = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials", Registration(alfa, serials) with { OrderId = orderId, OrderItemId = itemIds[0] });

        var result = await response.ReadAsync<RegisterSerialsResponse>(HttpStatusCode.Created);
        result.Items.Count.ShouldBe(30);
        result.Items.ShouldAllBe(i => i.OrderNumber == 1024 && i.OrderItemId == "I1" && i.Description == "Roteador AX3000" && i.SiteName == "Matriz");
        result.Items[0].SerialNumber.ShouldBe("RT001");
        // Lookups (customer, contract, site, type, order), the registered count, one read per serial, then 7 operations per
        // item in batches of at most 100 (14 items): 3 batches.
        response.StorageTransactions().ShouldBe(5 + 1 + 30 + 3);

        var stored = new List<InventoryItem>();
        string? continuation = null;
        do
        {
            var page = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>(
                $"/api/customers/{alfa.Id}/inventory?pageSize=200" + (continuation is null ? "" : "&continuation=" + continuation), JsonDefaults.Options);
            stored.AddRange(page!.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        stored.Select(i => i.SerialNumber).ShouldBe(serials.Select(SerialNumbers.Normalize));
        var one = await world.Admin.GetFromJsonAsync<InventoryItem>($"/api/inventory/{result.Items[29].Id}", JsonDefaults.Options);
        one!.History!.Single().Details.ShouldBe("Item cadastrado com o número de série RT030 no site Matriz, a partir do pedido nº 1024.");

        var tooMany = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials",
            Registration(alfa, Enumerable.Range(1, 11).Select(i => $"EXTRA-{i}").ToArray()) with { OrderId = orderId, OrderItemId = itemIds[0] });
        (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation)).GetProperty("detail").GetString()
            .ShouldBe("O item \"Roteador AX3000\" tem quantidade 40 e já possui 30 número(s) de série registrado(s): informe no máximo 10.");
    }

    [Fact]
    public async Task Registration_writes_nothing_when_any_serial_is_taken_or_repeated()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var beta = await world.CustomerWithSitesAsync("Beta", firstSite: "Depósito");
        await world.ItemAsync(beta, "TAKEN-1");
        await world.ItemAsync(beta, "TAKEN-2");

        var taken = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials", Registration(alfa, ["NEW-1", "taken-2 ", "NEW-2", "TAKEN-1"]));
        var problem = await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        problem.GetProperty("detail").GetString()
            .ShouldBe("2 números de série já estão cadastrados: TAKEN-2 no item de Beta (site Depósito); TAKEN-1 no item de Beta (site Depósito).");

        var repeated = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials", Registration(alfa, ["NEW-1", " new-1"]));
        await repeated.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        (await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/customers/{alfa.Id}/inventory", JsonDefaults.Options))!.Items.ShouldBeEmpty();
        var search = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>("/api/inventory?serial=NEW", JsonDefaults.Options);
        search!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_registrations_racing_for_one_serial_leave_one_complete_and_the_other_without_a_trace()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var beta = await world.CustomerWithSitesAsync("Beta");
        // The shared serial is in Alfa's last batch and Beta's first: whichever commits it first wins, and the other
        // must leave nothing behind, including batches it had already written.
        var alfaSerials = Enumerable.Range(1, 29).Select(i => $"ALFA-{i:D2}").Append("SHARED-1").ToArray();
        var betaSerials = Enumerable.Range(1, 29).Select(i => $"BETA-{i:D2}").Prepend("SHARED-1").ToArray();

        var responses = await Task.WhenAll(
            world.Admin.PostAsJsonAsync("/api/inventory/register-serials", Registration(alfa, alfaSerials)),
            world.Admin.PostAsJsonAsync("/api/inventory/register-serials", Registration(beta, betaSerials)));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        var winner = responses[0].StatusCode == HttpStatusCode.Created ? alfa : beta;
        var loser = winner == alfa ? beta : alfa;
        await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        var winnerItems = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/customers/{winner.Id}/inventory?pageSize=200", JsonDefaults.Options);
        winnerItems!.Items.Count.ShouldBe(30);
        var loserItems = await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/customers/{loser.Id}/inventory", JsonDefaults.Options);
        loserItems!.Items.ShouldBeEmpty();
        var loserPrefix = loser == alfa ? "ALFA-" : "BETA-";
        (await world.Admin.GetFromJsonAsync<Page<InventoryItem>>($"/api/inventory?serial={loserPrefix}", JsonDefaults.Options))!.Items.ShouldBeEmpty();
        var siteStillHolds = await world.ScopedAsync(s => s.GetRequiredService<InventoryReferences>().HasItemsForSiteAsync(loser.Id, loser.SiteId));
        siteStillHolds.ShouldBeFalse();
    }

    [Fact]
    public async Task Registration_needs_a_confirmed_order_of_the_customer_and_a_product_line()
    {
        var world = NewWorld();
        var alfa = await world.CustomerWithSitesAsync("Alfa");
        var beta = await world.CustomerWithSitesAsync("Beta");
        var (proposal, proposalItems) = await world.OrderAsync(alfa.Id, 10, "Proposta", ("product", "Switch", 2m));
        var (confirmed, confirmedItems) = await world.OrderAsync(alfa.Id, 11, "Pedido", ("service", "Configuração", 2m));
        var (betaOrder, betaItems) = await world.OrderAsync(beta.Id, 12, "Pedido", ("product", "Switch", 2m));

        var notDelivered = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials",
            Registration(alfa, ["SW-1"]) with { OrderId = proposal, OrderItemId = proposalItems[0] });
        await notDelivered.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        var service = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials",
            Registration(alfa, ["SW-1"]) with { OrderId = confirmed, OrderItemId = confirmedItems[0] });
        await service.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        var otherCustomer = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials",
            Registration(alfa, ["SW-1"]) with { OrderId = betaOrder, OrderItemId = betaItems[0] });
        (await otherCustomer.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation))
            .GetProperty("errors").GetProperty("orderId")[0].GetString().ShouldBe("O pedido nº 12 não pertence a este cliente.");

        var foreignSite = await world.Admin.PostAsJsonAsync("/api/inventory/register-serials", Registration(alfa, ["SW-1"]) with { SiteId = beta.SiteId });
        await foreignSite.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
    }

    private static RegisterSerialsRequest Registration(InventoryWorld.Customer customer, string[] serials) =>
        new(customer.Id, customer.ContractId, customer.SiteId, customer.TypeId, null, null, serials, null, null, null);

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, object body, string etag) =>
        Send(client, HttpMethod.Put, path, body, etag);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string etag) =>
        Send(client, HttpMethod.Post, path, body, etag);

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body, string? etag)
    {
        var message = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            message.Content = JsonContent.Create(body, body.GetType(), options: JsonDefaults.Options);
        }

        if (etag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(message);
    }
}
