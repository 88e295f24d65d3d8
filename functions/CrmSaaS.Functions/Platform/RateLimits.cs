using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CrmSaaS.Functions.Platform;

/// <summary>Rate limits for the public doors (login, sign-up, password reset), per client IP.</summary>
public static class RateLimits
{
    public const string Auth = "auth";

    public static IServiceCollection AddCrmRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitsOptions>().BindConfiguration("RateLimits");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Auth, http =>
            {
                var settings = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AuthPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}

public sealed class RateLimitsOptions
{
    public int AuthPerMinute { get; set; } = 20;
}
