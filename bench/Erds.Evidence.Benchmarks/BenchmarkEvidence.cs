using System.Security.Cryptography;
using Erds.Evidence.Model;

namespace Erds.Evidence.Benchmarks;

// A ContentHandover evidence as the provider issues it for a message with a body and two attachments:
// sender with authentication and delegate, one recipient, three content digests.
internal static class BenchmarkEvidence
{
    public static EvidenceDocument ContentHandover(byte[] sealCertificate, DateTimeOffset now) => new()
    {
        EvidenceIdentifier = Guid.CreateVersion7(now).ToString(),
        Event = EvidenceEvent.ContentHandover,
        EventTime = now.AddSeconds(-1),
        IssuerPolicyIds = ["urn:erds:policy:evidence:1"],
        Issuer = new IssuerDetails("ErdsService Benchmark Provider", sealCertificate),
        Sender = new PartyDetails
        {
            Identifier = "griffie@rechtbank.example",
            IdentifierScheme = "mailto",
            Identity = [IdentityAttribute.LegalName("Rechtbank Amsterdam"), IdentityAttribute.LegalPersonIdentifier("00000001003214345000")],
            Authentication = new AuthenticationInfo("http://eidas.europa.eu/LoA/substantial", "urn:erds:authn:api-token", now.AddMinutes(-2)),
        },
        SenderDelegate = new PartyDetails
        {
            Identifier = "j.jansen@rechtbank.example",
            IdentifierScheme = "mailto",
            Identity = [IdentityAttribute.LegalName("Mr. J. Jansen")],
        },
        Recipients =
        [
            new PartyDetails
            {
                Identifier = "kantoor@devries-advocaten.example",
                IdentifierScheme = "mailto",
                Identity = [IdentityAttribute.LegalName("Advocatenkantoor De Vries")],
                Authentication = new AuthenticationInfo("http://eidas.europa.eu/LoA/substantial", "urn:erds:authn:api-token", now.AddSeconds(-2)),
            },
        ],
        SubmissionTime = now.AddMinutes(-2),
        RefersToRecipient = 1,
        MessageIdentifier = Guid.CreateVersion7(now).ToString(),
        AppLayerIdentifier = "C/13/123456",
        ContentParts =
        [
            new ContentPart("body", "text/plain", SHA256.HashData("Geachte heer De Vries,"u8)),
            new ContentPart("attachment-1", "application/pdf", SHA256.HashData("%PDF-1.4 dagvaarding"u8)),
            new ContentPart("attachment-2", "application/pdf", SHA256.HashData("%PDF-1.4 productie 1"u8)),
        ],
    };
}
