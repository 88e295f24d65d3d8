using System.Globalization;
using System.Net.Mail;
using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Customers;

/// <summary>
/// What every CRM record answer carries: the ETag to send back in If-Match and the who/when stamps.
/// </summary>
public abstract record StampedRecord
{
    public string Etag { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
}

/// <summary>
/// Conventions shared by the record features (customers, accounts, catalogue, solutions, contracts): stamps, the
/// ETag check, the "in use" refusal, reference rows and small field rules.
/// </summary>
public static class RecordConventions
{
    /// <summary>409 code for "this record is referenced elsewhere and cannot be deleted".</summary>
    public const string InUseCode = "in_use";

    public static AppException InUse(string detail) => new(409, InUseCode, detail);

    /// <summary>Copies the ETag and stamps of the stored row into an answer record.</summary>
    public static T WithStamps<T>(this T record, TableEntity row)
        where T : StampedRecord
    {
        StampedRecord stamped = record;
        return (T)(stamped with
        {
            Etag = row.ETag.ToString(),
            CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
            CreatedBy = row.GetString("CreatedBy") ?? "",
            UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
            UpdatedBy = row.GetString("UpdatedBy") ?? "",
        });
    }

    /// <summary>Sets the ETag header of a single-record answer (the body carries the same value as <c>etag</c>).</summary>
    public static T WithETagHeader<T>(this T record, HttpResponse response)
        where T : StampedRecord
    {
        response.Headers.ETag = record.Etag;
        return record;
    }

    /// <summary>
    /// Refuses a write made from a stale read before any other work is done; the batch itself is guarded by the
    /// same ETag, so a change that lands between this check and the write still fails with 412.
    /// </summary>
    public static void EnsureCurrent(TableEntity row, ETag ifMatch)
    {
        if (ifMatch != ETag.All && ifMatch != row.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }

    /// <summary>Route ids that this app could not have issued are a plain 404 (and never reach a row key).</summary>
    public static string RequireId(string? id, string notFoundDetail) =>
        Ids.IsWellFormed(id) ? id! : throw AppException.NotFound(notFoundDetail);

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ReadDate(TableEntity row, string key) =>
        DateOnly.TryParseExact(row.GetString(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>Sets a property, or removes it when empty (Table Storage keeps no nulls; a Replace drops it).</summary>
    public static void SetOptional(this TableEntity row, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            row.Remove(key);
        }
        else
        {
            row[key] = value;
        }
    }

    /// <summary>
    /// A reference row <c>ref|&lt;targetKind&gt;|&lt;targetId&gt;|&lt;sourceKind&gt;|&lt;sourceId&gt;</c>: "the source uses the
    /// target". Written in the same batch as the source, so "is this service in use?" is one single-row range scan.
    /// </summary>
    public static string RefKey(string targetKind, string targetId, string sourceKind, string sourceId) =>
        KeyRange.Key("ref", targetKind, targetId, sourceKind, sourceId);

    public static string RefPrefix(string targetKind, string targetId) => KeyRange.Key("ref", targetKind, targetId) + "|";

    public static TableEntity NewRef(TenantTable table, string targetKind, string targetId, string sourceKind, string sourceId, string sourceLabel)
    {
        var row = table.NewEntity(RefKey(targetKind, targetId, sourceKind, sourceId));
        row["TargetKind"] = targetKind;
        row["TargetId"] = targetId;
        row["SourceKind"] = sourceKind;
        row["SourceId"] = sourceId;
        row["SourceLabel"] = sourceLabel;
        return row;
    }

    /// <summary>
    /// Keeps the <c>ref|&lt;targetKind&gt;|…|&lt;sourceKind&gt;|&lt;sourceId&gt;</c> rows of one source in step with the targets it
    /// now uses: deletes the rows of targets no longer used and (re)writes the others, for the source's own batch.
    /// </summary>
    public static IEnumerable<TableTransactionAction> RefActions(
        TenantTable table, string targetKind, IReadOnlySet<string> oldTargets, IReadOnlySet<string> newTargets,
        string sourceKind, string sourceId, string sourceLabel)
    {
        foreach (var removed in oldTargets.Where(t => !newTargets.Contains(t)).Order(StringComparer.Ordinal))
        {
            yield return new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(RefKey(targetKind, removed, sourceKind, sourceId)));
        }

        foreach (var target in newTargets.Order(StringComparer.Ordinal))
        {
            yield return new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, NewRef(table, targetKind, target, sourceKind, sourceId, sourceLabel));
        }
    }

    /// <summary>
    /// The first opportunity (<c>opportunity|&lt;id&gt;</c>, owned by the pipeline feature) whose <paramref name="property"/>
    /// equals <paramref name="value"/>, or null. Opportunities keep no index by account or solution, so this is a
    /// server-filtered scan of the tenant's opportunities: acceptable for the rare delete that needs it.
    /// </summary>
    public static async Task<TableEntity?> FirstOpportunityWhereAsync(this TenantTable table, string property, string value, CancellationToken ct)
    {
        // The property name is ours (a constant); only the value is data, quoted by CreateQueryFilter.
        var filter = property + " eq " + TableClient.CreateQueryFilter($"{value}");
        var page = await table.ScanPageAsync("opportunity|", 1, null, andFilter: filter, select: ["Title"], ct: ct);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    /// <summary>The first row under <paramref name="prefix"/>, or null: one request.</summary>
    public static async Task<TableEntity?> FirstUnderAsync(this TenantTable table, string prefix, CancellationToken ct)
    {
        var page = await table.ScanPageAsync(prefix, 1, null, ct: ct);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }
}

/// <summary>Field rules shared by customers, contacts, sites and accounts (pt-BR messages).</summary>
public static class FieldRules
{
    public static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal)
    {
        "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI",
        "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
    };

    public static string? Email(Validation validation, string? value, string field)
    {
        var email = RecordConventions.Clean(value);
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = email.Length <= 254
            && MailAddress.TryCreate(email, out var address)
            && string.Equals(address.Address, email, StringComparison.Ordinal)
            && at > 0
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.');
        validation.Check(valid, field, "Informe um e-mail válido (ex.: nome@empresa.com.br).");
        return email.ToLowerInvariant();
    }

    /// <summary>Brazilian phone with area code: 10 digits (landline) or 11 (mobile), optionally with country code 55.</summary>
    public static string? Phone(Validation validation, string? value, string field)
    {
        var phone = RecordConventions.Clean(value);
        if (phone is null)
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var onlyPhoneChars = phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '+' or '.');
        var valid = onlyPhoneChars && (digits.Length is 10 or 11 || (digits.Length is 12 or 13 && digits.StartsWith("55", StringComparison.Ordinal)));
        validation.Check(valid, field, "Telefone inválido: informe DDD e número (10 ou 11 dígitos).");
        return phone;
    }

    public static string? State(Validation validation, string? value, string field)
    {
        var state = RecordConventions.Clean(value)?.ToUpperInvariant();
        if (state is null)
        {
            return null;
        }

        validation.Check(States.Contains(state), field, "UF inválida: informe a sigla do estado (ex.: SP).");
        return state;
    }

    /// <summary>CEP stored as its 8 digits.</summary>
    public static string? PostalCode(Validation validation, string? value, string field)
    {
        var cep = RecordConventions.Clean(value);
        if (cep is null)
        {
            return null;
        }

        var digits = cep.Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var valid = digits.Length == 8 && digits.All(char.IsAsciiDigit);
        validation.Check(valid, field, "CEP inválido: informe os 8 dígitos (ex.: 01310-100).");
        return digits;
    }

    /// <summary>The IBGE code of a municipality (7 digits), needed by the NFS-e.</summary>
    public static string? CityIbgeCode(Validation validation, string? value, string field)
    {
        var code = RecordConventions.Clean(value);
        if (code is null)
        {
            return null;
        }

        validation.Check(code.Length == 7 && code.All(char.IsAsciiDigit), field, "Código IBGE do município inválido: informe os 7 dígitos.");
        return code;
    }

    public static string? Text(Validation validation, string? value, int max, string field, string label)
    {
        var text = RecordConventions.Clean(value);
        validation.MaxLength(text, max, field, label);
        return text;
    }

    public static string RequiredText(Validation validation, string? value, int max, string field, string requiredMessage, string label)
    {
        var text = RecordConventions.Clean(value);
        validation.Required(text, field, requiredMessage);
        validation.MaxLength(text, max, field, label);
        return text ?? "";
    }
}
