using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Fills <see cref="RequestContext"/> from the authenticated principal, after authorization has chosen the
/// endpoint's scheme. A token whose tenant claim is missing leaves the context anonymous, and stores then fail closed.
/// </summary>
public sealed class RequestContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, RequestContext context)
    {
        context.IpAddress = http.Connection.RemoteIpAddress?.ToString();
        context.UserAgent = http.Request.Headers.UserAgent.ToString();

        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // Authorization ran only for endpoints that require it; on the rest, nothing is filled.
            await next(http);
            return;
        }

        var tenant = user.FindFirstValue(ClaimNames.Tenant);
        var subject = user.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var name = user.FindFirstValue(ClaimNames.Name);
        var scheme = user.Identity.AuthenticationType;
        if (!string.IsNullOrEmpty(tenant) && !string.IsNullOrEmpty(subject))
        {
            var customer = user.FindFirstValue(ClaimNames.Customer);
            if (string.Equals(scheme, AuthSetup.CustomerScheme, StringComparison.Ordinal) && !string.IsNullOrEmpty(customer))
            {
                context.SetCustomer(tenant, customer, subject, name);
            }
            else if (string.Equals(scheme, AuthSetup.StaffScheme, StringComparison.Ordinal) && string.IsNullOrEmpty(customer))
            {
                context.SetStaff(tenant, subject, name, user.FindAll(ClaimNames.Role).Select(c => c.Value));
            }
        }

        await next(http);
    }
}
