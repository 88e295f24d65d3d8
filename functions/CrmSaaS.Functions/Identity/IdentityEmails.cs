using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// The e-mails of the identity flows (pt-BR, plain text) and their links, which open the portal's hash routes:
/// staff pages at <c>#/…</c>, the customer area at <c>#/cliente/&lt;slug&gt;/…</c>.
/// </summary>
public static class IdentityEmails
{
    public static string ConfirmEmailLink(PortalOptions portal, string token) => portal.Link("#/confirmar-email?token=" + token);

    public static string StaffResetLink(PortalOptions portal, string token) => portal.Link("#/redefinir-senha?token=" + token);

    public static string StaffInvitationLink(PortalOptions portal, string token) => portal.Link("#/convite?token=" + token);

    public static string CustomerInvitationLink(PortalOptions portal, string slug, string token) =>
        portal.Link($"#/cliente/{slug}/convite?token={token}");

    public static string CustomerResetLink(PortalOptions portal, string slug, string token) =>
        portal.Link($"#/cliente/{slug}/redefinir-senha?token={token}");

    public static EmailMessage Confirmation(string to, string name, string company, string link) => new(
        to,
        "Confirme seu e-mail no CrmSaaS",
        $"""
        Olá, {name}!

        A empresa {company} foi cadastrada no CrmSaaS com este e-mail.
        Para confirmar o endereço, abra o link abaixo (válido por 48 horas):

        {link}

        Se não foi você, ignore esta mensagem.
        """,
        ToName: name);

    public static EmailMessage PasswordReset(string to, string name, string link) => new(
        to,
        "Redefinição de senha do CrmSaaS",
        $"""
        Olá, {name}!

        Recebemos um pedido para redefinir a sua senha. Para criar uma nova senha, abra o link abaixo
        (válido por 1 hora e utilizável uma única vez):

        {link}

        Se você não pediu a redefinição, ignore esta mensagem: sua senha continua a mesma.
        """,
        ToName: name);

    public static EmailMessage StaffInvitation(string to, string name, string company, string inviter, string roleLabel, string link) => new(
        to,
        $"Convite para a equipe de {company} no CrmSaaS",
        $"""
        Olá, {name}!

        {inviter} convidou você para usar o CrmSaaS na empresa {company}, com o perfil {roleLabel}.
        Para aceitar o convite e criar a sua senha, abra o link abaixo (válido por 7 dias e utilizável uma única vez):

        {link}

        Se você não esperava este convite, ignore esta mensagem.
        """,
        ToName: name);

    public static EmailMessage CustomerInvitation(string to, string name, string company, string customerName, string link) => new(
        to,
        $"Acesso à área do cliente de {company}",
        $"""
        Olá, {name}!

        {company} liberou para você o acesso à área do cliente de {customerName}: lá você acompanha pedidos,
        envia contratos assinados e aprova propostas.
        Para criar a sua senha, abra o link abaixo (válido por 7 dias e utilizável uma única vez):

        {link}

        Se você não esperava este convite, ignore esta mensagem.
        """,
        ToName: name);

    public static EmailMessage CustomerPasswordReset(string to, string name, string company, string link) => new(
        to,
        $"Redefinição de senha da área do cliente de {company}",
        $"""
        Olá, {name}!

        Recebemos um pedido para redefinir a sua senha da área do cliente de {company}. Para criar uma nova senha,
        abra o link abaixo (válido por 1 hora e utilizável uma única vez):

        {link}

        Se você não pediu a redefinição, ignore esta mensagem: sua senha continua a mesma.
        """,
        ToName: name);
}
