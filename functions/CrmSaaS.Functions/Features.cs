using CrmSaaS.Functions.Health;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Inventory;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions;

/// <summary>Every feature of the app, registered explicitly: services first, then endpoints.</summary>
public static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddQueueHandler<SendEmailHandler>();
        services.AddScoped<EmailOutbox>();
        services.AddIdentityFeature();
        services.AddScoped<InventoryLookups>();
        services.AddScoped<InventoryStore>();
        services.AddScoped<InventoryReferences>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapWhoAmI();
        app.MapIdentity();
        app.MapInventory();
        return app;
    }
}
