using System.Security.Cryptography;
using System.Text;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// The random secrets we e-mail or hand out (confirmation, reset and invitation links, refresh tokens): 32 random
/// bytes, base64url. Only their SHA-256 is stored, so a read of the directory table cannot be replayed as a login.
/// </summary>
public static class OneTimeTokens
{
    /// <summary>Length of 32 bytes in base64url without padding.</summary>
    public const int Length = 43;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Lower-case hex SHA-256 (a safe table key: no '/', '+' or '=' as base64 would have).</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for something we could have issued; anything else is refused without a storage read.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
