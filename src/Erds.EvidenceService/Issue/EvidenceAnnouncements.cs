using Erds.Evidence.Model;

namespace Erds.EvidenceService.Issue;

// Which issued evidence is announced on the bus (EvidenceIssued): only evidence that another service
// waits for before it acts. Today that is SubmissionAcceptance, which starts consignment ("delivery
// follows proof"). Every announcement costs an outbox row, a confirmed publish, a durable queue
// entry and a consume; announcing the other three evidences of a message, which nobody consumed,
// was three of its eight bus messages (docs/performance.md). A service that comes to wait for
// another evidence adds its event here.
internal static class EvidenceAnnouncements
{
    private static readonly HashSet<string> Awaited = [EvidenceEvent.SubmissionAcceptance.Name];

    public static bool StartsFurtherWork(string eventName) => Awaited.Contains(eventName);
}
