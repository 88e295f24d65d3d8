using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CrmSaaS.Functions.Platform;

public static class Roles
{
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Operations = "operations";
    public const string Finance = "finance";

    public static readonly IReadOnlyList<string> All = [Admin, Sales, Operations, Finance];

    public static string Label(string role) => role switch
    {
        Admin => "Administrador",
        Sales => "Vendas",
        Operations => "Operações",
        Finance => "Financeiro",
        _ => role,
    };
}

/// <summary>
/// Two bearer schemes with separate audiences: a customer token is refused by every staff endpoint and a staff
/// token by every customer endpoint. Endpoints declare who may call them with <see cref="RequireStaff"/> /
/// <see cref="RequireCustomer"/>; admins may do everything staff may do.
/// </summary>
public static class AuthSetup
{
    public const string StaffScheme = "Staff";
    public const string CustomerScheme = "Customer";

    public static IServiceCollection AddCrmAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddJwtBearer(StaffScheme, _ => { })
            .AddJwtBearer(CustomerScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(StaffScheme).Configure<IOptions<JwtOptions>>((o, jwt) => Configure(o, jwt.Value, JwtOptions.StaffAudience));
        services.AddOptions<JwtBearerOptions>(CustomerScheme).Configure<IOptions<JwtOptions>>((o, jwt) => Configure(o, jwt.Value, JwtOptions.CustomerAudience));
        services.AddAuthorization();
        return services;
    }

    private static void Configure(JwtBearerOptions options, JwtOptions jwt, string audience)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = TokenService.ValidationKeys(jwt).ToList(),
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = ClaimNames.Name,
            RoleClaimType = ClaimNames.Role,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
        options.Events = new JwtBearerEvents
        {
            // The identity is named after the scheme that validated the token, so the request context can tell a
            // staff token from a customer token even where a policy merges schemes.
            OnTokenValidated = context =>
            {
                if (context.Principal is { } principal)
                {
                    context.Principal = new System.Security.Claims.ClaimsPrincipal(
                        new System.Security.Claims.ClaimsIdentity(principal.Claims, context.Scheme.Name, ClaimNames.Name, ClaimNames.Role));
                }

                return Task.CompletedTask;
            },
            // Answer 401/403 as ProblemDetails instead of an empty body.
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                var detail = context.AuthenticateFailure is SecurityTokenExpiredException
                    ? "Sua sessão expirou: faça login novamente."
                    : "Sessão inválida ou ausente: faça login novamente.";
                await WriteAsync(context.HttpContext, 401, ErrorCodes.Unauthorized, detail);
            },
            OnForbidden = context => WriteAsync(context.HttpContext, 403, ErrorCodes.Forbidden, "Você não tem permissão para esta ação."),
        };
    }

    private static Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = ProblemDetailsMapping.TitleFor(status),
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
        };
        problem.Extensions["code"] = code;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    /// <summary>Staff only, with one of <paramref name="roles"/> (none = any staff role). Admin is always allowed.</summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        var policy = new AuthorizationPolicyBuilder(StaffScheme).RequireAuthenticatedUser();
        if (roles.Length > 0)
        {
            policy.RequireRole(roles.Append(Roles.Admin).Distinct());
        }

        return builder.RequireAuthorization(policy.Build());
    }

    public static TBuilder RequireCustomer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(CustomerScheme).RequireAuthenticatedUser().Build());
}
