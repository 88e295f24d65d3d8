using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.CustomerArea;

/// <summary>
/// oGestor "Área do Cliente" (seed 003): the proposal goes out by e-mail, the customer downloads the proposal PDF,
/// uploads the signed contract (which unlocks "Aprovar proposta") and approves; the staff then turn the approved
/// order into a Pedido, which releases the invoice. And the customer's own login, which shows only their orders.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ProposalApprovalTests(E2EStack stack)
{
    [Fact]
    public async Task Customer_approves_the_emailed_proposal_after_uploading_the_signed_contract_and_staff_bill_the_order()
    {
        var account = await StaffSession.SignUpAsync(stack, "Refrigeração Polar");
        var staff = await StaffSession.LogInAsync(stack, account);
        ArrangedCustomer customer;
        string orderId;
        long number;
        using (var api = await StaffSession.ApiAsync(stack, account))
        {
            await api.FiscalSettingsAsync();
            var serviceId = await api.ServiceAsync("SPLIT-INST", "Instalação de split 12.000 BTU", 450m);
            customer = await api.CustomerWithContactAsync("Padaria Pão Dourado Ltda", "Conceição Araújo");
            (orderId, number) = await api.ProposalAsync(customer.Id, serviceId, 3, "Inclui suporte e tubulação de até 3 m");
            await api.UploadContractAsync(orderId, CustomerAreaArrange.Pdf("Contrato de instalacao - Refrigeracao Polar"));
        }

        // Staff: the order shows its proposal PDF once the queue step rendered it (the page, opened right after the order
        // was saved, asks again while it is being generated), and "Enviar proposta" e-mails the contact.
        await staff.GotoAsync($"{stack.PortalUrl}/#/pedidos/{orderId}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Pedido nº {number}" })).ToBeVisibleAsync();
        var attachments = staff.GetByRole(AriaRole.Table, new() { Name = "Anexos do pedido" });
        await Assertions.Expect(attachments.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Proposta") })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(attachments.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Contrato") })).ToBeVisibleAsync();

        await staff.GetByRole(AriaRole.Button, new() { Name = "Enviar proposta", Exact = true }).ClickAsync();
        var send = staff.GetByRole(AriaRole.Dialog, new() { Name = $"Enviar a proposta nº {number}" });
        await Assertions.Expect(send.GetByLabel("Destinatário")).ToHaveValueAsync(customer.ContactId);
        await send.GetByRole(AriaRole.Button, new() { Name = "Enviar proposta" }).ClickAsync();
        await Assertions.Expect(staff.GetByText($"Proposta enviada para {customer.ContactEmail}.")).ToBeVisibleAsync();
        var sent = staff.GetByRole(AriaRole.Table, new() { Name = "Envios da proposta" });
        await Assertions.Expect(sent).ToContainTextAsync(customer.ContactEmail);

        // The e-mail arrives with the approval link of this tenant's customer area.
        var email = await stack.MailDev.WaitForEmailAsync(customer.ContactEmail, "para sua aprovação", TimeSpan.FromSeconds(30));
        email.Subject.ShouldContain($"Proposta nº {number}");
        var link = email.LinkStartingWith($"{stack.PortalUrl}/#/cliente/{account.Slug}/proposta?token=");

        // The customer, in a browser of their own, opens the link: no login, the token opens this one proposal.
        var customerPage = await stack.NewPageAsync();
        await customerPage.GotoAsync(link);
        await Assertions.Expect(customerPage.GetByRole(AriaRole.Heading, new() { Name = $"Proposta nº {number}", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(customerPage.GetByRole(AriaRole.Table, new() { Name = "Itens do pedido" })).ToContainTextAsync("Inclui suporte e tubulação de até 3 m");
        await Assertions.Expect(customerPage.GetByText("Total do pedido")).ToBeVisibleAsync();
        await Assertions.Expect(customerPage.Locator(".totals-grand")).ToContainTextAsync("R$ 1.350,00");
        await E2EStack.ScreenshotAsync(customerPage, "40-cliente-link-proposta");

        // The proposal PDF is attached and downloads as a real PDF.
        var download = await customerPage.RunAndWaitForDownloadAsync(() =>
            customerPage.GetByRole(AriaRole.Button, new() { Name = "Baixar Proposta (PDF)" }).ClickAsync());
        var proposalPdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(proposalPdf, 0, 5).ShouldBe("%PDF-");

        // "Aprovar proposta" stays disabled until the signed contract is uploaded, and says why.
        var approve = customerPage.GetByRole(AriaRole.Button, new() { Name = "Aprovar proposta" });
        await Assertions.Expect(approve).ToBeDisabledAsync();
        await Assertions.Expect(customerPage.GetByText("Envie o contrato assinado antes de aprovar a proposta.")).ToBeVisibleAsync();

        // The upload shows its progress: the request is held until the progress bar was seen, then let through.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await customerPage.RouteAsync("**/api/proposal-links/*/signed-contract", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await customerPage.GetByLabel("Contrato assinado (PDF)").SetInputFilesAsync(new FilePayload
        {
            Name = "contrato-assinado.pdf",
            MimeType = "application/pdf",
            Buffer = CustomerAreaArrange.Pdf("Contrato assinado por Conceicao Araujo"),
        });
        await customerPage.GetByRole(AriaRole.Button, new() { Name = "Enviar contrato assinado" }).ClickAsync();
        await Assertions.Expect(customerPage.GetByRole(AriaRole.Progressbar, new() { Name = "Enviando o contrato assinado" })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(customerPage, "41-cliente-enviando-contrato");
        release.SetResult();
        await Assertions.Expect(customerPage.GetByText("Contrato assinado enviado.")).ToBeVisibleAsync();
        await Assertions.Expect(customerPage.GetByRole(AriaRole.Button, new() { Name = "Baixar Contrato Assinado" })).ToBeVisibleAsync();
        await Assertions.Expect(approve).ToBeEnabledAsync();
        await E2EStack.ScreenshotAsync(customerPage, "42-cliente-contrato-enviado");

        // Keyboard only: Tab reaches "Aprovar proposta", Enter opens the confirmation, Enter confirms.
        await customerPage.GetByRole(AriaRole.Button, new() { Name = "Baixar Contrato Assinado" }).FocusAsync();
        await PageChecks.TabToAsync(customerPage, "Aprovar proposta");
        await customerPage.Keyboard.PressAsync("Enter");
        var confirm = customerPage.GetByRole(AriaRole.Alertdialog, new() { Name = "Aprovar proposta?" });
        await Assertions.Expect(confirm).ToContainTextAsync("R$ 1.350,00");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Aprovar", Exact = true })).ToBeFocusedAsync();
        await customerPage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(customerPage.GetByRole(AriaRole.Heading, new() { Name = "Proposta aprovada" })).ToBeVisibleAsync();
        await Assertions.Expect(customerPage.GetByText($"A proposta nº {number}, no total de R$ 1.350,00, foi aprovada.")).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(customerPage, "43-cliente-proposta-aprovada");

        // Staff: the order is Aprovado, with who approved through the link; confirming it makes it a Pedido.
        await staff.ReloadAsync();
        await Assertions.Expect(StatusButton(staff, "Aprovado (APR)")).ToBeVisibleAsync();
        var approvals = staff.GetByRole(AriaRole.Table, new() { Name = "Aprovações da proposta" });
        await Assertions.Expect(approvals).ToContainTextAsync("Conceição Araújo");
        await Assertions.Expect(attachments.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Contrato assinado Contrato Assinado\\.pdf") })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(staff, "44-equipe-pedido-aprovado");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Confirmar pedido" }).ClickAsync();
        await staff.GetByRole(AriaRole.Alertdialog, new() { Name = "Confirmar o pedido?" }).GetByRole(AriaRole.Button, new() { Name = "Confirmar pedido" }).ClickAsync();
        await Assertions.Expect(StatusButton(staff, "Pedido")).ToBeVisibleAsync();

        // Pedido releases the invoice: "Faturar" → "Faturar tudo" issues it, and it is listed in Notas fiscais.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Faturar", Exact = true }).ClickAsync();
        var billing = staff.GetByRole(AriaRole.Dialog, new() { Name = $"Situação do pedido nº {number}" });
        await billing.GetByRole(AriaRole.Button, new() { Name = "Faturar tudo" }).ClickAsync();
        await Assertions.Expect(staff.GetByText(new Regex(@"^Nota fiscal nº \d+ emitida\.$"))).ToBeVisibleAsync();
        await billing.GetByRole(AriaRole.Button, new() { Name = "Fechar", Exact = true }).First.ClickAsync();
        await Assertions.Expect(StatusButton(staff, "Faturado")).ToBeVisibleAsync();

        await staff.GotoAsync($"{stack.PortalUrl}/#/notas");
        var invoices = staff.GetByRole(AriaRole.Table, new() { Name = "Notas fiscais" });
        var row = invoices.GetByRole(AriaRole.Row).Filter(new() { HasText = customer.LegalName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("R$ 1.350,00");
        await Assertions.Expect(row).ToContainTextAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await E2EStack.ScreenshotAsync(staff, "45-equipe-notas-fiscais");
    }

    [Fact]
    public async Task Invited_customer_creates_a_password_logs_in_and_sees_only_their_own_orders()
    {
        var account = await StaffSession.SignUpAsync(stack, "Climatiza Norte");
        ArrangedCustomer mine;
        string myOrderId;
        long myNumber;
        long otherNumber;
        string otherOrderId;
        using (var api = await StaffSession.ApiAsync(stack, account))
        {
            var serviceId = await api.ServiceAsync("PMOC", "Plano de manutenção (PMOC) mensal", 380m);
            mine = await api.CustomerWithContactAsync("Clínica Sorriso Feliz Ltda", "Marcos Tavares");
            var other = await api.CustomerWithContactAsync("Hotel Beira-Rio Ltda", "Sílvia Prado");
            (myOrderId, myNumber) = await api.ProposalAsync(mine.Id, serviceId, 2, "Visitas na primeira semana do mês");
            (otherOrderId, otherNumber) = await api.ProposalAsync(other.Id, serviceId, 5, "Cinco andares");
        }

        // Staff give the contact access to the customer area from the customer's contacts tab.
        var staff = await StaffSession.LogInAsync(stack, account);
        await staff.GotoAsync($"{stack.PortalUrl}/#/clientes/{mine.Id}?aba=contatos");
        await staff.GetByRole(AriaRole.Button, new() { Name = $"Dar acesso à área do cliente a {mine.ContactName}" }).ClickAsync();
        var grant = staff.GetByRole(AriaRole.Alertdialog, new() { Name = "Dar acesso à área do cliente?" });
        await Assertions.Expect(grant).ToContainTextAsync(mine.ContactEmail);
        await grant.GetByRole(AriaRole.Button, new() { Name = "Enviar convite" }).ClickAsync();
        await Assertions.Expect(staff.GetByText($"Convite para a área do cliente enviado para {mine.ContactEmail}.")).ToBeVisibleAsync();
        var contacts = staff.GetByRole(AriaRole.Table, new() { Name = "Contatos do cliente" });
        var contactRow = contacts.GetByRole(AriaRole.Row).Filter(new() { HasText = mine.ContactName });
        await Assertions.Expect(contactRow).ToContainTextAsync("Convite enviado");
        await Assertions.Expect(contactRow.GetByRole(AriaRole.Button, new() { Name = $"Reenviar convite da área do cliente a {mine.ContactName}" })).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(staff, "55-equipe-contato-convidado");

        // The invitation e-mail leads to "Criar sua senha"; the new password signs the customer in.
        var invitation = await stack.MailDev.WaitForEmailAsync(mine.ContactEmail, "Acesso à área do cliente", TimeSpan.FromSeconds(30));
        var page = await stack.NewPageAsync(phone: true);
        await page.GotoAsync(invitation.LinkStartingWith($"{stack.PortalUrl}/#/cliente/{account.Slug}/convite?token="));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Criar sua senha" })).ToBeVisibleAsync();
        await page.GetByLabel(new Regex("^Senha")).FillAsync("ClienteForte2026");
        await page.GetByLabel("Confirme a senha").FillAsync("ClienteForte2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar senha" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Painel" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sair" }).ClickAsync();

        // Staff now see the access as active.
        await staff.ReloadAsync();
        await Assertions.Expect(contactRow).ToContainTextAsync("Acesso ativo");

        // Later, from the login page of this company's customer area.
        await page.GotoAsync($"{stack.PortalUrl}/#/cliente/{account.Slug}/entrar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Área do cliente" })).ToBeVisibleAsync();
        await PageChecks.AssertEveryInputIsLabelledAsync(page);
        await page.GetByLabel("E-mail").FillAsync(mine.ContactEmail);
        await page.GetByLabel(new Regex("^Senha")).FillAsync("ClienteForte2026");
        await E2EStack.ScreenshotAsync(page, "46-cliente-entrar");
        await PageChecks.TabToAsync(page, "Entrar");
        await page.Keyboard.PressAsync("Enter");

        // The dashboard lists this customer's proposal only, never another customer's order of the same company.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Painel" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Olá, Marcos!")).ToBeVisibleAsync();
        var latest = page.Locator("ul.latest-orders");
        await Assertions.Expect(latest.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^Pedido nº {myNumber}\\b") })).ToBeVisibleAsync();
        await Assertions.Expect(latest.GetByRole(AriaRole.Heading)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("Você tem 1 proposta aguardando sua aprovação.")).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "47-cliente-painel");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ver todos os pedidos" }).ClickAsync();
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "Pedidos" });
        await Assertions.Expect(orders.GetByRole(AriaRole.Link, new() { Name = $"Visualizar o pedido {myNumber}" })).ToBeVisibleAsync();
        await Assertions.Expect(orders.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Visualizar o pedido") })).ToHaveCountAsync(1);
        await Assertions.Expect(orders.GetByRole(AriaRole.Link, new() { Name = $"Visualizar o pedido {otherNumber}" })).ToHaveCountAsync(0);

        // Another customer's order, even with its id typed in the address, is "not found".
        await page.GotoAsync($"{stack.PortalUrl}/#/cliente/{account.Slug}/pedidos/{otherOrderId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("não encontrado.");
        await Assertions.Expect(page.GetByText("Cinco andares")).ToHaveCountAsync(0);

        // The own order: items with their notes and the proposal PDF; no contract, so it can be approved at once.
        await page.GotoAsync($"{stack.PortalUrl}/#/cliente/{account.Slug}/pedidos/{myOrderId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Pedido nº {myNumber}", Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Visitas na primeira semana do mês")).ToBeVisibleAsync();
        await ExpectProposalPdfAsync(page);
        await E2EStack.ScreenshotAsync(page, "48-cliente-pedido");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aprovar proposta" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog, new() { Name = "Aprovar proposta?" }).GetByRole(AriaRole.Button, new() { Name = "Aprovar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Proposta aprovada em .* por Marcos Tavares\\. O pedido aguarda faturamento\\.$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Aguardando faturamento").First).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "49-cliente-pedido-aprovado");
    }

    /// <summary>
    /// The proposal PDF is rendered by a queue step and the customer's order page says "recarregue a página em instantes"
    /// until it is there: reload, as the customer would, for at most 30 s.
    /// </summary>
    private static async Task ExpectProposalPdfAsync(IPage page)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Baixar Proposta (PDF)" });
        var files = page.GetByRole(AriaRole.Heading, new() { Name = "Arquivos anexados" });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await files.WaitForAsync();
        while (!await button.IsVisibleAsync() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
            await files.WaitForAsync();
        }

        await Assertions.Expect(button).ToBeVisibleAsync();
    }

    private static ILocator StatusButton(IPage page, string label) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Status: " + Regex.Escape(label) + "\\.") });
}
