using CrmSaaS.Functions.Common;

namespace CrmSaaS.E2E.Tests.Infrastructure;

/// <summary>Brazilian-looking test data with valid check digits.</summary>
public static class E2EData
{
    private static readonly Random Random = new();

    public static string NewCnpj()
    {
        lock (Random)
        {
            return TaxIdGenerator.Cnpj(Random).Formatted;
        }
    }

    public static string NewCpf()
    {
        lock (Random)
        {
            return TaxIdGenerator.Cpf(Random).Formatted;
        }
    }
}
