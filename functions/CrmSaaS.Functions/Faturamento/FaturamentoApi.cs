using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Faturamento;

/// <summary>The opportunity's "$ Faturamento" tab (Omie): billing customer and generated documents.</summary>
public static class FaturamentoApi
{
    public static IEndpointRouteBuilder MapFaturamento(this IEndpointRouteBuilder app)
    {
        // The group is the opportunity, not ".../faturamento": a group's own route would end with a slash.
        var group = app.MapGroup("/api/opportunities/{id}").WithTags("Faturamento").RequireStaff();
        group.MapGet("/faturamento", GetFaturamento).WithName(nameof(GetFaturamento));
        group.MapPost("/faturamento/customer", ChooseBillingCustomer).WithName(nameof(ChooseBillingCustomer)).RequireStaff(Roles.Sales, Roles.Finance);
        group.MapPost("/faturamento/generate", GenerateDocuments).WithName(nameof(GenerateDocuments)).RequireStaff(Roles.Sales, Roles.Finance);
        return app;
    }

    public sealed record ChooseCustomerRequest(string? Mode, string? CustomerId);

    public sealed record GenerateRequest(IReadOnlyList<string>? Kinds, bool? ConfirmDuplicate, ContractOptions? Contract);

    public static async Task<Ok<FaturamentoView>> GetFaturamento(string id, FaturamentoService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    public static async Task<Ok<FaturamentoView>> ChooseBillingCustomer(
        string id, ChooseCustomerRequest request, FaturamentoService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ChooseCustomerAsync(id, request.Mode, request.CustomerId, ct));

    public static async Task<Created<GenerationResult>> GenerateDocuments(
        string id, GenerateRequest request, FaturamentoService service, CancellationToken ct)
    {
        var result = await service.GenerateAsync(id, request.Kinds, request.ConfirmDuplicate ?? false, request.Contract, ct);
        return TypedResults.Created($"/api/opportunities/{id}/faturamento", result);
    }
}
