using System.Text.RegularExpressions;
using CrmSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Identity;

/// <summary>A company signs up in the browser, confirms its e-mail from the real message, and logs in.</summary>
[Collection(E2ECollection.Name)]
public sealed class SignUpFlowTests(E2EStack stack)
{
    [Fact]
    public async Task Company_signs_up_confirms_the_email_and_reaches_the_dashboard()
    {
        var email = $"ana.{Guid.NewGuid():N}@exemplo.com.br";
        var page = await stack.NewPageAsync();

        await page.GotoAsync(stack.PortalUrl + "/#/cadastro");
        await page.GetByLabel("Razão social").FillAsync("Oficina Conceição Serviços Ltda");
        await page.GetByLabel("Nome fantasia").FillAsync("Oficina Conceição " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("CNPJ ou CPF").FillAsync(E2EData.NewCnpj());
        await page.GetByLabel("Seu nome").FillAsync("Ana Souza");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel(new Regex("^Senha")).FillAsync("SenhaForte2026");
        await page.GetByLabel("Confirme a senha").FillAsync("SenhaForte2026");
        await E2EStack.ScreenshotAsync(page, "01-cadastro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar conta" }).ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();

        var confirmation = await stack.MailDev.WaitForEmailAsync(email, "Confirme");
        var link = confirmation.LinkStartingWith(stack.PortalUrl);
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "E-mail confirmado" })).ToBeVisibleAsync();

        await page.GotoAsync(stack.PortalUrl + "/#/entrar");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel(new Regex("^Senha")).FillAsync("SenhaForte2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Painel" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("Olá, Ana!"))).ToBeVisibleAsync();
        await E2EStack.ScreenshotAsync(page, "02-painel");
    }

    [Fact]
    public async Task Login_form_inputs_have_labels_and_the_main_action_is_keyboard_reachable()
    {
        var page = await stack.NewPageAsync(phone: true);
        await page.GotoAsync(stack.PortalUrl + "/#/entrar");

        await Assertions.Expect(page.GetByLabel("E-mail")).ToBeVisibleAsync();
        var unlabeled = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input, select, textarea')].filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length");
        unlabeled.ShouldBe(0);

        await page.GetByLabel("E-mail").FocusAsync();
        var reached = false;
        for (var i = 0; i < 6 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.textContent?.trim() === 'Entrar'");
        }

        reached.ShouldBeTrue("the 'Entrar' button should be reachable with Tab");
        await E2EStack.ScreenshotAsync(page, "00-login-celular");
    }
}
