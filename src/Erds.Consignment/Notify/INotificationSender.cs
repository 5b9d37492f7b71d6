namespace Erds.Consignment.Notify;

public interface INotificationSender
{
    // Throws NotificationFailedException when the notification could not be handed to the mail system.
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
