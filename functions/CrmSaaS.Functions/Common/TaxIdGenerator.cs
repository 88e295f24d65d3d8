namespace CrmSaaS.Functions.Common;

/// <summary>Random valid CPF/CNPJ numbers for tests, seed data and benchmarks (never for real records).</summary>
public static class TaxIdGenerator
{
    private const string Digits = "0123456789";
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static TaxId Cpf(Random random)
    {
        while (true)
        {
            var body = RandomChars(random, Digits, 9);
            var value = body + TaxId.CpfCheckDigits(body);
            // Retried rather than special-cased: a body of one repeated digit is rejected by TaxId.
            if (TaxId.TryParse(value, out var cpf))
                return cpf;
        }
    }

    /// <summary>A numeric CNPJ of a head office (branch 0001), the shape most customers have.</summary>
    public static TaxId Cnpj(Random random)
    {
        while (true)
        {
            var body = RandomChars(random, Digits, 8) + "0001";
            if (TaxId.TryParse(body + TaxId.CnpjCheckDigits(body), out var cnpj))
                return cnpj;
        }
    }

    /// <summary>An alphanumeric CNPJ (format in force from July 2026) with at least one letter.</summary>
    public static TaxId AlphanumericCnpj(Random random)
    {
        while (true)
        {
            var body = RandomChars(random, Alphanumerics, 12);
            if (!body.Any(char.IsAsciiLetterUpper))
                continue;
            if (TaxId.TryParse(body + TaxId.CnpjCheckDigits(body), out var cnpj))
                return cnpj;
        }
    }

    private static string RandomChars(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
