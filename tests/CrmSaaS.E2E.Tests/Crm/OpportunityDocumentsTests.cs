using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Crm;

/// <summary>
/// Omie (seed 000): from an opportunity's ticket, the "Faturamento" tab finds the billing customer by the account's
/// CNPJ and generates the service order, the sales order and the service contract at once, each listed with a link.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class OpportunityDocumentsTests(E2EStack stack)
{
    private const string Title = "ERP Rápido Sul";
    private const string Customer = "Transportadora Rápido Sul Ltda";
    private const string Setup = "Implantação do sistema de gestão";
    private const string Training = "Treinamento da equipe";

    [Fact]
    public async Task The_faturamento_tab_matches_the_customer_by_cnpj_and_generates_the_three_documents_from_the_ticket()
    {
        var account = await StaffSession.SignUpAsync(stack, "Sistemas Pampa Consultoria");
        var cnpj = E2EData.NewCnpj();
        string opportunityId;
        using (var api = await StaffSession.ApiAsync(stack, account))
        {
            var setup = await SalesArrange.ServiceAsync(api, "IMPL", Setup, 4800m);
            var training = await SalesArrange.ServiceAsync(api, "TREIN", Training, 350m);
            var solutionId = await api.CreateAsync("/api/solutions", new
            {
                name = "Implantação completa",
                lines = new[] { new { serviceId = setup, quantity = 1m }, new { serviceId = training, quantity = 3m } },
            });
            var accountId = await api.CreateAsync("/api/accounts", new { name = "Transportadora Rápido Sul", taxId = cnpj, city = "Porto Alegre", state = "RS" });
            await SalesArrange.CustomerAsync(api, Customer, cnpj);
            opportunityId = await api.CreateAsync("/api/opportunities", new { title = Title, accountId, solutionId });
        }

        var page = await StaffSession.LogInAsync(stack, account);
        await page.GotoAsync($"{stack.PortalUrl}/#/oportunidades/{opportunityId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();

        // The tabs follow the keyboard: End selects the last one, "Faturamento".
        var tabs = page.GetByRole(AriaRole.Tablist, new() { Name = "Seções da oportunidade" });
        await tabs.GetByRole(AriaRole.Tab, new() { Name = "Ticket" }).FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(tabs.GetByRole(AriaRole.Tab, new() { Name = "Faturamento" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(tabs.GetByRole(AriaRole.Tab, new() { Name = "Faturamento" })).ToBeFocusedAsync();

        // The billing customer is found by the account's CNPJ.
        var billing = page.GetByRole(AriaRole.Region, new() { Name = "Cliente de faturamento" });
        await Assertions.Expect(billing.GetByRole(AriaRole.Link, new() { Name = Customer })).ToBeVisibleAsync();
        await Assertions.Expect(billing).ToContainTextAsync($"{cnpj} · Encontrado pelo CNPJ/CPF da conta");

        // Searching the customers by the CNPJ finds the same one; choosing it links it to the account.
        var search = billing.GetByRole(AriaRole.Combobox, new() { Name = "Trocar o cliente de faturamento" });
        await search.FillAsync(Regex.Replace(cnpj, "[^0-9]", ""));
        var option = page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(Customer)) });
        await Assertions.Expect(option).ToHaveCountAsync(1);
        await Assertions.Expect(option).ToContainTextAsync(cnpj);
        await option.ClickAsync();
        await billing.GetByRole(AriaRole.Button, new() { Name = "Usar este cliente" }).ClickAsync();
        await Assertions.Expect(billing).ToContainTextAsync($"{cnpj} · Cliente vinculado à conta");

        // The ticket: 1 × R$ 4.800,00 + 3 × R$ 350,00.
        var generate = page.GetByRole(AriaRole.Region, new() { Name = "Gerar documentos" });
        await Assertions.Expect(generate).ToContainTextAsync("A partir do ticket (R$ 5.850,00)");
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documentos gerados", Exact = true });
        await Assertions.Expect(documents).ToContainTextAsync("Nenhum documento gerado");
        await E2EStack.ScreenshotAsync(page, "25-oportunidade-faturamento");

        await generate.GetByRole(AriaRole.Button, new() { Name = "Gerar todos" }).ClickAsync();
        var options = page.GetByRole(AriaRole.Dialog, new() { Name = "Gerar todos os documentos" });
        await Assertions.Expect(options.GetByLabel("Título do contrato")).ToHaveValueAsync(Title);
        await Assertions.Expect(options.GetByLabel("Recorrência")).ToHaveValueAsync("monthly");
        await options.GetByRole(AriaRole.Button, new() { Name = "Gerar todos" }).ClickAsync();
        await Assertions.Expect(page.GetByText("3 documentos gerados.")).ToBeVisibleAsync();
        await Assertions.Expect(options).ToBeHiddenAsync();

        // The three documents, with links, the customer and the ticket's total.
        foreach (var name in new[] { "Ordem de serviço nº 1", "Pedido de venda nº 1", "Contrato de serviço nº 1" })
        {
            var row = documents.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^" + Regex.Escape(name)) });
            await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
            await Assertions.Expect(row).ToContainTextAsync(Customer);
            await Assertions.Expect(row).ToContainTextAsync("R$ 5.850,00");
        }

        await E2EStack.ScreenshotAsync(page, "26-oportunidade-documentos-gerados");

        // The service order opens with the ticket's lines and shows its opportunity.
        await documents.GetByRole(AriaRole.Link, new() { Name = "Ordem de serviço nº 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ordem de serviço nº 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Status da ordem de serviço" }).GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Cliente") })).ToHaveValueAsync(Customer);
        await Assertions.Expect(page.GetByLabel(new Regex("^Descrição do item 1"))).ToHaveValueAsync(Setup);
        await Assertions.Expect(page.GetByLabel(new Regex("^Quantidade do item 1"))).ToHaveValueAsync("1");
        await Assertions.Expect(page.GetByLabel(new Regex("^Descrição do item 2"))).ToHaveValueAsync(Training);
        await Assertions.Expect(page.GetByLabel(new Regex("^Quantidade do item 2"))).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("Totais", new() { Exact = true })).ToContainTextAsync("R$ 5.850,00");
        await E2EStack.ScreenshotAsync(page, "27-ordem-de-servico-gerada");

        // Back on the tab, the contract opens with the same service lines.
        await page.GoBackAsync();
        await documents.GetByRole(AriaRole.Link, new() { Name = "Contrato de serviço nº 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contrato nº 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel(new Regex("^Título"))).ToHaveValueAsync(Title);
        var lines = page.GetByRole(AriaRole.Group, new() { Name = "Itens do contrato" });
        await Assertions.Expect(lines.GetByLabel(new Regex("^Descrição"))).ToHaveCountAsync(2);
        await Assertions.Expect(lines.GetByLabel(new Regex("^Descrição")).Nth(0)).ToHaveValueAsync(Setup);
        await Assertions.Expect(lines.GetByLabel(new Regex("^Descrição")).Nth(1)).ToHaveValueAsync(Training);
        await Assertions.Expect(lines.GetByLabel(new Regex("^Quantidade")).Nth(1)).ToHaveValueAsync("3");
        await E2EStack.ScreenshotAsync(page, "28-contrato-gerado");

        // And the sales order, a proposal with both items.
        await page.GoBackAsync();
        await documents.GetByRole(AriaRole.Link, new() { Name = "Pedido de venda nº 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedido nº 1" })).ToBeVisibleAsync();
        var items = page.GetByRole(AriaRole.Region, new() { Name = "Itens do pedido", Exact = true });
        await Assertions.Expect(items.GetByRole(AriaRole.Row, new() { NameRegex = new Regex(Setup) })).ToContainTextAsync("R$ 4.800,00");
        await Assertions.Expect(items.GetByRole(AriaRole.Row, new() { NameRegex = new Regex(Training) })).ToContainTextAsync("R$ 1.050,00");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Oportunidade do pedido" }).GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "29-pedido-gerado");
    }
}
