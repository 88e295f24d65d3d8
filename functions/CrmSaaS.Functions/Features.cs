using CrmSaaS.Functions.Accounts;
using CrmSaaS.Functions.Billing;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.CustomerArea;
using CrmSaaS.Functions.Contracts;
using CrmSaaS.Functions.CustomerOverview;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Faturamento;
using CrmSaaS.Functions.Health;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Inventory;
using CrmSaaS.Functions.Occurrences;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Proposals;
using CrmSaaS.Functions.Quotes;
using CrmSaaS.Functions.Receivables;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.ServiceOrders;
using CrmSaaS.Functions.Settings;
using CrmSaaS.Functions.Solutions;
using CrmSaaS.Functions.Tasks;

namespace CrmSaaS.Functions;

/// <summary>Every feature of the app, registered explicitly: services first, then endpoints.</summary>
public static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddQueueHandler<SendEmailHandler>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<SalesOrders.CrmReferences>();
        services.AddScoped<SalesOrderStore>();
        services.AddOptions<ProposalLinkOptions>().BindConfiguration("ProposalLinks");
        services.AddScoped<OrderFiles>();
        services.AddScoped<ProposalApproval>();
        services.AddScoped<ApprovalLinks>();
        services.AddScoped<CustomerOrders>();
        services.AddQueueHandler<ProposalPdfHandler>();
        services.AddQueueHandler<ApprovalRemindersHandler>();
        services.AddQueueHandler<OrderEventsHandler>();
        services.AddScoped<QuoteStore>();
        services.AddScoped<ServiceOrderStore>();
        services.AddScoped<FaturamentoReferences>();
        services.AddScoped<FaturamentoService>();
        services.AddScoped<SettingsReferences>();
        services.AddScoped<SettingsStore>();
        services.AddScoped<Opportunities.CrmReferences>();
        services.AddScoped<OpportunityStore>();
        services.AddScoped<TaskReferences>();
        services.AddScoped<TaskStore>();
        services.AddScoped<CustomerReferences>();
        services.AddScoped<OccurrenceStore>();
        services.AddIdentityFeature();
        services.AddScoped<InventoryLookups>();
        services.AddScoped<InventoryStore>();
        services.AddScoped<InventoryReferences>();
        services.AddScoped<CustomerStore>();
        services.AddScoped<AccountStore>();
        services.AddScoped<CatalogueStore>();
        services.AddScoped<SolutionStore>();
        services.AddScoped<ContractStore>();
        services.AddBilling();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapWhoAmI();
        app.MapSalesOrders();
        app.MapProposals();
        app.MapCustomerArea();
        app.MapProposalLinks();
        app.MapQuotes();
        app.MapServiceOrders();
        app.MapFaturamento();
        app.MapSettings();
        app.MapOpportunities();
        app.MapTasks();
        app.MapOccurrences();
        app.MapIdentity();
        app.MapInventory();
        app.MapCustomers();
        app.MapAccounts();
        app.MapCatalogue();
        app.MapSolutions();
        app.MapContracts();
        app.MapBilling();
        app.MapReceivables();
        app.MapCustomerOverview();
        return app;
    }
}
