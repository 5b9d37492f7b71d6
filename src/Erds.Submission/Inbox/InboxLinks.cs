namespace Erds.Submission.Inbox;

public sealed record InboxLinks(string Self, string Content, string Accept, string Refuse, string Evidence)
{
    public static InboxLinks For(Guid messageId)
    {
        var self = $"/api/v1/inbox/{messageId}";
        return new(self, self + "/content", self + "/accept", self + "/refuse", self + "/evidence");
    }
}
