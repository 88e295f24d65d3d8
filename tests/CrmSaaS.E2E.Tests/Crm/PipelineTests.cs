using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Crm;

/// <summary>Omie (seed 000): an opportunity on the pipeline, its ticket filled from a solution, moved between stages.</summary>
[Collection(E2ECollection.Name)]
public sealed class PipelineTests(E2EStack stack)
{
    [Fact]
    public async Task An_opportunity_gets_its_ticket_from_a_solution_and_moves_on_the_kanban()
    {
        var account = await StaffSession.SignUpAsync(stack, "Frio Total Climatização");
        using (var api = await StaffSession.ApiAsync(stack, account))
        {
            var serviceId = await api.CreateAsync("/api/catalogue/services", new
            {
                code = "MP-AC",
                description = "Manutenção preventiva de ar-condicionado",
                unitPrice = 180m,
                municipalServiceCode = "14.01",
                issRate = 5m,
            });
            await api.CreateAsync("/api/solutions", new
            {
                name = "Climatização de loja",
                lines = new[] { new { serviceId, quantity = 15m } },
            });
            await api.CreateAsync("/api/accounts", new { name = "Supermercado Bom Preço", taxId = E2EData.NewCnpj(), city = "Recife", state = "PE" });
        }

        var page = await StaffSession.LogInAsync(stack, account);
        await page.GotoAsync(stack.PortalUrl + "/#/pipeline");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Nova oportunidade|Criar a primeira oportunidade)$") }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel(new Regex("^Título")).FillAsync("Climatização - Loja Boa Viagem");
        await PickAsync(dialog, "Conta", "Bom Preço", "Supermercado Bom Preço");
        await PickAsync(dialog, "Solução", "Climat", "Climatização de loja");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Criar oportunidade" }).ClickAsync();

        // The solution's 15 services are in the ticket: 15 × R$ 180,00.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Climatização - Loja Boa Viagem" })).ToBeVisibleAsync();
        var totals = page.GetByLabel("Totais do ticket");
        await Assertions.Expect(totals).ToContainTextAsync("R$ 2.700,00");
        await Assertions.Expect(page.GetByText("Manutenção preventiva de ar-condicionado")).ToBeVisibleAsync();

        // A 10 % discount on the line lowers the ticket total.
        await page.GetByRole(AriaRole.Button, new() { Name = "Editar Manutenção preventiva de ar-condicionado" }).ClickAsync();
        var line = page.GetByRole(AriaRole.Dialog);
        await line.GetByLabel("Desconto", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Percentual (%)" });
        await line.GetByLabel(new Regex("^Desconto \\(%\\)")).FillAsync("10");
        await line.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        await Assertions.Expect(totals).ToContainTextAsync("R$ 2.430,00");
        await E2EStack.ScreenshotAsync(page, "20-oportunidade-ticket");

        // On the kanban the card sits in the first stage; moving it with the keyboard alternative updates both columns.
        await page.GotoAsync(stack.PortalUrl + "/#/pipeline");
        var prospecting = page.Locator("section.kanban-column", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Prospecção" }) });
        var proposal = page.Locator("section.kanban-column", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Proposta" }) });
        await Assertions.Expect(prospecting.GetByRole(AriaRole.Article, new() { Name = "Climatização - Loja Boa Viagem" })).ToBeVisibleAsync();
        await Assertions.Expect(prospecting.Locator(".kanban-total")).ToHaveTextAsync("R$ 2.430,00");

        await page.GetByLabel("Mover “Climatização - Loja Boa Viagem” para").SelectOptionAsync(new SelectOptionValue { Label = "Proposta" });
        await Assertions.Expect(proposal.GetByRole(AriaRole.Article, new() { Name = "Climatização - Loja Boa Viagem" })).ToBeVisibleAsync();
        await Assertions.Expect(proposal.Locator(".kanban-total")).ToHaveTextAsync("R$ 2.430,00");
        await Assertions.Expect(prospecting.Locator(".kanban-total")).ToHaveTextAsync("R$ 0,00");

        // The move was saved: a fresh load shows the card where it was put.
        await page.ReloadAsync();
        await Assertions.Expect(proposal.GetByRole(AriaRole.Article, new() { Name = "Climatização - Loja Boa Viagem" })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "21-pipeline");
    }

    private static async Task PickAsync(ILocator scope, string label, string typed, string option)
    {
        var input = scope.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^" + Regex.Escape(label) + "( \\*)?$") });
        await input.FillAsync(typed);
        await scope.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(option)) }).First.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(new Regex(Regex.Escape(option)));
    }
}
