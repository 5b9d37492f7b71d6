using System.Security.Cryptography;
using System.Text;
using Erds.Evidence.Model;

namespace Erds.Evidence.Tests.Xml;

/// <summary>Evidence documents for tests: one with every field the model has, and a minimal one.</summary>
internal static class EvidenceSamples
{
    public static readonly DateTimeOffset EventTime = new(2026, 11, 22, 10, 15, 30, 123, TimeSpan.Zero);

    public static EvidenceDocument Full(EvidenceEvent evidenceEvent) => new()
    {
        EvidenceIdentifier = $"ev-{evidenceEvent.Name}-0001",
        Event = evidenceEvent,
        Reasons = evidenceEvent.IsNegative
            ? [EventReason.UnknownRecipient("No mailbox for this address."), EventReason.Expired()]
            : [],
        EventTime = EventTime,
        IssuerPolicyIds = ["urn:erds:policy:evidence:1", "http://example.org/policy/qerds"],
        Issuer = new IssuerDetails("Demo ERDS B.V.", [0x30, 0x82, 0x01, 0x0A, 0x02, 0x82, 0x01, 0x01, 0x00, 0xFF]),
        Sender = new PartyDetails
        {
            Identifier = "griffie@rechtspraak.example",
            IdentifierScheme = "mailto",
            Identity = [IdentityAttribute.LegalName("Rechtbank Voorbeeld"), IdentityAttribute.LegalPersonIdentifier("NL-KVK-12345678")],
            Authentication = new AuthenticationInfo(
                "http://eidas.europa.eu/LoA/substantial",
                "urn:erds:authn:password+totp",
                new DateTimeOffset(2026, 11, 22, 11, 10, 0, 500, TimeSpan.FromHours(1))),
        },
        SenderDelegate = new PartyDetails
        {
            Identifier = "j.jansen@rechtspraak.example",
            IdentifierScheme = "mailto",
            Identity = [IdentityAttribute.LegalName("J. Jansen")],
        },
        Recipients =
        [
            new PartyDetails { Identifier = "kantoor@advocaat.example", IdentifierScheme = "mailto", Identity = [IdentityAttribute.LegalName("Advocatenkantoor A")] },
            new PartyDetails { Identifier = "Info@Tweede.example", IdentifierScheme = "mailto" },
        ],
        SubmissionTime = EventTime.AddMinutes(-5),
        RefersToRecipient = 2,
        MessageIdentifier = "msg-7c1d5e2a@erds.example",
        AppLayerIdentifier = "case 2026/1234 & <urgent>",
        ContentParts =
        [
            Part("body", "text/plain; charset=utf-8", "Dear counsel,"),
            Part("att-1", "application/pdf", "%PDF-1.7 judgment"),
            Part("att-2", "application/xml", "<x/>"),
        ],
    };

    public static EvidenceDocument Minimal() => new()
    {
        EvidenceIdentifier = "ev-minimal",
        Event = EvidenceEvent.SubmissionAcceptance,
        EventTime = EventTime,
        Issuer = new IssuerDetails("Demo ERDS", SealCertificate: null),
        Sender = new PartyDetails { Identifier = "griffie@rechtspraak.example", IdentifierScheme = "mailto" },
        Recipients = [new PartyDetails { Identifier = "kantoor@advocaat.example", IdentifierScheme = "mailto" }],
    };

    public static ContentPart Part(string identifier, string contentType, string content) =>
        new(identifier, contentType, SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
