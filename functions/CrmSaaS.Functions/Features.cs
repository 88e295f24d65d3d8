using CrmSaaS.Functions.Accounts;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Contracts;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Health;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Solutions;

namespace CrmSaaS.Functions;

/// <summary>Every feature of the app, registered explicitly: services first, then endpoints.</summary>
public static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddQueueHandler<SendEmailHandler>();
        services.AddScoped<EmailOutbox>();
        services.AddIdentityFeature();
        services.AddScoped<CustomerStore>();
        services.AddScoped<AccountStore>();
        services.AddScoped<CatalogueStore>();
        services.AddScoped<SolutionStore>();
        services.AddScoped<ContractStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapWhoAmI();
        app.MapIdentity();
        app.MapCustomers();
        app.MapAccounts();
        app.MapCatalogue();
        app.MapSolutions();
        app.MapContracts();
        return app;
    }
}
