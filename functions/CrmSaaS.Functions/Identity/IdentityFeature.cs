namespace CrmSaaS.Functions.Identity;

/// <summary>Registration of the identity feature (tenants, staff, customer-area accounts).</summary>
public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services)
    {
        services.AddSingleton<IdentityDirectory>();
        services.AddSingleton<RefreshTokens>();
        services.AddScoped<SignupService>();
        services.AddScoped<StaffAuthService>();
        services.AddScoped<UsersService>();
        services.AddScoped<PortalAccessService>();
        services.AddScoped<CustomerAuthService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app) =>
        app.MapAuth().MapUsers().MapCustomerAccess();
}
