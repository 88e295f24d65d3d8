using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using CrmSaaS.Functions.Tasks;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.SalesOrders;

/// <summary>
/// Centrium (seed 001): a sales order of 15 units of a service generates an opportunity and 15 tasks; billing is gated
/// on completed tasks — with 10 done, billing 11 is refused with the reason and billing 10 issues the NFS-e.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class OrderBillingTests(E2EStack stack)
{
    private const string Service = "Instalação de câmera";
    private const string Customer = "Condomínio Jardim das Flores";

    [Fact]
    public async Task An_order_of_15_units_generates_15_tasks_and_bills_only_what_the_completed_tasks_allow()
    {
        var account = await StaffSession.SignUpAsync(stack, "Segurança Total Monitoramento");
        using var api = await StaffSession.ApiAsync(stack, account);
        await SalesArrange.ServiceAsync(api, "INST-CAM", Service, 250m);
        await SalesArrange.CustomerAsync(api, Customer, E2EData.NewCnpj());
        await SalesArrange.FiscalSettingsAsync(api, E2EData.NewCnpj());

        var page = await StaffSession.LogInAsync(stack, account);

        // Central de pedidos: nothing yet; the order is typed in the order form.
        await page.GotoAsync(stack.PortalUrl + "/#/pedidos");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedidos de venda" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nenhum pedido de venda")).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "30-pedidos-vazio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar o primeiro pedido" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Novo pedido de venda" })).ToBeVisibleAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Pedido de venda" });
        await PickAsync(form, "Cliente", "Jardim", Customer);
        await form.GetByRole(AriaRole.Button, new() { Name = "Adicionar item" }).ClickAsync();
        await PickAsync(form, "Serviço do item 1", "câmera", Service);
        await Assertions.Expect(form.GetByLabel(new Regex("^Descrição do item 1"))).ToHaveValueAsync(Service);
        await form.GetByLabel(new Regex("^Quantidade do item 1")).FillAsync("15");
        var generate = form.GetByLabel("Gerar oportunidade no CRM");
        await generate.CheckAsync();
        await Assertions.Expect(generate).ToBeCheckedAsync();

        // 15 × R$ 250,00, paid at once.
        await Assertions.Expect(form.GetByLabel("Totais", new() { Exact = true })).ToContainTextAsync("R$ 3.750,00");
        await Assertions.Expect(form.GetByText(new Regex("^1ª parcela: R\\$\\s3\\.750,00 em"))).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "31-pedido-formulario");
        await form.GetByRole(AriaRole.Button, new() { Name = "Criar pedido" }).ClickAsync();

        // The order is a proposal; confirming it queues the order → CRM step.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedido nº 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status: Proposta. Ver itens, tarefas e faturamento" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar pedido" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog).Or(page.GetByRole(AriaRole.Dialog));
        await Assertions.Expect(confirm).ToContainTextAsync("gera a oportunidade e as tarefas no CRM");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirmar pedido" }).ClickAsync();

        // The page follows the step until the opportunity and its 15 tasks are there.
        var crm = page.GetByRole(AriaRole.Region, new() { Name = "Oportunidade do pedido" });
        await Assertions.Expect(crm).ToContainTextAsync("15 tarefa(s) gerada(s).", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status: Pedido. Ver itens, tarefas e faturamento" })).ToBeVisibleAsync();
        await Assertions.Expect(crm.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Pedido nº 1|" + Regex.Escape(Customer)) })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "32-pedido-oportunidade-gerada");

        // Central de Tarefas, filtered by the order: 15 open tasks named after the item.
        await crm.GetByRole(AriaRole.Link, new() { Name = "Ver tarefas do pedido" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Central de Tarefas" })).ToBeVisibleAsync();
        var complete = page.GetByRole(AriaRole.Button, new() { Name = $"Concluir “{Service}”" });
        var reopen = page.GetByRole(AriaRole.Button, new() { Name = $"Reabrir “{Service}”" });
        await Assertions.Expect(complete).ToHaveCountAsync(15);
        await Assertions.Expect(page.GetByText("Pedido 1 · unidade 15")).ToBeVisibleAsync();

        // Two tasks are completed here: one with the mouse, one from the keyboard.
        await complete.First.ClickAsync();
        await Assertions.Expect(reopen).ToHaveCountAsync(1);
        await complete.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(reopen).ToHaveCountAsync(2);
        await Assertions.Expect(complete).ToHaveCountAsync(13);
        await E2EStack.ScreenshotAsync(page, "33-central-de-tarefas");

        // The other eight are done by the team elsewhere (API), to keep the test short.
        var orderId = Regex.Match(page.Url, "pedido=([^&]+)").Groups[1].Value;
        var order = await SalesArrange.GetAsync(api, $"/api/sales-orders/{orderId}");
        var itemId = order.GetProperty("items")[0].GetProperty("id").GetString()!;
        var tasks = await SalesArrange.GetAsync(api, $"/api/tasks?orderId={orderId}&status=open&pageSize=50");
        var open = tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        open.Count.ShouldBe(13);
        foreach (var taskId in open.Take(8))
        {
            taskId.ShouldStartWith(CrmTask.GeneratedId(orderId, itemId, 1)[..^5]);
            await SalesArrange.CompleteTaskAsync(api, taskId);
        }

        // The order's status pop-up from the list: item × tasks completed × billed × billable now.
        await page.GotoAsync(stack.PortalUrl + "/#/pedidos");
        var row = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Pedido nº 1") });
        await Assertions.Expect(row).ToContainTextAsync(Customer);
        await Assertions.Expect(row).ToContainTextAsync("R$ 3.750,00");
        await E2EStack.ScreenshotAsync(page, "34-pedidos-lista");
        await row.GetByRole(AriaRole.Button, new() { Name = "Status do pedido nº 1: Pedido. Ver itens, tarefas e faturamento" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Dialog, new() { Name = "Situação do pedido nº 1" });
        var line = status.GetByRole(AriaRole.Row, new() { NameRegex = new Regex(Regex.Escape(Service)) });
        await Assertions.Expect(line.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Service, "15", "10 de 15", "0", "10"]);
        await E2EStack.ScreenshotAsync(page, "35-situacao-do-pedido");

        // Partial billing of 11: the form warns, the server refuses and the pop-up shows why.
        await status.GetByRole(AriaRole.Button, new() { Name = "Faturamento parcial" }).ClickAsync();
        var quantity = status.GetByLabel($"Quantidade a faturar de {Service}");
        await quantity.FillAsync("11");
        await Assertions.Expect(status.GetByText("Acima do faturável agora (10).")).ToBeVisibleAsync();
        // The added column fits the pop-up on a desktop: nothing to scroll sideways to reach the input or its hint.
        await Assertions.Expect(quantity).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(status.GetByText("Acima do faturável agora (10).")).ToBeInViewportAsync(new() { Ratio = 1 });
        await status.GetByRole(AriaRole.Button, new() { Name = "Faturar quantidades" }).ClickAsync();
        var blocked = status.GetByRole(AriaRole.Alert);
        await Assertions.Expect(blocked).ToContainTextAsync("Faturamento bloqueado");
        await Assertions.Expect(blocked).ToContainTextAsync("conclua as tarefas no CRM");
        await Assertions.Expect(blocked.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(
            $"{Service}: 10 tarefa(s) concluída(s), 0 já faturada(s); pedido de 11, mas só 10 pode(m) ser faturada(s) agora.");
        await E2EStack.ScreenshotAsync(page, "36-faturamento-bloqueado");
        await Assertions.Expect(line.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("0");

        // Partial billing of 10, submitted from the keyboard: the NFS-e is issued for 10 × R$ 250,00.
        await quantity.FillAsync("10");
        await status.GetByRole(AriaRole.Button, new() { Name = "Faturar quantidades" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Nota fiscal nº 1 emitida.")).ToBeVisibleAsync();
        await Assertions.Expect(line.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Service, "15", "10 de 15", "10", "0"]);
        await Assertions.Expect(status.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "NFS-e nº 1" })).ToContainTextAsync("R$ 2.500,00");
        await Assertions.Expect(status).ToContainTextAsync("Faturado parcial");
        await Assertions.Expect(status).ToContainTextAsync("Nada a faturar agora: conclua as tarefas dos itens para liberar o faturamento.");
        await Assertions.Expect(status).Not.ToContainTextAsync("Só pedidos confirmados");
        await Assertions.Expect(status.GetByRole(AriaRole.Button, new() { Name = "Faturar tudo" })).ToBeDisabledAsync();
        await E2EStack.ScreenshotAsync(page, "37-situacao-faturada");
        await status.GetByRole(AriaRole.Button, new() { Name = "Fechar" }).First.ClickAsync();
        await Assertions.Expect(status).ToBeHiddenAsync();

        // Notas fiscais: the invoice of the order, issued, R$ 2.500,00.
        await page.GotoAsync(stack.PortalUrl + "/#/notas");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notas fiscais" })).ToBeVisibleAsync();
        var invoice = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("NFS-e nº 1") });
        await Assertions.Expect(invoice).ToContainTextAsync(Customer);
        await Assertions.Expect(invoice.GetByRole(AriaRole.Link, new() { Name = "Pedido nº 1" })).ToBeVisibleAsync();
        await Assertions.Expect(invoice).ToContainTextAsync("Emitida");
        await Assertions.Expect(invoice).ToContainTextAsync("R$ 2.500,00");
        await E2EStack.ScreenshotAsync(page, "38-notas-fiscais");
    }

    private static async Task PickAsync(ILocator scope, string label, string typed, string option)
    {
        var input = scope.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^" + Regex.Escape(label) + "( \\*)?$") });
        await input.FillAsync(typed);
        await scope.Page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(option)) }).First.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(new Regex(Regex.Escape(option)));
    }
}
