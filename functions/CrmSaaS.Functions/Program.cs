using CrmSaaS.Functions;
using CrmSaaS.Functions.Platform;

var builder = WebApplication.CreateBuilder(args);

// Under the Functions host (custom handler) the host picks the port and delivers queue messages itself.
var functionsPort = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
if (!string.IsNullOrEmpty(functionsPort))
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{functionsPort}");
    builder.Configuration["Queues:LocalDispatcher"] = "false";
    builder.Configuration["Queues:HostEndpoints"] = "true";
    // The infrastructure creates tables, queues and the container; a cold start makes no storage calls for them
    // unless Storage__CreateResources is set explicitly.
    if (Environment.GetEnvironmentVariable("Storage__CreateResources") is null)
    {
        builder.Configuration["Storage:CreateResources"] = "false";
    }
}

// Structured (JSON) logs outside development, with scopes: request ids and the storage-transaction counts travel
// as fields, which the Functions host forwards to Application Insights.
if (!builder.Environment.IsDevelopment())
{
    builder.Logging.AddJsonConsole(options =>
    {
        options.IncludeScopes = true;
        options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        options.UseUtcTimestamp = true;
    });
}

builder.Services.AddSingleton(TimeProvider.System);
// Fail at start-up, not at the first login, when the signing key is missing, too short, or an unresolved Key Vault reference.
builder.Services.AddOptions<JwtOptions>().Bind(builder.Configuration.GetSection("Jwt"))
    .Validate(jwt => JwtOptions.IsUsableKey(jwt.SigningKey), "Jwt:SigningKey must be set to at least 32 bytes (an unresolved Key Vault reference is refused).")
    .Validate(jwt => string.IsNullOrEmpty(jwt.PreviousSigningKey) || JwtOptions.IsUsableKey(jwt.PreviousSigningKey), "Jwt:PreviousSigningKey, when set, must have at least 32 bytes.")
    .ValidateOnStart();
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection("Portal"));
builder.Services.Configure<QueueDispatcherOptions>(builder.Configuration.GetSection("Queues"));
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

// Behind Azure's front end and the Functions host every request reaches the app from loopback; the client's address
// is the right-most X-Forwarded-For entry, added by the front end (loopback proxies are trusted by default). Rate
// limits and audit records need the real address.
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);

builder.Services.AddProblemDetails(options =>
    options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
builder.Services.AddExceptionHandler<ProblemDetailsMapping>();
builder.Services.AddOpenApi();
builder.Services.AddCrmStorage(builder.Configuration);
builder.Services.AddCrmAuthentication();
builder.Services.AddCrmRateLimits();
builder.Services.AddSingleton<TokenService>();
builder.Services.AddHostedService<LocalQueueDispatcher>();
builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
{
    var origins = (builder.Configuration["Portal:Origin"] ?? "http://localhost:5173")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
        .WithExposedHeaders("ETag", "Location", StorageTransactionsMiddleware.Header);
}));
builder.Services.AddFeatures();
builder.Host.ConfigureHostOptions(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages(ProblemDetailsMapping.WriteStatusCodeProblemAsync);
app.UseMiddleware<StorageTransactionsMiddleware>();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequestContextMiddleware>();

app.MapOpenApi();
app.MapFeatures();
if (app.Configuration.GetValue<bool>("Queues:HostEndpoints"))
{
    app.MapQueueFunctions(app.Services.GetRequiredService<QueueRuntime>());
}

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
