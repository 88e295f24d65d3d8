using CrmSaaS.Functions.ServiceOrders;

namespace CrmSaaS.Functions.Tests.ServiceOrders;

public sealed class ServiceOrderRulesTests
{
    [Theory]
    [InlineData("aberta", "em-execucao")]
    [InlineData("aberta", "cancelada")]
    [InlineData("em-execucao", "concluida")]
    [InlineData("em-execucao", "aberta")]
    [InlineData("concluida", "faturada")]
    [InlineData("concluida", "em-execucao")]
    [InlineData("concluida", "cancelada")]
    public void Allowed_transitions(string from, string to)
    {
        ServiceOrderRules.TransitionRefusal(from, to).ShouldBeNull();
    }

    [Theory]
    [InlineData("aberta", "faturada", "Só uma ordem de serviço concluída pode ser faturada.")]
    [InlineData("em-execucao", "faturada", "Só uma ordem de serviço concluída pode ser faturada.")]
    [InlineData("aberta", "concluida", "Não é possível passar a ordem de serviço de Aberta para Concluída.")]
    [InlineData("faturada", "aberta", "Uma ordem de serviço faturada não pode mudar de status.")]
    [InlineData("cancelada", "aberta", "Uma ordem de serviço cancelada não pode mudar de status.")]
    [InlineData("aberta", "aberta", "A ordem de serviço já está aberta.")]
    [InlineData("aberta", "pronta", "Status inválido. Use aberta, em-execucao, concluida, faturada ou cancelada.")]
    public void Refused_transitions_explain_why(string from, string to, string refusal)
    {
        ServiceOrderRules.TransitionRefusal(from, to).ShouldBe(refusal);
    }

    [Fact]
    public void Only_open_or_running_orders_can_be_edited()
    {
        ServiceOrderRules.EditRefusal("aberta").ShouldBeNull();
        ServiceOrderRules.EditRefusal("em-execucao").ShouldBeNull();
        ServiceOrderRules.EditRefusal("concluida").ShouldBe("A ordem de serviço está concluída: reabra-a (em execução) para alterá-la.");
        ServiceOrderRules.EditRefusal("faturada").ShouldBe("A ordem de serviço já foi faturada e não pode ser alterada.");
        ServiceOrderRules.EditRefusal("cancelada").ShouldBe("A ordem de serviço está cancelada e não pode ser alterada.");
    }

    [Fact]
    public void Labels_are_portuguese()
    {
        ServiceOrderRules.Statuses.Select(ServiceOrderRules.Label).ShouldBe(["Aberta", "Em execução", "Concluída", "Faturada", "Cancelada"]);
    }
}
