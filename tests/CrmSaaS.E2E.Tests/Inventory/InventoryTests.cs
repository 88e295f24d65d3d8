using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Inventory;

/// <summary>
/// Citrus.cx customer inventory (seed 004): an item with a unique serial number, the customer's contract and site and a
/// product/service type, created in the form, found by serial number, listed in the customer's inventory tab; a second
/// item with the same serial is refused with a message that names where the serial is.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class InventoryTests(E2EStack stack)
{
    [Fact]
    public async Task Staff_register_an_item_find_it_by_serial_and_in_the_customer_tab_and_a_duplicate_serial_is_refused()
    {
        var account = await StaffSession.SignUpAsync(stack, "Citrus Suporte");
        string customerId;
        long contractNumber;
        using (var api = await StaffSession.ApiAsync(stack, account))
        {
            customerId = await api.CreateAsync("/api/customers", new { legalName = "Alfa Comércio de Alimentos Ltda", tradeName = "Alfa Comércio", taxId = E2EData.NewCnpj() });
            await api.CreateAsync($"/api/customers/{customerId}/sites", new { name = "Matriz", city = "Curitiba", state = "PR" });
            await api.CreateAsync($"/api/customers/{customerId}/sites", new { name = "Filial Centro", city = "Curitiba", state = "PR" });
            var contractId = await api.CreateAsync("/api/contracts", new
            {
                customerId,
                title = "Locação de impressoras",
                startDate = "2026-01-01",
                recurrence = "monthly",
                items = new[] { new { description = "Locação mensal de impressora", quantity = 3m, unitPrice = 300m, discountKind = "none", discount = 0m } },
            });
            var contract = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/contracts/{contractId}");
            contractNumber = contract.GetProperty("number").GetInt64();
            await api.CreateAsync("/api/catalogue/product-service-types", new { name = "Impressora", kind = "product" });
            await api.CreateAsync("/api/catalogue/product-service-types", new { name = "Licença de software", kind = "service" });

            // Another customer's item, so the serial search has something to leave out.
            var otherId = await api.CreateAsync("/api/customers", new { legalName = "Beta Transportes Ltda", taxId = E2EData.NewCnpj() });
            var otherSite = await api.CreateAsync($"/api/customers/{otherId}/sites", new { name = "Garagem" });
            var otherContract = await api.CreateAsync("/api/contracts", new
            {
                customerId = otherId,
                title = "Suporte",
                startDate = "2026-01-01",
                recurrence = "monthly",
                items = new[] { new { description = "Suporte mensal", quantity = 1m, unitPrice = 500m, discountKind = "none", discount = 0m } },
            });
            var types = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/catalogue/product-service-types");
            var typeId = types.GetProperty("items").EnumerateArray().First(t => t.GetProperty("name").GetString() == "Licença de software").GetProperty("id").GetString();
            await api.CreateAsync("/api/inventory", new { serialNumber = "LIC-7781", customerId = otherId, contractId = otherContract, siteId = otherSite, typeId });
        }

        var page = await StaffSession.LogInAsync(stack, account);
        await page.GotoAsync(stack.PortalUrl + "/#/inventario");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inventário" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "LIC-7781" })).ToBeVisibleAsync();

        // The form: every input has a label; the serial is shown as it will be stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Novo item" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Novo item de inventário" })).ToBeVisibleAsync();
        await PageChecks.AssertEveryInputIsLabelledAsync(page);
        await page.GetByLabel(new Regex("^Número de série")).FillAsync(" hp 1234-x ");
        await Assertions.Expect(page.GetByText("Será guardado como HP1234-X.")).ToBeVisibleAsync();
        await PickAsync(page, "Cliente", "Alfa", "Alfa Comércio");
        await page.GetByLabel(new Regex("^Contrato")).SelectOptionAsync(new SelectOptionValue { Label = $"nº {contractNumber} · Locação de impressoras" });
        await page.GetByLabel(new Regex("^Site")).SelectOptionAsync(new SelectOptionValue { Label = "Matriz" });
        await page.GetByLabel(new Regex("^Tipo de produto ou serviço")).SelectOptionAsync(new SelectOptionValue { Label = "Impressora" });
        await page.GetByLabel("Descrição").FillAsync("Impressora multifuncional laser, 2º andar");
        await page.GetByLabel("Observação").FillAsync("Toner trocado em janeiro.");
        await E2EStack.ScreenshotAsync(page, "50-inventario-formulario");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Item HP1234-X" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Item HP1234-X cadastrado.")).ToBeVisibleAsync();
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Dados do item" });
        await Assertions.Expect(details).ToContainTextAsync("Matriz");
        await Assertions.Expect(details).ToContainTextAsync("Locação de impressoras");
        await Assertions.Expect(details).ToContainTextAsync("Impressora multifuncional laser, 2º andar");
        await E2EStack.ScreenshotAsync(page, "51-inventario-item");

        // The inventory search by serial-number prefix, typed in lower case, finds it and leaves the other item out.
        await page.GotoAsync(stack.PortalUrl + "/#/inventario");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Itens de inventário" });
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "LIC-7781" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Número de série" }).FillAsync("hp12");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Número de série" }).PressAsync("Enter");
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "LIC-7781" })).ToHaveCountAsync(0);
        var found = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "HP1234-X" }) });
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found).ToContainTextAsync("Alfa Comércio");
        await Assertions.Expect(found).ToContainTextAsync("Matriz");
        await E2EStack.ScreenshotAsync(page, "52-inventario-busca-serie");

        // The customer's "Inventário" tab lists it.
        await page.GotoAsync($"{stack.PortalUrl}/#/clientes/{customerId}?aba=inventario");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Inventário" })).ToHaveAttributeAsync("aria-selected", "true");
        var tab = page.GetByRole(AriaRole.Region, new() { Name = "Inventário do cliente" });
        var tabRow = tab.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "HP1234-X" }) });
        await Assertions.Expect(tabRow).ToHaveCountAsync(1);
        await Assertions.Expect(tabRow).ToContainTextAsync("Impressora");
        await Assertions.Expect(tab.GetByRole(AriaRole.Link, new() { Name = "LIC-7781" })).ToHaveCountAsync(0);
        await E2EStack.ScreenshotAsync(page, "53-cliente-aba-inventario");

        // A second item with the same serial, however typed, is refused in pt-BR, naming the item that has it.
        await tab.GetByRole(AriaRole.Button, new() { Name = "Novo item" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Cliente") })).ToHaveValueAsync("Alfa Comércio");
        await page.GetByLabel(new Regex("^Número de série")).FillAsync("HP 1234-x");
        await page.GetByLabel(new Regex("^Contrato")).SelectOptionAsync(new SelectOptionValue { Label = $"nº {contractNumber} · Locação de impressoras" });
        await page.GetByLabel(new Regex("^Site")).SelectOptionAsync(new SelectOptionValue { Label = "Filial Centro" });
        await page.GetByLabel(new Regex("^Tipo de produto ou serviço")).SelectOptionAsync(new SelectOptionValue { Label = "Impressora" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        // The refusal sits on the serial field, as every duplicate does in the portal.
        var serialField = page.GetByLabel(new Regex("^Número de série"));
        await Assertions.Expect(serialField).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(serialField).ToHaveAccessibleDescriptionAsync(
            new Regex(@"O número de série HP1234-X já está cadastrado no item de Alfa Comércio.* \(site Matriz\)\."));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Novo item de inventário" })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "54-inventario-serie-duplicada");

        using var check = await StaffSession.ApiAsync(stack, account);
        var all = await check.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/customers/{customerId}/inventory");
        all.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    private static async Task PickAsync(IPage page, string label, string typed, string option)
    {
        var input = page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^" + Regex.Escape(label) + "( \\*)?$") });
        await input.FillAsync(typed);
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(option)) }).First.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(new Regex(Regex.Escape(option)));
    }
}
