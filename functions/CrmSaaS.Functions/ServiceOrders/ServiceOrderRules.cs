using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.ServiceOrders;

/// <summary>Service order statuses and transitions (aberta → em execução → concluída → faturada; cancelada before billing). No I/O.</summary>
public static class ServiceOrderRules
{
    public const string Aberta = "aberta";
    public const string EmExecucao = "em-execucao";
    public const string Concluida = "concluida";
    public const string Faturada = "faturada";
    public const string Cancelada = "cancelada";

    public const int MaxDescription = 4000;
    public const int MaxNotes = 2000;
    public const int MaxStatusNote = 500;

    public static readonly IReadOnlyList<string> Statuses = [Aberta, EmExecucao, Concluida, Faturada, Cancelada];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Aberta] = [EmExecucao, Cancelada],
        [EmExecucao] = [Aberta, Concluida, Cancelada],
        [Concluida] = [EmExecucao, Faturada, Cancelada],
        [Faturada] = [],
        [Cancelada] = [],
    };

    public static string Label(string status) => status switch
    {
        Aberta => "Aberta",
        EmExecucao => "Em execução",
        Concluida => "Concluída",
        Faturada => "Faturada",
        Cancelada => "Cancelada",
        _ => status,
    };

    public static bool IsKnown(string? status) => status is not null && Allowed.ContainsKey(status);

    /// <summary>Null when <paramref name="from"/> → <paramref name="to"/> is allowed, else the pt-BR reason.</summary>
    public static string? TransitionRefusal(string from, string to)
    {
        if (!IsKnown(to))
        {
            return "Status inválido. Use aberta, em-execucao, concluida, faturada ou cancelada.";
        }

        if (from == to)
        {
            return $"A ordem de serviço já está {Label(to).ToLowerInvariant()}.";
        }

        return from switch
        {
            Faturada => "Uma ordem de serviço faturada não pode mudar de status.",
            Cancelada => "Uma ordem de serviço cancelada não pode mudar de status.",
            _ when to == Faturada && from != Concluida => "Só uma ordem de serviço concluída pode ser faturada.",
            _ when !Allowed.TryGetValue(from, out var next) || !next.Contains(to) =>
                $"Não é possível passar a ordem de serviço de {Label(from)} para {Label(to)}.",
            _ => null,
        };
    }

    /// <summary>Null when the order's content can be changed in <paramref name="status"/>, else the pt-BR reason.</summary>
    public static string? EditRefusal(string status) => status switch
    {
        Aberta or EmExecucao => null,
        Concluida => "A ordem de serviço está concluída: reabra-a (em execução) para alterá-la.",
        Faturada => "A ordem de serviço já foi faturada e não pode ser alterada.",
        _ => "A ordem de serviço está cancelada e não pode ser alterada.",
    };

    public static void CheckHeader(string? description, string? notes, DateOnly date, DateOnly? expectedDate, Validation validation)
    {
        validation.MaxLength(description, MaxDescription, "description", "A descrição");
        validation.MaxLength(notes, MaxNotes, "notes", "As observações");
        if (expectedDate is { } expected && expected < date)
        {
            validation.Add("expectedDate", "A previsão de conclusão não pode ser anterior à data da ordem de serviço.");
        }
    }
}
