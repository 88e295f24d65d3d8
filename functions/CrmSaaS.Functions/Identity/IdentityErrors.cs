using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Identity;

/// <summary>The identity feature's refusals: stable codes for clients, pt-BR details for people.</summary>
public static class IdentityErrors
{
    public const string InvalidCredentials = "invalid_credentials";
    public const string LockedOut = "locked_out";
    public const string AccountDisabled = "account_disabled";
    public const string InvalidToken = "invalid_token";
    public const string LastAdmin = "last_admin";

    /// <summary>Never says whether the e-mail or the password was wrong (no account enumeration).</summary>
    public static AppException WrongCredentials() =>
        new(401, InvalidCredentials, "E-mail ou senha incorretos.");

    public static AppException Locked(int minutes)
    {
        var error = new AppException(429, LockedOut,
            $"Muitas tentativas de login com senha incorreta. Por segurança, o acesso a esta conta foi bloqueado por {minutes} minuto(s). "
            + "Aguarde e tente novamente, ou redefina a senha.");
        error.Extensions["retryAfterMinutes"] = minutes;
        return error;
    }

    public static AppException Disabled() =>
        new(403, AccountDisabled, "Seu acesso foi desativado. Fale com o administrador da sua empresa.");

    public static AppException CustomerAccessDisabled() =>
        new(403, AccountDisabled, "O acesso à área do cliente foi desativado. Fale com a empresa que enviou o convite.");

    public static AppException BadToken(string detail) => new(400, InvalidToken, detail);

    public static AppException SessionEnded() =>
        new(401, ErrorCodes.Unauthorized, "Sua sessão terminou: faça login novamente.");

    public static AppException TenantNotFound() =>
        AppException.NotFound("Área do cliente não encontrada: verifique o endereço que você recebeu.");
}

/// <summary>What a stored token is for; a token is accepted only for its own purpose.</summary>
public static class TokenPurposes
{
    public const string ConfirmEmail = "confirm-email";
    public const string PasswordReset = "password-reset";
    public const string StaffInvitation = "staff-invitation";
    public const string StaffRefresh = "staff-refresh";
    public const string CustomerInvitation = "customer-invitation";
    public const string CustomerPasswordReset = "customer-password-reset";
    public const string CustomerRefresh = "customer-refresh";
}
