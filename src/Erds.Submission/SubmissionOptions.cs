namespace Erds.Submission;

public sealed class SubmissionOptions
{
    public const string Section = "Erds:Submission";

    // Total size of body and attachments of one message.
    public long MaxMessageBytes { get; set; } = 1L << 30;

    public int MaxParts { get; set; } = 100;

    public int MaxRecipients { get; set; } = 50;

    // How long a recipient has to retrieve (or, in consent mode, accept) when the sender sets no expiry.
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan MaxExpiry { get; set; } = TimeSpan.FromDays(90);

    // How long a stored API credential is used without reading it again (CredentialCache): a revoked
    // token is refused at the latest this long after `erds token revoke`. Zero reads it on every request.
    public TimeSpan CredentialCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
