namespace Erds.Submission.Messages;

public sealed record MessageLinks(string Self, string Evidence)
{
    public static MessageLinks For(Guid messageId) =>
        new($"/api/v1/messages/{messageId}", $"/api/v1/messages/{messageId}/evidence");
}
