using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Common;

public class TaxIdGeneratorTests
{
    private const int Samples = 500;

    [Fact]
    public void Generated_cpfs_are_valid_and_varied()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, Samples).Select(_ => TaxIdGenerator.Cpf(random)).ToList();

        values.ShouldAllBe(cpf => cpf.Kind == TaxIdKind.Cpf && TaxId.Validate(cpf.Formatted) == null);
        values.Select(x => x.Value).Distinct().Count().ShouldBeGreaterThan(Samples - 5);
    }

    [Fact]
    public void Generated_numeric_cnpjs_are_valid_head_offices()
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, Samples).Select(_ => TaxIdGenerator.Cnpj(random)).ToList();

        values.ShouldAllBe(cnpj =>
            cnpj.Kind == TaxIdKind.Cnpj
            && !cnpj.IsAlphanumeric
            && cnpj.Value.Substring(8, 4) == "0001"
            && TaxId.Validate(cnpj.Value) == null);
    }

    [Fact]
    public void Generated_alphanumeric_cnpjs_are_valid_and_contain_letters()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, Samples).Select(_ => TaxIdGenerator.AlphanumericCnpj(random)).ToList();

        values.ShouldAllBe(cnpj =>
            cnpj.IsAlphanumeric
            && char.IsAsciiDigit(cnpj.Value[12])
            && char.IsAsciiDigit(cnpj.Value[13])
            && TaxId.Validate(cnpj.Formatted.ToLowerInvariant()) == null);
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers()
    {
        TaxIdGenerator.AlphanumericCnpj(new Random(42)).ShouldBe(TaxIdGenerator.AlphanumericCnpj(new Random(42)));
    }
}
