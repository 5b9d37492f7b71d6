using MailKit.Net.Smtp;
using MailKit.Security;

namespace Erds.Consignment.Notify;

public sealed class SmtpNotificationSender(NotificationOptions options) : INotificationSender
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var message = NotificationMessageBuilder.Build(notification, options.From);
        using var client = new SmtpClient();
        try
        {
            var security = options.SmtpSecurity switch
            {
                "SslOnConnect" => SecureSocketOptions.SslOnConnect,
                "None" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.SmtpUsername))
            {
                await client.AuthenticateAsync(options.SmtpUsername, options.SmtpPassword ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or System.Net.Sockets.SocketException)
        {
            throw new NotificationFailedException($"SMTP delivery of the notification failed: {ex.Message}", ex);
        }
    }
}
