namespace Erds.Consignment.Notify;

// The embedded default: each notification becomes an .eml file, as a mail server's pickup folder
// would take it. Written to a temporary name first so a reader never sees half a file.
public sealed class PickupFolderNotificationSender(string directory, string from) : INotificationSender
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var name = $"{notification.MessageId:N}-{Guid.NewGuid():N}";
            var temporary = Path.Combine(directory, name + ".tmp");
            await NotificationMessageBuilder.Build(notification, from).WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(directory, name + ".eml"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new NotificationFailedException($"Could not write the notification to {directory}: {ex.Message}", ex);
        }
    }
}
