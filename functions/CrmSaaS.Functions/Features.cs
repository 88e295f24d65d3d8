using CrmSaaS.Functions.Faturamento;
using CrmSaaS.Functions.Health;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Quotes;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.ServiceOrders;

namespace CrmSaaS.Functions;

/// <summary>Every feature of the app, registered explicitly: services first, then endpoints.</summary>
public static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddQueueHandler<SendEmailHandler>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<CrmReferences>();
        services.AddScoped<SalesOrderStore>();
        services.AddQueueHandler<OrderEventsHandler>();
        services.AddScoped<QuoteStore>();
        services.AddScoped<ServiceOrderStore>();
        services.AddScoped<FaturamentoReferences>();
        services.AddScoped<FaturamentoService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapWhoAmI();
        app.MapSalesOrders();
        app.MapQuotes();
        app.MapServiceOrders();
        app.MapFaturamento();
        return app;
    }
}
