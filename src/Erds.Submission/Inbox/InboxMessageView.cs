using Erds.Submission.Messages.Read;

namespace Erds.Submission.Inbox;

// One message for its recipient. Parts are listed once the content is available to the recipient
// (always in basic mode; after acceptance in consent mode).
public sealed record InboxMessageView(InboxItem Message, string SenderOrganisation, IReadOnlyList<PartView>? Parts, InboxLinks Links);
