namespace CrmSaaS.Functions.Documents;

/// <summary>
/// Everything the printed sales proposal shows (the PDF attached to every order in the customer area).
/// Values arrive already decided by the order — the renderer formats, it does not calculate.
/// </summary>
public sealed record ProposalDocument
{
    public required ProposalCompany Company { get; init; }

    /// <summary>Order number, printed as "Proposta nº 1024".</summary>
    public required int Number { get; init; }

    /// <summary>Proposal version; a revised proposal gets a new version and a new PDF.</summary>
    public int Version { get; init; } = 1;

    public required DateOnly IssueDate { get; init; }

    public required DateOnly ValidUntil { get; init; }

    public required ProposalCustomer Customer { get; init; }

    public required string Salesperson { get; init; }

    public required IReadOnlyList<ProposalItem> Items { get; init; }

    /// <summary>Payment method shown above the installments, e.g. "Boleto bancário".</summary>
    public string? PaymentMethod { get; init; }

    public required IReadOnlyList<ProposalInstallment> Installments { get; init; }

    public required ProposalTotals Totals { get; init; }

    public string? Notes { get; init; }

    /// <summary>Written as the PDF creation date; passing it in keeps the output reproducible.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
}

/// <param name="Cnpj">Digits or already formatted; printed as 00.000.000/0000-00.</param>
public sealed record ProposalCompany(string LegalName, string TradeName, string Cnpj, string Address, string Contact);

/// <param name="TaxId">CNPJ (14 characters) or CPF (11 digits), with or without punctuation.</param>
public sealed record ProposalCustomer(string Name, string TaxId, string Address, string Contact);

/// <param name="Discount">Discount amount of the line, in reais (not a percentage).</param>
/// <param name="Information">Short note the seller attached to the item ("informações adicionais").</param>
public sealed record ProposalItem(
    string Code,
    string Description,
    decimal Quantity,
    decimal UnitPrice,
    decimal Discount,
    decimal Total,
    string? Information = null);

public sealed record ProposalInstallment(int Number, DateOnly DueDate, decimal Amount);

public sealed record ProposalTotals(decimal Gross, decimal Discount, decimal Total);
