using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;

namespace CrmSaaS.Functions.Contracts;

public sealed record ContractFields(
    string CustomerId,
    string Title,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Recurrence,
    IReadOnlyList<ServiceLine> Items,
    string? Notes,
    string? OpportunityId);

/// <summary>Contract rules (no I/O): field validation and the status life cycle.</summary>
public static class ContractRules
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Ended = "ended";

    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";
    public const string Yearly = "yearly";
    public const string Once = "once";

    public static readonly IReadOnlyList<string> Statuses = [Draft, Active, Suspended, Ended];
    public static readonly IReadOnlyList<string> Recurrences = [Monthly, Quarterly, Yearly, Once];

    /// <summary>
    /// draft → active (signed); active ⇄ suspended; active or suspended → ended. A draft that will not be signed is
    /// deleted, and an ended contract stays ended (inventory and billing history point at it).
    /// </summary>
    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        [Draft] = [Active],
        [Active] = [Suspended, Ended],
        [Suspended] = [Active, Ended],
        [Ended] = [],
    };

    public static string StatusLabel(string status) => status switch
    {
        Draft => "rascunho",
        Active => "ativo",
        Suspended => "suspenso",
        Ended => "encerrado",
        _ => status,
    };

    public static ContractFields Validate(
        ContractRequest request, IReadOnlyDictionary<string, Service> services, IReadOnlyDictionary<string, Category> categories)
    {
        var v = new Validation();
        var customerId = RecordConventions.Clean(request.CustomerId);
        v.Required(customerId, "customerId", "Informe o cliente do contrato.");
        var title = FieldRules.RequiredText(v, request.Title, 120, "title", "Informe o título do contrato.", "O título");
        if (request.StartDate is null)
        {
            v.Add("startDate", "Informe a data de início do contrato.");
        }
        else if (request.EndDate is { } end && end < request.StartDate.Value)
        {
            v.Add("endDate", "A data de término não pode ser anterior à data de início.");
        }

        var recurrence = RecordConventions.Clean(request.Recurrence)?.ToLowerInvariant();
        v.Check(recurrence is not null && Recurrences.Contains(recurrence), "recurrence",
            "Informe a recorrência: monthly (mensal), quarterly (trimestral), yearly (anual) ou once (única).");
        var items = ServiceLineRules.Validate(v, request.Items, "items", serviceRequired: false,
            "Inclua ao menos um item no contrato.", services, categories);
        var notes = FieldRules.Text(v, request.Notes, 2000, "notes", "As observações");
        var opportunityId = RecordConventions.Clean(request.OpportunityId);
        v.Check(opportunityId is null || Ids.IsWellFormed(opportunityId), "opportunityId", "Oportunidade inválida.");
        v.ThrowIfInvalid();
        return new ContractFields(customerId!, title, request.StartDate!.Value, request.EndDate, recurrence!, items, notes, opportunityId);
    }

    /// <summary>Parses the requested status (400 when unknown) and checks the move (409 <c>invalid_state</c> when not allowed).</summary>
    public static string CheckMove(string from, string? requested)
    {
        var to = RecordConventions.Clean(requested)?.ToLowerInvariant();
        if (to is null || !Statuses.Contains(to))
        {
            throw AppException.Validation("status", "Situação inválida: use draft, active, suspended ou ended.");
        }

        if (!Moves.TryGetValue(from, out var allowed) || !allowed.Contains(to))
        {
            throw AppException.InvalidState($"Um contrato {StatusLabel(from)} não pode passar para {StatusLabel(to)}.");
        }

        return to;
    }

    public static string? ListStatus(string? status)
    {
        var value = RecordConventions.Clean(status)?.ToLowerInvariant();
        if (value is not null && !Statuses.Contains(value))
        {
            throw AppException.Validation("status", "Situação inválida: use draft, active, suspended ou ended.");
        }

        return value;
    }
}
