using System.Globalization;
using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Crm;

/// <summary>Gescor (seed 002): the relationship log of a customer, kept by date and consulted by period.</summary>
[Collection(E2ECollection.Name)]
public sealed class OccurrenceLogTests(E2EStack stack)
{
    [Fact]
    public async Task Staff_registers_a_customer_logs_occurrences_and_finds_them_by_period()
    {
        var account = await StaffSession.SignUpAsync(stack, "Clima Norte Refrigeração");
        var page = await StaffSession.LogInAsync(stack, account);

        await page.GotoAsync(stack.PortalUrl + "/#/clientes/novo");
        await page.GetByLabel("CNPJ/CPF").FillAsync(E2EData.NewCnpj());
        await page.GetByLabel("Razão social").FillAsync("Padaria Pão Quente Ltda");
        await page.GetByLabel("Nome fantasia").FillAsync("Pão Quente");
        await page.GetByLabel("E-mail").FillAsync("compras@paoquente.com.br");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cadastrar cliente" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Ocorrências" })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "10-cliente");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Ocorrências" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nenhuma ocorrência no período")).ToBeVisibleAsync();

        var visitDate = DateTime.Today.AddDays(-40);
        await AddOccurrenceAsync(page, visitDate, "Visita", "Visita técnica: avaliação das câmaras frias da loja 2");
        var sacDate = DateTime.Today.AddDays(-3);
        await AddOccurrenceAsync(page, sacDate, "SAC", "Cliente relatou ruído no compressor; agendado retorno");

        // The last 7 days show only the SAC call; widening the period brings the visit back.
        await SetPeriodAsync(page, DateTime.Today.AddDays(-7), DateTime.Today);
        await Assertions.Expect(page.GetByText("ruído no compressor")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("câmaras frias")).ToHaveCountAsync(0);
        await E2EStack.ScreenshotAsync(page, "11-ocorrencias-periodo");

        await SetPeriodAsync(page, DateTime.Today.AddDays(-60), DateTime.Today);
        await Assertions.Expect(page.GetByText("câmaras frias")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline-card")).ToHaveCountAsync(2);

        // Deleting asks first, then the occurrence is gone and the other stays.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Excluir ocorrência de {Br(visitDate)}" }).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(confirmation).ToContainTextAsync(Br(visitDate));
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Excluir", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("câmaras frias")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("ruído no compressor")).ToBeVisibleAsync();
    }

    private static string Br(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static async Task AddOccurrenceAsync(IPage page, DateTime date, string type, string description)
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Nova|Registrar) ocorrência$") }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel(new Regex("^Data")).FillAsync(Br(date));
        await dialog.GetByLabel(new Regex("^Tipo")).SelectOptionAsync(new SelectOptionValue { Label = type });
        await dialog.GetByLabel(new Regex("^Descrição")).FillAsync(description);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText(description)).ToBeVisibleAsync();
    }

    private static async Task SetPeriodAsync(IPage page, DateTime from, DateTime to)
    {
        var filter = page.GetByRole(AriaRole.Form, new() { Name = "Período das ocorrências" });
        await filter.GetByLabel(new Regex("^De")).FillAsync(Br(from));
        await filter.GetByLabel(new Regex("^Até")).FillAsync(Br(to));
        await filter.GetByRole(AriaRole.Button, new() { Name = "Consultar" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex($"Ocorrências .*{Regex.Escape(Br(from))}"))).ToBeVisibleAsync();
    }
}
