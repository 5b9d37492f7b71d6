namespace Erds.Consignment.Notify;

public sealed class NotificationOptions
{
    public const string Section = "Erds:Notification";

    // The sender address of notifications.
    public string From { get; set; } = "erds-notifications@localhost";

    // Without an SMTP host, notifications are written as .eml files into this folder (the embedded default).
    public string? PickupDirectory { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    // "StartTls" (default), "SslOnConnect" or "None" (only for a relay on loopback).
    public string SmtpSecurity { get; set; } = "StartTls";
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }
}
