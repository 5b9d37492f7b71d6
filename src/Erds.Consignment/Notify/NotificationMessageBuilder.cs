using System.Globalization;
using MimeKit;

namespace Erds.Consignment.Notify;

public static class NotificationMessageBuilder
{
    public static MimeMessage Build(Notification notification, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(notification.To));
        message.Subject = notification.AsksForAcceptance
            ? "A registered message awaits your acceptance"
            : "A registered message is waiting for you";
        message.Headers.Add("X-Erds-Message-Id", notification.MessageId.ToString());
        var expiry = notification.ExpiresAt is { } e ? e.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "no set time";
        var action = notification.AsksForAcceptance ? "accept or refuse it" : "retrieve it";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                A registered message was sent to {notification.Mailbox}
                by {notification.SenderAddress} ({notification.SenderOrganisation}).

                Message: {notification.MessageId}
                Please {action} before {expiry}:
                {notification.RetrievalUrl}

                Retrieval is recorded and proven by sealed evidence.
                """,
        };
        return message;
    }
}
