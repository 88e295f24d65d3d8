namespace CrmSaaS.Functions.Common;

public enum TaxIdKind
{
    Cpf,
    Cnpj,
}

/// <summary>
/// A Brazilian federal tax id (CPF of a person, CNPJ of a company) whose check digits were verified.
/// Stored and compared in its normalised form (no punctuation, upper case), shown with <see cref="Formatted"/>.
/// </summary>
/// <remarks>
/// Check-digit rules (modulo 11, remainder 0 or 1 gives digit 0, otherwise 11 - remainder):
/// <list type="bullet">
/// <item>CPF: 9 digits + 2 check digits, weights 10..2 then 11..2; numbers made of one repeated digit are
/// rejected because they pass the arithmetic but are never issued.</item>
/// <item>CNPJ: 12 characters + 2 numeric check digits, weights 5,4,3,2,9,8,7,6,5,4,3,2 then
/// 6,5,4,3,2,9,8,7,6,5,4,3,2. From July 2026 the 12 first characters may be letters A-Z (IN RFB 2.229/2024,
/// Nota Técnica COCAD/SUARA/RFB nº 49/2024, SERPRO's "Cálculo dos dígitos verificadores do CNPJ alfanumérico"):
/// every character is worth its ASCII code minus 48, so digits keep their value (0..9) and A = 17 … Z = 42,
/// which keeps every numeric CNPJ valid under the same routine. Official example: 12.ABC.345/01DE-35.</item>
/// </list>
/// </remarks>
public readonly record struct TaxId
{
    private static readonly int[] CnpjFirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjSecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    private readonly string? _value;

    private TaxId(TaxIdKind kind, string value)
    {
        Kind = kind;
        _value = value;
    }

    public TaxIdKind Kind { get; }

    /// <summary>Normalised: 11 digits (CPF) or 14 characters [0-9A-Z]{12}[0-9]{2} (CNPJ).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>CNPJ <c>XX.XXX.XXX/XXXX-XX</c>, CPF <c>XXX.XXX.XXX-XX</c>.</summary>
    public string Formatted => Kind == TaxIdKind.Cpf
        ? $"{Value[..3]}.{Value[3..6]}.{Value[6..9]}-{Value[9..]}"
        : $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    /// <summary>True for a CNPJ of the alphanumeric format (at least one letter in its first 12 characters).</summary>
    public bool IsAlphanumeric => Kind == TaxIdKind.Cnpj && Value.Any(char.IsAsciiLetterUpper);

    public override string ToString() => Value;

    public static bool TryParse(string? input, out TaxId taxId)
    {
        var error = Check(input, out taxId);
        return error is null;
    }

    /// <exception cref="FormatException">With the pt-BR message of <see cref="Validate"/>.</exception>
    public static TaxId Parse(string? input)
    {
        var error = Check(input, out var taxId);
        return error is null ? taxId : throw new FormatException(error);
    }

    /// <summary>Null when <paramref name="input"/> is a valid CPF or CNPJ, otherwise a message fit to show a user.</summary>
    public static string? Validate(string? input) => Check(input, out _);

    private static string? Check(string? input, out TaxId taxId)
    {
        taxId = default;
        if (string.IsNullOrWhiteSpace(input))
            return "Informe o CPF ou CNPJ.";

        var normalised = Normalise(input);
        if (normalised is null)
            return "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres).";

        switch (normalised.Length)
        {
            case 11:
                if (!normalised.All(char.IsAsciiDigit))
                    return "CPF inválido: o CPF contém apenas dígitos.";
                if (AllSame(normalised))
                    return "CPF inválido: todos os dígitos são iguais.";
                if (!normalised.AsSpan(9).SequenceEqual(CpfCheckDigits(normalised.AsSpan(0, 9))))
                    return "CPF inválido: dígitos verificadores não conferem.";
                taxId = new TaxId(TaxIdKind.Cpf, normalised);
                return null;
            case 14:
                if (!char.IsAsciiDigit(normalised[12]) || !char.IsAsciiDigit(normalised[13]))
                    return "CNPJ inválido: os dois últimos caracteres (dígitos verificadores) devem ser números.";
                if (AllSame(normalised))
                    return "CNPJ inválido: todos os dígitos são iguais.";
                if (!normalised.AsSpan(12).SequenceEqual(CnpjCheckDigits(normalised.AsSpan(0, 12))))
                    return "CNPJ inválido: dígitos verificadores não conferem.";
                taxId = new TaxId(TaxIdKind.Cnpj, normalised);
                return null;
            default:
                return "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres).";
        }
    }

    /// <summary>Upper case without the punctuation people type ('.', '-', '/', spaces); null if anything else is left.</summary>
    private static string? Normalise(string input)
    {
        var chars = new List<char>(input.Length);
        foreach (var c in input)
        {
            if (c is '.' or '-' or '/' || char.IsWhiteSpace(c))
                continue;
            var upper = char.ToUpperInvariant(c);
            if (!char.IsAsciiDigit(upper) && !char.IsAsciiLetterUpper(upper))
                return null;
            chars.Add(upper);
        }
        return new string([.. chars]);
    }

    private static bool AllSame(string value) => value.All(c => c == value[0]);

    internal static string CpfCheckDigits(ReadOnlySpan<char> body9)
    {
        Span<int> values = stackalloc int[10];
        for (var i = 0; i < 9; i++)
            values[i] = body9[i] - '0';
        values[9] = Modulo11(values[..9], weightStart: 10);
        var second = Modulo11(values, weightStart: 11);
        return $"{values[9]}{second}";
    }

    /// <summary>The two check digits of a 12-character CNPJ body ([0-9A-Z], value = ASCII - 48).</summary>
    internal static string CnpjCheckDigits(ReadOnlySpan<char> body12)
    {
        Span<int> values = stackalloc int[13];
        for (var i = 0; i < 12; i++)
            values[i] = body12[i] - 48;
        values[12] = Modulo11(values[..12], CnpjFirstWeights);
        var second = Modulo11(values, CnpjSecondWeights);
        return $"{values[12]}{second}";
    }

    private static int Modulo11(ReadOnlySpan<int> values, int weightStart)
    {
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
            sum += values[i] * (weightStart - i);
        return DigitFromSum(sum);
    }

    private static int Modulo11(ReadOnlySpan<int> values, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
            sum += values[i] * weights[i];
        return DigitFromSum(sum);
    }

    private static int DigitFromSum(int sum)
    {
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
