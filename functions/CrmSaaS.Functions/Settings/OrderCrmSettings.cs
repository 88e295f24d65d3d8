using System.Text.RegularExpressions;
using Azure;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Settings;

/// <summary>
/// Sales order → CRM settings (Centrium "Integração Pedido de Venda X CRM", 1.3–1.4): whether confirmed orders generate an
/// opportunity and one task per unit, the default of the order's "gerar oportunidade" box, and the defaults of what is
/// generated. The sales feature reads it through <see cref="SettingsStore.GetOrderCrmAsync"/>.
/// </summary>
public sealed record OrderCrmSettings(
    bool Enabled,
    bool DefaultGenerate,
    string StageId,
    string? OwnerId,
    string? OwnerName,
    string TitlePattern,
    string? TaskAssigneeId,
    string? TaskAssigneeName,
    int TaskDueDays,
    bool ShowProjectAndContract,
    ETag ETag)
{
    /// <summary>The generated opportunity's title for an order (see <see cref="OrderCrmRules.Title"/>).</summary>
    public string Title(long orderNumber, string customerName, string? project) =>
        OrderCrmRules.Title(TitlePattern, orderNumber, customerName, project);

    /// <summary>Due date of generated tasks: <see cref="TaskDueDays"/> after the day the order is confirmed.</summary>
    public DateOnly TaskDueDate(DateOnly confirmedOn) => confirmedOn.AddDays(TaskDueDays);
}

/// <summary>What an admin sends to change the order → CRM settings.</summary>
public sealed record OrderCrmInput(
    bool Enabled,
    bool DefaultGenerate,
    string? StageId,
    string? OwnerId,
    string? TitlePattern,
    string? TaskAssigneeId,
    int? TaskDueDays,
    bool ShowProjectAndContract);

public static partial class OrderCrmRules
{
    public const string DefaultTitlePattern = "Pedido {numero} - {cliente}";
    public const int DefaultTaskDueDays = 7;
    public const int MaxTitleLength = 200;
    public const int MaxTaskDueDays = 365;

    private static readonly string[] Placeholders = ["{numero}", "{cliente}", "{projeto}"];

    /// <summary>Checks the title pattern; null when valid, otherwise the pt-BR message.</summary>
    public static string? ValidatePattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "Informe o padrão do título da oportunidade.";
        }

        if (pattern.Length > MaxTitleLength)
        {
            return $"O padrão do título deve ter no máximo {MaxTitleLength} caracteres.";
        }

        var unknown = PlaceholderPattern().Matches(pattern).Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p));
        if (unknown is not null)
        {
            return $"Campo desconhecido no padrão do título: {unknown}. Use {{numero}}, {{cliente}} e {{projeto}}.";
        }

        // Without the number, every order of a customer would produce the same title.
        return pattern.Contains("{numero}", StringComparison.Ordinal)
            ? null
            : "O padrão do título deve conter {numero} (o número do pedido).";
    }

    /// <summary>
    /// Fills the pattern. Centrium: "Se o campo Projeto for preenchido no pedido de venda, o mesmo fará parte do título da
    /// oportunidade" — so a filled project goes into the title even when the pattern has no {projeto} (appended as
    /// " - projeto"), and an empty project leaves no dangling separator or empty brackets behind.
    /// </summary>
    public static string Title(string pattern, long orderNumber, string customerName, string? project)
    {
        var projectText = project?.Trim() ?? "";
        var text = pattern
            .Replace("{numero}", orderNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{cliente}", customerName.Trim(), StringComparison.Ordinal);
        if (text.Contains("{projeto}", StringComparison.Ordinal))
        {
            text = text.Replace("{projeto}", projectText, StringComparison.Ordinal);
        }
        else if (projectText.Length > 0)
        {
            text += " - " + projectText;
        }

        text = EmptyBrackets().Replace(text, "");
        text = RepeatedSeparators().Replace(text, " $1 ");
        text = Whitespace().Replace(text, " ").Trim();
        text = text.Trim('-', '–', '/', '|', ':', ' ');
        return text.Length <= MaxTitleLength ? text : text[..MaxTitleLength].TrimEnd();
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    // "A -  - B" → "A - B": a separator followed by more separators (only whitespace between them) collapses to one.
    [GeneratedRegex(@"\s*([-–/|:])(?:\s*[-–/|:])+\s*")]
    private static partial Regex RepeatedSeparators();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
