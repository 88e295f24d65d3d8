using CrmSaaS.Functions.Documents;

namespace CrmSaaS.Functions.Tests.Documents;

internal static class SampleProposals
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 15, 10, 30, 0, TimeSpan.FromHours(-3));

    /// <summary>A typical one-page proposal of an air-conditioning installer.</summary>
    public static ProposalDocument Short() => new()
    {
        Company = new ProposalCompany(
            LegalName: "Refrigeração Avançada Serviços Técnicos Ltda.",
            TradeName: "Frio Certo",
            Cnpj: "12345678000195",
            Address: "Rua São João, 1.234 – Centro – Campinas/SP – CEP 13010-000",
            Contact: "(19) 3232-4545 · contato@friocerto.com.br"),
        Number = 1024,
        Version = 2,
        IssueDate = new DateOnly(2026, 11, 15),
        ValidUntil = new DateOnly(2026, 11, 30),
        Customer = new ProposalCustomer(
            Name: "Padaria Pão de Açúcar Ltda.",
            TaxId: "98.765.432/0001-10",
            Address: "Av. Brigadeiro Faria Lima, 500, sala 12 – Pinheiros – São Paulo/SP",
            Contact: "Conceição Araújo · (11) 98888-7777 · compras@paodeacucar.com.br"),
        Salesperson = "João Antônio Gonçalves",
        Items =
        [
            new ProposalItem("SRV-001", "Instalação de ar-condicionado split 12.000 BTUs", 2, 450.00m, 50.00m, 850.00m,
                "Inclui suporte e até 3 m de tubulação"),
            new ProposalItem("PRD-120", "Ar-condicionado split inverter 12.000 BTUs", 2, 2399.90m, 0m, 4799.80m,
                "Garantia de 12 meses do fabricante"),
            new ProposalItem("SRV-010", "Manutenção preventiva trimestral (contrato anual)", 4, 180.00m, 20.00m, 700.00m,
                "Visitas em março, junho, setembro e dezembro"),
        ],
        PaymentMethod = "Boleto bancário",
        Installments =
        [
            new ProposalInstallment(1, new DateOnly(2026, 12, 15), 2116.60m),
            new ProposalInstallment(2, new DateOnly(2027, 1, 15), 2116.60m),
            new ProposalInstallment(3, new DateOnly(2027, 2, 15), 2116.60m),
        ],
        Totals = new ProposalTotals(Gross: 6419.80m, Discount: 70.00m, Total: 6349.80m),
        Notes = "Instalação agendada em até 5 dias úteis após a aprovação. Preços válidos para pagamento via boleto.",
        GeneratedAt = GeneratedAt,
    };

    /// <summary>The short proposal with <paramref name="itemCount"/> numbered items, enough to fill several pages.</summary>
    public static ProposalDocument WithItems(int itemCount)
    {
        var items = Enumerable.Range(1, itemCount)
            .Select(i => new ProposalItem(
                $"IT-{i:000}",
                $"Item de serviço nº {i} – revisão técnica e higienização",
                1,
                100m + i,
                0m,
                100m + i,
                i % 3 == 0 ? $"Observação do item {i}: atendimento em horário comercial" : null))
            .ToList();
        var total = items.Sum(i => i.Total);
        return Short() with
        {
            Items = items,
            Totals = new ProposalTotals(total, 0m, total),
            Installments = [new ProposalInstallment(1, new DateOnly(2026, 12, 15), total)],
        };
    }
}
