using System.Text.Json;
using Azure;
using CrmSaaS.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// The one place where exceptions become RFC 9457 ProblemDetails with a stable <c>code</c> and a pt-BR
/// <c>detail</c>. Storage conflicts surface here too, so no endpoint can turn a stale write into a silent overwrite.
/// </summary>
public sealed class ProblemDetailsMapping(IProblemDetailsService problemDetails, ILogger<ProblemDetailsMapping> logger)
    : IExceptionHandler
{
    public const string ConflictDetail =
        "Este registro foi alterado por outra pessoa depois que você o abriu. Recarregue e tente novamente.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, errors, extensions) = Map(exception);
        if (status >= 500 || exception is InvalidOperationException)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("Request refused with {Status} {Code}: {Detail}", status, code, detail);
        }

        httpContext.Response.StatusCode = status;
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static (int Status, string Code, string Detail, IDictionary<string, string[]>? Errors, IReadOnlyDictionary<string, object?> Extensions)
        Map(Exception exception)
    {
        var none = new Dictionary<string, object?>();
        return exception switch
        {
            AppException app => (app.Status, app.Code, app.Message, app.Errors, app.Extensions),
            TableTransactionFailedException { Status: 412 } or RequestFailedException { Status: 412 } =>
                (412, ErrorCodes.Conflict, ConflictDetail, null, none),
            RequestFailedException { Status: 404, ErrorCode: "TableNotFound" or "ContainerNotFound" or "QueueNotFound" } =>
                (500, ErrorCodes.Internal, "Erro de configuração do armazenamento. Tente novamente; se persistir, contate o suporte.", null, none),
            RequestFailedException { Status: 404 } =>
                (404, ErrorCodes.NotFound, "Registro não encontrado.", null, none),
            RequestFailedException { Status: 409 } =>
                (409, ErrorCodes.Conflict, "Este registro já existe ou foi alterado ao mesmo tempo por outra pessoa. Recarregue e tente novamente.", null, none),
            StorageLimitException =>
                (400, ErrorCodes.TooLarge, "O registro excede o tamanho permitido. Reduza o texto ou a quantidade de itens.", null, none),
            BadHttpRequestException { InnerException: JsonException } or JsonException =>
                (400, ErrorCodes.Validation, "O corpo da requisição não é um JSON válido para esta operação.", null, none),
            BadHttpRequestException bad =>
                (bad.StatusCode, ErrorCodes.Validation, "Requisição inválida: verifique os parâmetros enviados.", null, none),
            OperationCanceledException =>
                (499, "cancelled", "A requisição foi cancelada.", null, none),
            _ => (500, ErrorCodes.Internal, "Erro inesperado. Tente novamente; se persistir, contate o suporte.", null, none),
        };
    }

    internal static string TitleFor(int status) => status switch
    {
        400 => "Dados inválidos",
        401 => "Não autenticado",
        403 => "Acesso negado",
        404 => "Não encontrado",
        409 => "Conflito",
        412 => "Conflito de edição",
        413 => "Arquivo muito grande",
        415 => "Tipo de arquivo não suportado",
        429 => "Muitas requisições",
        _ => status >= 500 ? "Erro interno" : "Erro",
    };

    /// <summary>
    /// Status codes produced without an exception (unknown route, auth challenge, rate limit) still answer ProblemDetails.
    /// </summary>
    public static async Task WriteStatusCodeProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (code, detail) = status switch
        {
            401 => (ErrorCodes.Unauthorized, "Sessão inválida ou expirada: faça login novamente."),
            403 => (ErrorCodes.Forbidden, "Você não tem permissão para esta ação."),
            404 => (ErrorCodes.NotFound, "Recurso não encontrado."),
            405 => ("method_not_allowed", "Operação não permitida neste endereço."),
            415 => ("unsupported_media_type", "Tipo de conteúdo não suportado: envie JSON."),
            429 => (ErrorCodes.RateLimited, "Muitas tentativas em pouco tempo. Aguarde um minuto e tente novamente."),
            _ => (ErrorCodes.Internal, "Erro ao processar a requisição."),
        };
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
        };
        problem.Extensions["code"] = code;
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
