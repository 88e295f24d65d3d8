using CrmSaaS.Functions.Identity;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class IdentityRuleTests
{
    [Theory]
    [InlineData("senha-forte-1")]
    [InlineData("abcdefghi1")]
    [InlineData("Çãoçãoção9")]
    public void Password_with_ten_characters_letters_and_digits_is_accepted(string password) =>
        Passwords.Validate(password).ShouldBeNull();

    [Theory]
    [InlineData("abc12")]
    [InlineData("abcdefghijk")]
    [InlineData("12345678901")]
    [InlineData("!!!!!!!!!!1")]
    public void Weak_password_is_refused_with_the_rules_in_portuguese(string password) =>
        Passwords.Validate(password).ShouldBe("A senha precisa ter pelo menos 10 caracteres, com letras e números.");

    [Fact]
    public void Empty_and_overlong_passwords_are_refused()
    {
        Passwords.Validate("").ShouldNotBeNull().ShouldContain("Informe uma senha");
        Passwords.Validate(new string('a', 128) + "1").ShouldNotBeNull().ShouldContain("no máximo 128");
    }

    [Fact]
    public void Password_hash_verifies_only_the_same_password_and_is_salted()
    {
        var hash = Passwords.Hash("senha-forte-123");

        Passwords.Verify(hash, "senha-forte-123").ShouldBe(PasswordCheck.Right);
        Passwords.Verify(hash, "senha-forte-124").ShouldBe(PasswordCheck.Wrong);
        Passwords.Verify(null, "senha-forte-123").ShouldBe(PasswordCheck.Wrong);
        Passwords.Hash("senha-forte-123").ShouldNotBe(hash);
        hash.ShouldNotContain("senha");
    }

    [Theory]
    [InlineData("  Ana.Silva@Empresa.COM.br ", "ana.silva@empresa.com.br")]
    [InlineData("joao+crm@example.com", "joao+crm@example.com")]
    public void Email_is_normalised_to_lower_case(string input, string expected) =>
        EmailAddresses.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("ana")]
    [InlineData("ana@empresa")]
    [InlineData("ana@@empresa.com")]
    [InlineData("ana silva@empresa.com")]
    [InlineData("ana|x@empresa.com")]
    [InlineData("ana/x@empresa.com")]
    [InlineData("ana#x@empresa.com")]
    [InlineData("ana@empresa..com")]
    public void Unusable_email_is_refused(string input) => EmailAddresses.Normalize(input).ShouldBeNull();

    [Theory]
    [InlineData("Águia & Cia. Serviços", "aguia-cia-servicos")]
    [InlineData("  Conceição Manutenção  ", "conceicao-manutencao")]
    [InlineData("ACME 2000", "acme-2000")]
    [InlineData("!!!", "empresa")]
    public void Slug_is_lower_case_ascii_with_dashes(string tradeName, string slug) => Slugs.From(tradeName).ShouldBe(slug);

    [Fact]
    public void Slug_is_capped_and_collisions_get_a_number()
    {
        var slug = Slugs.From(new string('a', 80));
        slug.Length.ShouldBe(Slugs.MaxLength);

        Slugs.Candidate("acme", 1).ShouldBe("acme");
        Slugs.Candidate("acme", 2).ShouldBe("acme-2");
        Slugs.Candidate(slug, 3).ShouldEndWith("-3");
        Slugs.Candidate(slug, 3).Length.ShouldBeLessThanOrEqualTo(Slugs.MaxLength);
    }

    [Fact]
    public void One_time_tokens_are_random_base64url_and_stored_as_sha256_hex()
    {
        var a = OneTimeTokens.New();
        var b = OneTimeTokens.New();

        a.ShouldNotBe(b);
        a.Length.ShouldBe(OneTimeTokens.Length);
        OneTimeTokens.IsWellFormed(a).ShouldBeTrue();
        OneTimeTokens.Hash(a).ShouldMatch("^[0-9a-f]{64}$");
        OneTimeTokens.Hash(a).ShouldBe(OneTimeTokens.Hash(a));
        OneTimeTokens.IsWellFormed("abc").ShouldBeFalse();
        OneTimeTokens.IsWellFormed(new string('/', OneTimeTokens.Length)).ShouldBeFalse();
    }

    [Fact]
    public void Five_failures_in_a_row_lock_for_fifteen_minutes()
    {
        var now = new DateTimeOffset(2026, 8, 3, 12, 0, 0, TimeSpan.Zero);
        var state = new LockoutState(0, null);
        for (var i = 0; i < 4; i++)
        {
            state = state.AfterFailure(now);
            state.IsLocked(now).ShouldBeFalse();
        }

        state.Failures.ShouldBe(4);
        state = state.AfterFailure(now);

        state.IsLocked(now).ShouldBeTrue();
        state.IsLocked(now.AddMinutes(14)).ShouldBeTrue();
        state.IsLocked(now.AddMinutes(15)).ShouldBeFalse();
        state.MinutesLeft(now.AddMinutes(10).AddSeconds(1)).ShouldBe(5);
    }

    [Fact]
    public void After_a_lock_ends_the_count_starts_again()
    {
        var now = new DateTimeOffset(2026, 8, 3, 12, 0, 0, TimeSpan.Zero);
        var expired = new LockoutState(0, now.AddMinutes(-1));

        var next = expired.AfterFailure(now);

        next.IsLocked(now).ShouldBeFalse();
        next.Failures.ShouldBe(1);
    }

    [Fact]
    public void Lockout_state_round_trips_through_the_account_row()
    {
        var row = new TableEntity("p", "r");
        var until = new DateTimeOffset(2026, 8, 3, 12, 15, 0, TimeSpan.Zero);

        new LockoutState(3, until).WriteTo(row);
        LockoutState.Of(row).ShouldBe(new LockoutState(3, until));
        new LockoutState(0, null).WriteTo(row);
        row.ContainsKey("LockedUntil").ShouldBeFalse();
        LockoutState.Of(row).IsClear.ShouldBeTrue();
    }

    [Fact]
    public void Default_pipeline_has_the_five_stages_in_order()
    {
        TenantDefaults.PipelineStages.Select(s => s.Name).ShouldBe(["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechamento"]);
        TenantDefaults.PipelineStages.Select(s => s.Order).ShouldBe([1, 2, 3, 4, 5]);
    }
}
