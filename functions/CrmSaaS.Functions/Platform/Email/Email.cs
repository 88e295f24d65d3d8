using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Platform;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1025;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "CrmSaaS <nao-responda@crmsaas.local>";
}

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? ToName = null);

/// <summary>
/// E-mails leave through the <c>emails</c> queue: the user's action commits even when the SMTP relay is down,
/// and the send is retried (then poisoned) like any other step.
/// </summary>
public sealed class EmailOutbox(QueueRuntime queues, RequestContext context)
{
    public const string QueueName = "emails";

    public Task SendAsync(EmailMessage message, CancellationToken ct = default) =>
        queues.SendAsync(context.RequireTenantId(), QueueName, message, ct: ct);

    /// <summary>For flows with no tenant yet bound to the context (e.g. password reset lookups).</summary>
    public Task SendForTenantAsync(string tenantId, EmailMessage message, CancellationToken ct = default) =>
        queues.SendAsync(tenantId, QueueName, message, ct: ct);
}

public sealed class SendEmailHandler(IOptions<SmtpOptions> options, ILogger<SendEmailHandler> logger) : IQueueHandler
{
    public string FunctionName => "SendEmail";
    public string QueueName => EmailOutbox.QueueName;

    public async Task HandleAsync(QueueEnvelope message, CancellationToken ct)
    {
        var email = message.Read<EmailMessage>();
        var smtp = options.Value;
        // Well under the queue lease, so a hung relay fails this attempt instead of letting the message be delivered twice.
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            client.Credentials = new NetworkCredential(smtp.Username, smtp.Password);
        }

        using var mail = new MailMessage
        {
            From = new MailAddress(smtp.From),
            Subject = email.Subject,
            Body = email.TextBody,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(email.To, email.ToName));
        if (email.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.HtmlBody, System.Text.Encoding.UTF8, "text/html"));
        }

        // Redelivery may send an e-mail twice (SMTP has no idempotency key); the links inside stay single-use.
        await client.SendMailAsync(mail, ct);
        logger.LogInformation("E-mail '{Subject}' sent to {To}", email.Subject, email.To);
    }
}
