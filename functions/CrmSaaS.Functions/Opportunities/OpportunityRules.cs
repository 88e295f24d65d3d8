using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>Status transitions and stage statistics of opportunities. No I/O.</summary>
public static class OpportunityRules
{
    public const int MaxTitleLength = 200;
    public const int MaxProjectLength = 120;
    public const int MaxNotesLength = 4000;
    public const int MaxReasonLength = 500;

    public static void RequireOpen(Opportunity opportunity, string action)
    {
        if (!opportunity.IsOpen)
        {
            var state = opportunity.Status == OpportunityStatus.Won ? "ganha" : "perdida";
            throw AppException.InvalidState($"A oportunidade já foi marcada como {state}: reabra-a para {action}.");
        }
    }

    public static void Win(Opportunity opportunity, string actor, DateTimeOffset now)
    {
        RequireOpen(opportunity, "alterar o resultado");
        opportunity.Status = OpportunityStatus.Won;
        opportunity.LostReason = null;
        opportunity.ClosedAt = now;
        opportunity.ClosedBy = actor;
    }

    public static void Lose(Opportunity opportunity, string? reason, string actor, DateTimeOffset now)
    {
        var text = reason?.Trim() ?? "";
        new Validation()
            .Required(text, "reason", "Informe o motivo da perda.")
            .MaxLength(text, MaxReasonLength, "reason", "O motivo da perda")
            .ThrowIfInvalid();
        RequireOpen(opportunity, "alterar o resultado");
        opportunity.Status = OpportunityStatus.Lost;
        opportunity.LostReason = text;
        opportunity.ClosedAt = now;
        opportunity.ClosedBy = actor;
    }

    /// <summary>Back to the funnel; an opportunity closed in a stage that was removed since goes back to the first stage.</summary>
    public static void Reopen(Opportunity opportunity, bool stageExists, string firstStageId)
    {
        if (opportunity.IsOpen)
        {
            throw AppException.InvalidState("A oportunidade já está aberta.");
        }

        opportunity.Status = OpportunityStatus.Open;
        opportunity.LostReason = null;
        opportunity.ClosedAt = null;
        opportunity.ClosedBy = null;
        if (!stageExists)
        {
            opportunity.StageId = firstStageId;
        }
    }

    /// <summary>
    /// How a change moves the per-stage statistics (count and ticket total of OPEN opportunities): what leaves the old
    /// stage and what enters the new one. Null states mean "did not exist" (create) or "no longer exists" (delete).
    /// </summary>
    public static IReadOnlyDictionary<string, StageDelta> StatsDelta(CardState? before, CardState? after)
    {
        var deltas = new Dictionary<string, StageDelta>(StringComparer.Ordinal);
        if (before is { IsOpen: true } b)
        {
            Add(deltas, b.StageId, -1, -b.Total);
        }

        if (after is { IsOpen: true } a)
        {
            Add(deltas, a.StageId, 1, a.Total);
        }

        return deltas.Where(d => d.Value.Count != 0 || d.Value.Total != 0m).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, StageDelta> deltas, string stageId, int count, decimal total)
    {
        deltas.TryGetValue(stageId, out var current);
        deltas[stageId] = new StageDelta(current.Count + count, current.Total + total);
    }
}
