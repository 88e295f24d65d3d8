using System.Net;
using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using RequestContext = CrmSaaS.Functions.Platform.RequestContext;

namespace CrmSaaS.Functions.Tests.Platform;

public sealed class PlatformRuleTests
{
    [Fact]
    public void Ids_sort_by_creation_time_and_are_unique()
    {
        var earlier = Ids.New(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var later = Ids.New(DateTimeOffset.Parse("2026-01-01T00:00:00.001Z", System.Globalization.CultureInfo.InvariantCulture));
        var many = Enumerable.Range(0, 1000).Select(_ => Ids.New()).ToList();

        string.CompareOrdinal(earlier, later).ShouldBeLessThan(0);
        earlier.Length.ShouldBe(26);
        many.Distinct().Count().ShouldBe(1000);
        many.ShouldAllBe(id => Ids.IsWellFormed(id));
    }

    [Theory]
    [InlineData("customer|", "customer|", "customer}")]
    [InlineData("occurrence|C1|20260105", "occurrence|C1|20260105", "occurrence|C1|20260106")]
    public void Prefix_range_covers_exactly_the_prefix(string prefix, string from, string to)
    {
        KeyRange.Prefix(prefix).ShouldBe((from, to));
    }

    [Fact]
    public void Key_parts_cannot_smuggle_a_separator()
    {
        Should.Throw<ArgumentException>(() => KeyRange.Key("customer", "a|b"));
        KeyRange.Key("site", "c1", "s1").ShouldBe("site|c1|s1");
    }

    [Fact]
    public void Descending_keys_put_the_newest_first()
    {
        var older = KeyRange.Descending(DateTimeOffset.UnixEpoch.AddYears(50));
        var newer = KeyRange.Descending(DateTimeOffset.UnixEpoch.AddYears(51));

        string.CompareOrdinal(newer, older).ShouldBeLessThan(0);
    }

    [Theory]
    [InlineData("Conceição  Ávila", "conceicao ávila", false)]
    [InlineData("Conceição Ávila", "conceicao avila", true)]
    [InlineData("JOÃO da Silva", "joao da silva", true)]
    public void Search_text_ignores_case_and_accents(string input, string expected, bool equal)
    {
        (SearchText.Normalize(input) == expected).ShouldBe(equal);
    }

    [Fact]
    public void Search_matches_every_word_in_any_order()
    {
        var text = SearchText.Of("Padaria Pão Quente", "12.345.678/0001-95", "São Paulo");

        SearchText.Matches(text, "quente padaria").ShouldBeTrue();
        SearchText.Matches(text, "SAO paulo").ShouldBeTrue();
        SearchText.Matches(text, "padaria fria").ShouldBeFalse();
        SearchText.Matches(text, "").ShouldBeTrue();
    }

    [Fact]
    public void Request_context_fails_closed_without_a_tenant()
    {
        var context = new RequestContext();

        var error = Should.Throw<AppException>(() => context.RequireTenantId());
        error.Status.ShouldBe(401);
    }

    [Fact]
    public void Request_context_is_set_once()
    {
        var context = new RequestContext();
        context.SetStaff("t1", "u1", "Ana", [Roles.Sales]);

        Should.Throw<InvalidOperationException>(() => context.SetSystem("t2"));
        context.TenantId.ShouldBe("t1");
    }

    [Fact]
    public void Storage_conflicts_map_to_the_conflict_problem_and_limits_to_too_large()
    {
        ProblemDetailsMapping.Map(new RequestFailedException(412, "stale", "UpdateConditionNotSatisfied", null)).Code.ShouldBe(ErrorCodes.Conflict);
        ProblemDetailsMapping.Map(new RequestFailedException(412, "stale", "UpdateConditionNotSatisfied", null)).Status.ShouldBe((int)HttpStatusCode.PreconditionFailed);
        ProblemDetailsMapping.Map(new RequestFailedException(404, "missing", "ResourceNotFound", null)).Code.ShouldBe(ErrorCodes.NotFound);
        ProblemDetailsMapping.Map(new StorageLimitException("too big")).Code.ShouldBe(ErrorCodes.TooLarge);
        ProblemDetailsMapping.Map(new InvalidOperationException("boom")).Status.ShouldBe(500);
    }

    [Fact]
    public void Validation_collects_every_field_error()
    {
        var validation = new Validation()
            .Required("", "name", "Informe o nome.")
            .Required(null, "email", "Informe o e-mail.")
            .Positive(0, "quantity", "A quantidade deve ser maior que zero.");

        var error = Should.Throw<AppException>(() => validation.ThrowIfInvalid());
        error.Code.ShouldBe(ErrorCodes.Validation);
        error.Errors!.Keys.ShouldBe(["name", "email", "quantity"], ignoreOrder: true);
    }
}
