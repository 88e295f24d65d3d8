namespace CrmSaaS.Functions.Platform;

/// <summary>Stable, English error codes: clients switch on these, never on the pt-BR text.</summary>
public static class ErrorCodes
{
    public const string Validation = "validation";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string Duplicate = "duplicate";
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    public const string InvalidState = "invalid_state";
    public const string BillingBlocked = "billing_blocked";
    public const string TooLarge = "too_large";
    public const string RateLimited = "rate_limited";
    public const string Internal = "internal";
}

/// <summary>
/// An error the user should see: mapped once, in <see cref="ProblemDetailsMapping"/>, to an RFC 9457
/// ProblemDetails with <see cref="Code"/> and the pt-BR <see cref="Exception.Message"/> as detail.
/// </summary>
public sealed class AppException : Exception
{
    public AppException(int status, string code, string detail, IDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Status = status;
        Code = code;
        Errors = errors;
    }

    public AppException()
        : this(500, ErrorCodes.Internal, "Erro inesperado.")
    {
    }

    public AppException(string message)
        : this(500, ErrorCodes.Internal, message)
    {
    }

    public AppException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Code = ErrorCodes.Internal;
    }

    public int Status { get; }
    public string Code { get; }
    public IDictionary<string, string[]>? Errors { get; }
    public Dictionary<string, object?> Extensions { get; } = new();

    public static AppException NotFound(string detail = "Registro não encontrado.") =>
        new(404, ErrorCodes.NotFound, detail);

    public static AppException Conflict(string detail) => new(409, ErrorCodes.Conflict, detail);

    public static AppException Duplicate(string detail) => new(409, ErrorCodes.Duplicate, detail);

    public static AppException InvalidState(string detail) => new(409, ErrorCodes.InvalidState, detail);

    public static AppException Forbidden(string detail = "Você não tem permissão para esta ação.") =>
        new(403, ErrorCodes.Forbidden, detail);

    public static AppException Validation(string field, string message) =>
        new(400, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static AppException Validation(IDictionary<string, string[]> errors)
    {
        var first = errors.Values.SelectMany(v => v).FirstOrDefault() ?? "Dados inválidos.";
        var detail = errors.Count == 1 ? first : "Alguns campos são inválidos: " + first;
        return new AppException(400, ErrorCodes.Validation, detail, errors);
    }
}
