using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class SignupTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Sign_up_creates_the_tenant_with_company_default_settings_and_first_admin()
    {
        var request = IdentityTestData.NewSignup("Águia Manutenção");

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", request);

        var created = await response.ReadAsync<SignupResponse>(HttpStatusCode.Created);
        created.Slug.ShouldStartWith("aguia-manutencao");
        var tenant = (await IdentityTestData.ReadRowAsync(app, created.TenantId, "tenant")).ShouldNotBeNull();
        tenant.GetString("LegalName").ShouldBe(request.LegalName);
        tenant.GetString("TradeName").ShouldBe("Águia Manutenção");
        tenant.GetString("TaxId").ShouldBe(TaxId.Parse(request.TaxId).Value);
        tenant.GetString("TaxIdKind").ShouldBe("cnpj");
        tenant.GetString("Slug").ShouldBe(created.Slug);

        var pipeline = (await IdentityTestData.ReadRowAsync(app, created.TenantId, "settings|pipeline")).ShouldNotBeNull();
        var stages = JsonSerializer.Deserialize<List<TenantDefaults.Stage>>(pipeline.GetString("StagesJson")!, JsonDefaults.Options)!;
        stages.Select(s => s.Name).ShouldBe(["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechamento"]);
        var orderCrm = (await IdentityTestData.ReadRowAsync(app, created.TenantId, "settings|order-crm")).ShouldNotBeNull();
        orderCrm.GetBoolean("Enabled").ShouldBe(true);
        orderCrm.GetBoolean("DefaultGenerate").ShouldBe(true);
        orderCrm.GetString("StageId").ShouldBe(stages[0].Id);
        (await IdentityTestData.ReadRowAsync(app, created.TenantId, "counter|order")).ShouldNotBeNull().GetInt64("Value").ShouldBe(0);

        var session = await IdentityTestData.LoginAsync(app, request.Email!);
        session.User.Roles.ShouldBe([Roles.Admin]);
        session.User.Name.ShouldBe("Ana Administradora");
        session.User.TenantId.ShouldBe(created.TenantId);
        session.User.TenantName.ShouldBe("Águia Manutenção");
        session.User.TenantSlug.ShouldBe(created.Slug);
        session.User.EmailConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task Confirmation_email_link_confirms_the_address_once()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);

        var token = await IdentityTestData.TokenFromEmailAsync(app, tenant.Email, "Confirme seu e-mail", "#/confirmar-email?token=");
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/confirm-email", new TokenRequest(token))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await IdentityTestData.LoginAsync(app, tenant.Email)).User.EmailConfirmed.ShouldBeTrue();
        var again = await app.Anonymous().PostAsJsonAsync("/api/auth/confirm-email", new TokenRequest(token));
        await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
    }

    [Fact]
    public async Task Confirmation_can_be_sent_again_and_the_new_link_works()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        await app.DrainQueuesAsync();
        (await app.MailDev.EmailsToAsync(tenant.Email)).Count.ShouldBe(1);

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/resend-confirmation", new EmailRequest(tenant.Email))).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await app.DrainQueuesAsync();
        var emails = await app.MailDev.EmailsToAsync(tenant.Email);
        emails.Count.ShouldBe(2);
        var token = IdentityTestData.TokenOf(emails[^1], "#/confirmar-email?token=");

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/confirm-email", new TokenRequest(token))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/resend-confirmation", new EmailRequest(tenant.Email))).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await app.DrainQueuesAsync();
        (await app.MailDev.EmailsToAsync(tenant.Email)).Count.ShouldBe(2, "a confirmed address gets no more confirmation e-mails");
    }

    [Fact]
    public async Task Same_email_cannot_sign_up_twice()
    {
        var first = await IdentityTestData.SignUpAsync(app);

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", IdentityTestData.NewSignup(email: first.Email.ToUpperInvariant()));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        problem.GetProperty("errors").GetProperty("email")[0].GetString()!.ShouldContain("já está cadastrado");
        problem.GetProperty("errors").TryGetProperty("taxId", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Same_cnpj_cannot_sign_up_twice_even_typed_differently()
    {
        var cnpj = TaxIdGenerator.Cnpj(Random.Shared);
        await IdentityTestData.SignUpAsync(app, taxId: cnpj.Formatted);

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", IdentityTestData.NewSignup(taxId: cnpj.Value));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        problem.GetProperty("errors").GetProperty("taxId")[0].GetString()!.ShouldContain(cnpj.Formatted);
    }

    [Fact]
    public async Task Invalid_cnpj_is_refused_with_the_reason()
    {
        var valid = TaxIdGenerator.Cnpj(Random.Shared).Value;
        var wrongDigit = valid[..13] + (char)('0' + ((valid[13] - '0' + 1) % 10));

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", IdentityTestData.NewSignup(taxId: wrongDigit));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("errors").GetProperty("taxId")[0].GetString()!.ShouldContain("dígitos verificadores");
    }

    [Fact]
    public async Task Alphanumeric_cnpj_and_sole_trader_cpf_are_accepted()
    {
        // Official example of the alphanumeric CNPJ (in force from July 2026).
        var alphanumeric = await IdentityTestData.SignUpAsync(app, "Empresa Alfa", "12.ABC.345/01DE-35");
        var soleTrader = await IdentityTestData.SignUpAsync(app, "João Eletricista", TaxIdGenerator.Cpf(Random.Shared).Formatted);

        (await IdentityTestData.ReadRowAsync(app, alphanumeric.TenantId, "tenant"))!.GetString("TaxId").ShouldBe("12ABC34501DE35");
        (await IdentityTestData.ReadRowAsync(app, soleTrader.TenantId, "tenant"))!.GetString("TaxIdKind").ShouldBe("cpf");
    }

    [Fact]
    public async Task Weak_password_and_missing_fields_are_all_reported_at_once()
    {
        var request = IdentityTestData.NewSignup() with { Password = "curta1", LegalName = " ", Email = "não-é-email" };

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("password")[0].GetString().ShouldBe(Passwords.RuleMessage);
        errors.GetProperty("legalName")[0].GetString()!.ShouldContain("razão social");
        errors.GetProperty("email")[0].GetString().ShouldBe(EmailAddresses.InvalidMessage);
    }

    [Fact]
    public async Task Same_trade_name_gets_the_next_free_slug()
    {
        var name = "Oficina " + Guid.NewGuid().ToString("N")[..8];

        var first = await IdentityTestData.SignUpAsync(app, name);
        var second = await IdentityTestData.SignUpAsync(app, name);
        var third = await IdentityTestData.SignUpAsync(app, name);

        second.Slug.ShouldBe(first.Slug + "-2");
        third.Slug.ShouldBe(first.Slug + "-3");
    }
}
