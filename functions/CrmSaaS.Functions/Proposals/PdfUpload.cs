using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.Features;

namespace CrmSaaS.Functions.Proposals;

/// <summary>
/// Reads one uploaded PDF from a <c>multipart/form-data</c> request (field <c>file</c>). The type is decided by the
/// content, never by the name or the declared content type: a PDF starts with <c>%PDF-</c> and ends with <c>%%EOF</c>
/// (ISO 32000-1 §7.5.2 and §7.5.5; readers tolerate trailing whitespace after the marker).
/// </summary>
public static class PdfUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string FieldName = "file";

    private const string TooLargeDetail = "O arquivo tem mais de 10 MB. Envie um PDF menor.";

    // Room for the multipart boundaries and part headers around a file of exactly MaxBytes.
    private const long EnvelopeAllowance = 64 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBytes + EnvelopeAllowance)
        {
            throw new AppException(413, ErrorCodes.TooLarge, TooLargeDetail);
        }

        if (!request.HasFormContentType || !(request.ContentType ?? "").Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.Validation(FieldName, "Envie o arquivo como multipart/form-data, no campo \"file\".");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + EnvelopeAllowance;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes + EnvelopeAllowance }, ct);
        }
        catch (InvalidDataException)
        {
            throw new AppException(413, ErrorCodes.TooLarge, TooLargeDetail);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new AppException(413, ErrorCodes.TooLarge, TooLargeDetail);
        }

        var file = form.Files.GetFile(FieldName) ?? throw AppException.Validation(FieldName, "Selecione o arquivo PDF a enviar.");
        if (file.Length > MaxBytes)
        {
            throw new AppException(413, ErrorCodes.TooLarge, TooLargeDetail);
        }

        if (file.Length == 0)
        {
            throw AppException.Validation(FieldName, "O arquivo enviado está vazio.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        if (!IsPdf(content))
        {
            throw AppException.Validation(FieldName, "O arquivo enviado não é um PDF válido. Envie o contrato digitalizado em PDF.");
        }

        return content;
    }

    /// <summary>True when the bytes start with <c>%PDF-</c> and end with <c>%%EOF</c> (trailing whitespace allowed).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith("%PDF-"u8))
        {
            return false;
        }

        var end = content.Length;
        while (end > 0 && content[end - 1] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0)
        {
            end--;
        }

        return end > 5 && content[..end].EndsWith("%%EOF"u8);
    }
}
