using CrmSaaS.Functions.Common;

namespace CrmSaaS.Benchmarks;

/// <summary>Brazilian-looking records with valid CNPJ/CPF check digits, reproducible from a seed.</summary>
public static class BrazilianData
{
    private static readonly Random Random = new(2026);

    private static readonly string[] Businesses =
    [
        "Padaria", "Supermercado", "Clínica", "Farmácia", "Escritório", "Academia", "Restaurante", "Hotel", "Colégio", "Oficina",
        "Laboratório", "Condomínio", "Pousada", "Mercearia", "Construtora", "Distribuidora",
    ];

    private static readonly string[] Names =
    [
        "São Jorge", "Bom Preço", "Boa Vista", "Nossa Senhora Aparecida", "Pão Quente", "Vila Rica", "Santa Luzia", "Mar Azul",
        "Serra Verde", "Primavera", "Ipiranga", "Jardim Botânico", "Estrela do Norte", "Conceição", "Três Irmãos", "Recanto",
    ];

    private static readonly (string City, string State)[] Cities =
    [
        ("São Paulo", "SP"), ("Campinas", "SP"), ("Rio de Janeiro", "RJ"), ("Belo Horizonte", "MG"), ("Curitiba", "PR"),
        ("Porto Alegre", "RS"), ("Recife", "PE"), ("Salvador", "BA"), ("Fortaleza", "CE"), ("Goiânia", "GO"), ("Belém", "PA"),
    ];

    public static readonly string[] Services =
    [
        "Manutenção preventiva de ar-condicionado", "Limpeza de dutos", "Instalação de split 12.000 BTUs",
        "Visita técnica", "Higienização de câmara fria", "Recarga de gás refrigerante", "Troca de compressor",
    ];

    public static string Cnpj()
    {
        lock (Random)
        {
            return TaxIdGenerator.Cnpj(Random).Formatted;
        }
    }

    public static string Cpf()
    {
        lock (Random)
        {
            return TaxIdGenerator.Cpf(Random).Formatted;
        }
    }

    public static string Company(int i) => $"{Businesses[i % Businesses.Length]} {Names[(i / Businesses.Length) % Names.Length]} {i + 1}";

    public static (string City, string State) City(int i) => Cities[i % Cities.Length];

    public static string Serial(int i) => $"SN{2026_000_000 + i}";
}
