using Azure;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Settings;

/// <summary>One column of the tenant's sales funnel (kanban). <see cref="Id"/> is part of index row keys, so it never changes.</summary>
public sealed record PipelineStage(string Id, string Name, int Order);

/// <summary>The tenant's pipeline: its stages in display order, and the version (ETag) they were read at.</summary>
public sealed record PipelineSettings(IReadOnlyList<PipelineStage> Stages, ETag ETag)
{
    public PipelineStage First => Stages[0];

    public PipelineStage? Find(string? stageId) =>
        string.IsNullOrEmpty(stageId) ? null : Stages.FirstOrDefault(s => string.Equals(s.Id, stageId, StringComparison.Ordinal));

    /// <summary>The stage's name, or a marker for opportunities closed in a stage that was removed since.</summary>
    public string NameOf(string stageId) => Find(stageId)?.Name ?? "(etapa removida)";
}

/// <summary>A stage as sent by the settings screen: an existing id keeps the stage (renamed, reordered); no id adds one.</summary>
public sealed record PipelineStageInput(string? Id, string? Name);

/// <summary>Rules of the pipeline settings, without I/O.</summary>
public static class PipelineRules
{
    public const int MaxStages = 20;
    public const int MaxNameLength = 60;

    /// <summary>
    /// The stages every tenant starts with. Sign-up writes the same list (Identity/TenantDefaults); readers fall back to
    /// it when the row is missing, so the two must stay equal.
    /// </summary>
    public static readonly IReadOnlyList<PipelineStage> DefaultStages =
    [
        new("prospeccao", "Prospecção", 1),
        new("qualificacao", "Qualificação", 2),
        new("proposta", "Proposta", 3),
        new("negociacao", "Negociação", 4),
        new("fechamento", "Fechamento", 5),
    ];

    /// <summary>
    /// The new stage list (order = position in <paramref name="input"/>) and the ids of the stages it removes.
    /// Throws a validation problem listing every field error.
    /// </summary>
    public static (IReadOnlyList<PipelineStage> Stages, IReadOnlyList<string> Removed) Apply(
        IReadOnlyList<PipelineStage> current, IReadOnlyList<PipelineStageInput>? input, Func<string> newId)
    {
        var validation = new Validation();
        if (input is null || input.Count == 0)
        {
            validation.Add("stages", "Informe ao menos uma etapa do funil.");
            validation.ThrowIfInvalid();
        }

        validation.Check(input!.Count <= MaxStages, "stages", $"O funil pode ter no máximo {MaxStages} etapas.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stages = new List<PipelineStage>();
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"stages[{i}]";
            var name = input[i].Name?.Trim() ?? "";
            validation.Required(name, field + ".name", "Informe o nome da etapa.");
            validation.MaxLength(name, MaxNameLength, field + ".name", "O nome da etapa");
            if (name.Length > 0 && !names.Add(SearchText.Normalize(name)))
            {
                validation.Add(field + ".name", $"A etapa \"{name}\" aparece mais de uma vez.");
            }

            var id = input[i].Id?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                id = newId();
            }
            else if (!current.Any(s => s.Id == id))
            {
                validation.Add(field + ".id", "Etapa desconhecida: recarregue a página e tente novamente.");
            }
            else if (!ids.Add(id))
            {
                validation.Add(field + ".id", "A mesma etapa foi enviada duas vezes.");
            }

            stages.Add(new PipelineStage(id, name, i + 1));
        }

        validation.ThrowIfInvalid();
        var removed = current.Select(s => s.Id).Where(id => !ids.Contains(id)).ToList();
        return (stages, removed);
    }
}
