namespace CrmSaaS.Functions.Platform;

public sealed class PortalOptions
{
    /// <summary>Allowed CORS origin(s) of the portal, comma-separated.</summary>
    public string Origin { get; set; } = "http://localhost:5173";

    /// <summary>Base URL used in e-mailed links (confirmation, invitations, approval links).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5173";

    public string Link(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}
