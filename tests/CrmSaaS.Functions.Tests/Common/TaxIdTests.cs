using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Common;

public class TaxIdTests
{
    // Official example of the alphanumeric CNPJ published by Receita Federal/SERPRO (IN RFB 2.229/2024).
    private const string OfficialAlphanumericCnpj = "12.ABC.345/01DE-35";

    [Theory]
    [InlineData("12.ABC.345/01DE-35")]
    [InlineData("12ABC34501DE35")]
    [InlineData("12.abc.345/01de-35")]
    [InlineData(" 12 ABC 345 01DE 35 ")]
    public void Official_alphanumeric_example_is_accepted_in_any_typing(string input)
    {
        TaxId.TryParse(input, out var cnpj).ShouldBeTrue();

        cnpj.Kind.ShouldBe(TaxIdKind.Cnpj);
        cnpj.Value.ShouldBe("12ABC34501DE35");
        cnpj.Formatted.ShouldBe(OfficialAlphanumericCnpj);
        cnpj.IsAlphanumeric.ShouldBeTrue();
        TaxId.Validate(input).ShouldBeNull();
    }

    [Theory]
    [InlineData("12.ABC.345/01DE-00")]
    [InlineData("12.ABC.345/01DE-36")]
    [InlineData("12.ABC.345/01DF-35")]
    public void Alphanumeric_cnpj_with_wrong_check_digits_is_rejected(string input)
    {
        TaxId.TryParse(input, out _).ShouldBeFalse();
        TaxId.Validate(input).ShouldBe("CNPJ inválido: dígitos verificadores não conferem.");
    }

    [Theory]
    [InlineData("11.222.333/0001-81", "11222333000181")]
    [InlineData("00.000.000/0001-91", "00000000000191")]
    [InlineData("01761135000132", "01761135000132")]
    public void Numeric_cnpj_is_still_valid(string input, string normalised)
    {
        var cnpj = TaxId.Parse(input);

        cnpj.Kind.ShouldBe(TaxIdKind.Cnpj);
        cnpj.Value.ShouldBe(normalised);
        cnpj.IsAlphanumeric.ShouldBeFalse();
        cnpj.ToString().ShouldBe(normalised);
    }

    [Fact]
    public void Cnpj_is_displayed_with_its_mask()
    {
        TaxId.Parse("11222333000181").Formatted.ShouldBe("11.222.333/0001-81");
    }

    [Fact]
    public void Mistyping_any_single_character_as_its_neighbour_breaks_a_valid_cnpj()
    {
        // Neighbours (value ± 1) are always caught. Modulo 11 cannot catch a swap between characters whose
        // values differ by 11 (e.g. B = 18 and 7), a known property of the alphanumeric format.
        const string valid = "12ABC34501DE35";
        for (var position = 0; position < valid.Length; position++)
        {
            var replacement = valid[position] switch { '9' => '8', 'Z' => 'Y', var c => (char)(c + 1) };
            var typo = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));

            TaxId.TryParse(typo, out _).ShouldBeFalse($"typo at position {position}: {typo}");
        }
    }

    [Fact]
    public void All_zero_cnpj_is_rejected_although_its_check_digits_add_up()
    {
        TaxId.Validate("00.000.000/0000-00").ShouldBe("CNPJ inválido: todos os dígitos são iguais.");
    }

    [Fact]
    public void Cnpj_whose_check_digit_positions_hold_letters_is_rejected()
    {
        TaxId.Validate("12ABC34501DEAB")
            .ShouldBe("CNPJ inválido: os dois últimos caracteres (dígitos verificadores) devem ser números.");
    }

    [Theory]
    [InlineData("529.982.247-25", "52998224725", "529.982.247-25")]
    [InlineData("11144477735", "11144477735", "111.444.777-35")]
    public void Valid_cpf_is_normalised_and_formatted(string input, string normalised, string formatted)
    {
        TaxId.TryParse(input, out var cpf).ShouldBeTrue();

        cpf.Kind.ShouldBe(TaxIdKind.Cpf);
        cpf.Value.ShouldBe(normalised);
        cpf.Formatted.ShouldBe(formatted);
    }

    [Fact]
    public void Cpf_with_wrong_check_digits_is_rejected()
    {
        TaxId.Validate("529.982.247-26").ShouldBe("CPF inválido: dígitos verificadores não conferem.");
    }

    [Fact]
    public void Cpf_of_one_repeated_digit_is_rejected_although_its_check_digits_add_up()
    {
        TaxId.Validate("111.111.111-11").ShouldBe("CPF inválido: todos os dígitos são iguais.");
    }

    [Fact]
    public void Cpf_with_letters_is_rejected()
    {
        TaxId.Validate("529.982.24A-25").ShouldBe("CPF inválido: o CPF contém apenas dígitos.");
    }

    [Theory]
    [InlineData("123")]
    [InlineData("5299822472")]
    [InlineData("112223330001811")]
    [InlineData("11.222.333/0001-8#")]
    [InlineData("529_982_247_25")]
    public void Wrong_length_or_characters_ask_for_cpf_or_cnpj(string input)
    {
        TaxId.Validate(input).ShouldBe("Informe um CPF (11 dígitos) ou CNPJ (14 caracteres).");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_input_asks_for_the_number(string? input)
    {
        TaxId.Validate(input).ShouldBe("Informe o CPF ou CNPJ.");
        TaxId.TryParse(input, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_of_invalid_input_throws_with_the_user_message()
    {
        var exception = Should.Throw<FormatException>(() => TaxId.Parse("11.222.333/0001-80"));

        exception.Message.ShouldBe("CNPJ inválido: dígitos verificadores não conferem.");
    }

    [Fact]
    public void The_same_number_typed_differently_is_equal()
    {
        TaxId.Parse("11.222.333/0001-81").ShouldBe(TaxId.Parse("11222333000181"));
        TaxId.Parse("12abc34501de35").ShouldBe(TaxId.Parse(OfficialAlphanumericCnpj));
        TaxId.Parse("11222333000181").ShouldNotBe(TaxId.Parse(OfficialAlphanumericCnpj));
    }
}
