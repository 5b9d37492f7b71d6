namespace Erds.Consignment.Notify;

public sealed class NotificationFailedException(string message, Exception? inner = null) : Exception(message, inner);
