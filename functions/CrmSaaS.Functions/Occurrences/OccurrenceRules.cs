using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Occurrences;

public sealed record OccurrenceInput(DateOnly? Date, string? Type, string? ContactId, string? Description);

public sealed record CompetitorInput(string? Name, string? Notes, string? Prices);

/// <summary>Occurrence rules, without I/O.</summary>
public static class OccurrenceRules
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxCompetitors = 20;
    public const int MaxCompetitorNameLength = 120;
    public const int MaxCompetitorNotesLength = 1000;
    public const int MaxCompetitorPricesLength = 500;

    /// <summary>Gescor's screen opens on recent history: without dates, the list shows the last 90 days.</summary>
    public const int DefaultPeriodDays = 90;

    /// <summary>A printed report stops here; the page says so, and the user narrows the period.</summary>
    public const int MaxPrinted = 500;

    public static void Validate(OccurrenceInput input, Validation validation)
    {
        validation.Check(input.Date is not null, "date", "Informe a data da ocorrência.");
        validation.Check(OccurrenceType.IsKnown(input.Type), "type",
            "Tipo de ocorrência inválido: use visita, diario, pos-venda, sac ou outro.");
        validation.Required(input.Description?.Trim(), "description", "Descreva a ocorrência.")
            .MaxLength(input.Description?.Trim(), MaxDescriptionLength, "description", "A descrição");
    }

    public static CompetitorNote Competitor(CompetitorInput input, int existing, string id, DateTimeOffset now, string actor)
    {
        var name = input.Name?.Trim() ?? "";
        new Validation()
            .Required(name, "name", "Informe o nome do concorrente.")
            .MaxLength(name, MaxCompetitorNameLength, "name", "O nome do concorrente")
            .MaxLength(input.Notes?.Trim(), MaxCompetitorNotesLength, "notes", "As observações")
            .MaxLength(input.Prices?.Trim(), MaxCompetitorPricesLength, "prices", "Os preços")
            .Check(existing < MaxCompetitors, "name", $"Uma ocorrência pode ter no máximo {MaxCompetitors} concorrentes.")
            .ThrowIfInvalid();
        return new CompetitorNote(id, name, Blank(input.Notes), Blank(input.Prices), now, actor);
    }

    /// <summary>The period of a query: both ends given, one end given, or the default last 90 days up to today.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? (from is { } start && start > today ? start.AddDays(DefaultPeriodDays) : today);
        var begin = from ?? end.AddDays(-DefaultPeriodDays);
        if (begin > end)
        {
            throw AppException.Validation("to", "A data final deve ser igual ou posterior à data inicial.");
        }

        return (begin, end);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
