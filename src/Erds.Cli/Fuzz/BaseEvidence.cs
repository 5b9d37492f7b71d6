using System.Security.Cryptography;
using Erds.Evidence.Model;

namespace Erds.Cli.Fuzz;

// The genuine evidence the hostile inputs start from: a small one, a typical one with a negative event,
// reasons, a delegate and three parts, and the largest the submission limits allow (50 recipients, 100 parts).
internal static class BaseEvidence
{
    public static EvidenceDocument Small(byte[] seal, DateTimeOffset now) => new()
    {
        EvidenceIdentifier = "fuzz-small",
        Event = EvidenceEvent.SubmissionAcceptance,
        EventTime = now.AddSeconds(-1),
        Issuer = new IssuerDetails("Fuzz Provider", seal),
        Sender = Party(0, now),
        Recipients = [Party(1, now)],
        MessageIdentifier = "msg-fuzz-small",
        ContentParts = [new ContentPart("body", "text/plain", SHA256.HashData("body"u8))],
    };

    public static EvidenceDocument Typical(byte[] seal, DateTimeOffset now) => Small(seal, now) with
    {
        EvidenceIdentifier = "fuzz-typical",
        Event = EvidenceEvent.ContentHandoverFailure,
        Reasons = [EventReason.Expired()],
        IssuerPolicyIds = ["urn:erds:policy:evidence:1"],
        SenderDelegate = Party(2, now),
        Recipients = [Party(3, now), Party(4, now), Party(5, now)],
        SubmissionTime = now.AddMinutes(-3),
        RefersToRecipient = 2,
        AppLayerIdentifier = "C/13/123456 & <urgent>",
        ContentParts = [.. Enumerable.Range(0, 3).Select(i => Part(i))],
    };

    public static EvidenceDocument Largest(byte[] seal, DateTimeOffset now) => Typical(seal, now) with
    {
        EvidenceIdentifier = "fuzz-largest",
        Recipients = [.. Enumerable.Range(10, 50).Select(i => Party(i, now))],
        RefersToRecipient = 50,
        ContentParts = [.. Enumerable.Range(0, 100).Select(i => Part(i))],
    };

    private static PartyDetails Party(int i, DateTimeOffset now) => new()
    {
        Identifier = $"mailbox{i}@organisation{i}.example",
        IdentifierScheme = "mailto",
        Identity = [IdentityAttribute.LegalName($"Organisation {i} B.V."), IdentityAttribute.LegalPersonIdentifier($"NL-KVK-{i:D8}")],
        Authentication = new AuthenticationInfo("http://eidas.europa.eu/LoA/substantial", "urn:erds:authn:api-token", now.AddMinutes(-1)),
    };

    private static ContentPart Part(int i) =>
        new($"attachment-{i}", "application/pdf", SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"part {i}")));
}
