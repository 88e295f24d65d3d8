using System.Security.Cryptography;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Time-ordered, lexicographically sortable ids (ULID layout: 48-bit milliseconds + 80 random bits, Crockford
/// base32, 26 characters), so row keys of new records sort by creation time.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => New(DateTimeOffset.UtcNow);

    public static string New(DateTimeOffset at)
    {
        Span<char> chars = stackalloc char[26];
        var time = at.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(time & 31)];
            time >>= 5;
        }

        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        for (var i = 10; i < 26; i++)
        {
            chars[i] = Alphabet[random[i - 10] & 31];
        }

        return new string(chars);
    }

    /// <summary>True for ids this app could have issued; lets endpoints answer 404 early for junk ids.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: >= 1 and <= 80 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
